/**
 * The trainee's own SSH session: like any other login it shows in ps (the
 * sshd [priv] and session processes, then -bash), ss (the connection from
 * the jump host to port 22), who/w/last and auth.log.
 */
import type { BaseProcess, TraineeSession } from '../base-types';
import type { Interface, LogEntry, Login } from '../types';
import { addGroup, addUser } from './accounts';
import { addEntity, timeAt, type BuildContext } from './context';
import { DEFAULT_INFO } from './sockets';
import { parseTime } from '../../scenario/time-spec';
import { logindSession } from '../logind-session';
import { sessionStartLines } from '../session-lines';
import { traineeKey } from '../ssh-keys';

function firstFreePty(ctx: BuildContext): string {
  const used = new Set<string>();
  for (const p of ctx.processes) if (p.tty?.startsWith('pts/')) used.add(p.tty);
  for (const l of ctx.doc.logins) if (l.logout === undefined) used.add(l.tty);
  let n = 0;
  while (used.has(`pts/${n}`)) n++;
  return `pts/${n}`;
}

/** The address the host is reached at: the first global IPv4 address. */
export function primaryAddress(links: Interface[]): string {
  for (const l of links) {
    if (l.kind === 'loopback') continue;
    const a = l.addresses.find((x) => x.family === 'inet' && x.scope === 'global' && !x.peer);
    if (a) return a.address;
  }
  return '127.0.0.1';
}


function account(ctx: BuildContext) {
  const t = ctx.doc.trainee;
  const existing = ctx.accounts.get(t.user);
  if (existing) return existing;
  const groups = [...ctx.profile.adminGroups];
  for (const g of groups) addGroup(ctx, g);
  const created = addUser(ctx, { name: t.user, gecos: 'SOC analyst', groups }, ['trainee', 'user']);
  for (const g of groups) ctx.groups.get(g)?.members.push(t.user);
  return created;
}

export interface TraineeParts {
  session: TraineeSession;
  login?: Login;
  logs: LogEntry[];
}

/** Where the trainee's session forks: sshd [priv] at login, its child and the user manager, bash. */
const SESSION = { child: 60, shell: 400 };

/** Tells the pid counter when the trainee's session forks. */
export function declareTraineePids(ctx: BuildContext): void {
  const t = ctx.doc.trainee;
  const loginAt = parseTime(t.login, { now: ctx.now, boot: ctx.boot }) ?? ctx.now;
  const pids = ctx.ids.pids;
  if (t.visible) {
    pids.declare('trainee:priv', loginAt, 1);
    pids.declare('trainee:session', loginAt + SESSION.child, 1);
    pids.declare('trainee:manager', loginAt + SESSION.child, 2);
  }
  if (t.shell_pid === undefined) pids.declare('trainee:shell', loginAt + SESSION.shell, 1);
  else pids.lift(t.shell_pid, loginAt + SESSION.shell);
}

export function buildTrainee(ctx: BuildContext, links: Interface[]): TraineeParts {
  const t = ctx.doc.trainee;
  const acct = account(ctx);
  const loginAt = timeAt(ctx, t.login, ['trainee', 'login']);
  const tty = t.tty ?? firstFreePty(ctx);
  const base = {
    user: acct.name,
    uid: acct.uid,
    gid: acct.gid,
    home: acct.home,
    tty,
    from: t.from,
    loginAt,
  };
  const pids = ctx.ids.pids;
  const shellPid = t.shell_pid ?? pids.take('trainee:shell', loginAt + SESSION.shell, 1)[0]!;
  if (!t.visible) {
    return {
      session: { ...base, shellPid, privPid: 0, sessionPid: 0, socketInode: 0, visible: false, session: 0 },
      logs: [],
    };
  }
  const listener = ctx.pidOf.get('service:ssh');
  if (listener === undefined) {
    ctx.sink.error(
      ['trainee'],
      'the trainee logs in over SSH, but the host runs no ssh service',
      'add ssh to host.services, or set trainee.visible: false',
    );
  }
  const session = sessionNumber(ctx, loginAt);
  const scope = `session-${session}.scope`;
  const privPid = pids.take('trainee:priv', loginAt, 1)[0]!;
  const sessionPid = pids.take('trainee:session', loginAt + SESSION.child, 1)[0]!;
  const [managerPid, sdPamPid] = pids.take('trainee:manager', loginAt + SESSION.child, 2) as [number, number];
  const local = primaryAddress(links);
  const port = ctx.ids.ports.ephemeral('trainee', t.from);
  const inode = ctx.ids.inodes.one(loginAt);
  const sock = { fd: 4, kind: 'socket' as const, target: inode, mode: 'u' as const };
  const sshd = {
    exe: '/usr/sbin/sshd',
    comm: 'sshd',
    cwd: '/',
    env: [],
    tty: null,
    startTime: loginAt,
    cpuSeconds: 0,
    unit: scope,
    origin: 'trainee',
  };
  ctx.processes.push(
    {
      ...sshd,
      pid: privPid,
      ppid: listener ?? 1,
      uid: 0,
      gid: 0,
      argv: [`sshd: ${acct.name} [priv]`],
      title: `sshd: ${acct.name} [priv]`,
      stat: 'Ss',
      vsz: 17_248,
      rss: 10_880,
      fds: [sock],
    },
    {
      ...sshd,
      pid: sessionPid,
      ppid: privPid,
      uid: acct.uid,
      gid: acct.gid,
      argv: [`sshd: ${acct.name}@${tty}`],
      title: `sshd: ${acct.name}@${tty}`,
      stat: 'S',
      startTime: loginAt + SESSION.child,
      vsz: 17_508,
      rss: 6_912,
      fds: [sock],
    },
    {
      pid: shellPid,
      ppid: sessionPid,
      uid: acct.uid,
      gid: acct.gid,
      comm: 'bash',
      argv: ['-bash'],
      exe: ctx.profile.bashPath,
      cwd: acct.home,
      tty,
      stat: 'Ss',
      startTime: loginAt + SESSION.shell,
      vsz: 8_648,
      rss: 5_376,
      cpuSeconds: 0,
      unit: scope,
      origin: 'trainee',
      env: [
        ['SHELL', acct.shell],
        ['PWD', acct.home],
        ['LOGNAME', acct.name],
        ['HOME', acct.home],
        ['LANG', 'C.UTF-8'],
        ['SSH_CONNECTION', `${t.from} ${port} ${local} 22`],
        ['TERM', 'xterm-256color'],
        ['USER', acct.name],
        ['SHLVL', '1'],
        ['XDG_SESSION_ID', String(session)],
        ['SSH_CLIENT', `${t.from} ${port} 22`],
        ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ['MAIL', `/var/mail/${acct.name}`],
        ['SSH_TTY', `/dev/${tty}`],
        ['_', '/usr/bin/bash'],
      ],
      fds: ['/dev/' + tty, '/dev/' + tty, '/dev/' + tty]
        .map((p, fd) => ({ fd, kind: 'chr' as const, target: p, mode: 'u' as const }))
        .concat([{ fd: 255, kind: 'chr', target: `/dev/${tty}`, mode: 'u' }]),
    },
  );
  ctx.processes.push(...userManager(acct, managerPid, sdPamPid, loginAt + SESSION.child));
  ctx.sockets.push({
    id: 'trainee-ssh',
    inode,
    sk: ctx.ids.cookies.next(),
    proto: 'tcp',
    family: 'inet',
    state: 'ESTABLISHED',
    local: { addr: local, port: 22 },
    remote: { addr: t.from, port },
    recvQ: 0,
    sendQ: 0,
    uid: 0,
    timer: {
      kind: 'keepalive',
      expiresMs: 7_200_000 - ((ctx.now - loginAt) % 7_200_000),
      retrans: 0,
    },
    info: { ...DEFAULT_INFO, congestion: 'cubic', ato: 40, appLimited: true },
    cgroup: `/user.slice/user-${acct.uid}.slice/${scope}`,
    createdAt: loginAt,
  });
  addEntity(
    ctx,
    {
      id: 'trainee',
      kind: 'trainee',
      at: loginAt,
      pids: [shellPid, privPid, sessionPid],
      inodes: [inode],
    },
    ['trainee'],
  );
  const login: Login = {
    id: 'trainee',
    user: acct.name,
    tty,
    host: t.from,
    loginAt,
    pid: privPid,
    self: true,
  };
  return {
    session: { ...base, shellPid, privPid, sessionPid, socketInode: inode, visible: true, session },
    login,
    logs: loginLogs(ctx, { ...acct, session, privPid, managerPid, port }, loginAt),
  };
}

/** logind's number for the trainee's login: after every scenario login before it. */
function sessionNumber(ctx: BuildContext, loginAt: number): number {
  const clock = { now: ctx.now, boot: ctx.boot };
  const before = ctx.doc.timeline.filter((e) => (e.kind === 'ssh-login' || e.kind === 'ssh-remote-forward')
    && (parseTime(e.at, clock) ?? Infinity) < loginAt).length;
  return logindSession(ctx.boot, loginAt, before);
}

interface LoginFacts {
  name: string;
  uid: number;
  session: number;
  privPid: number;
  managerPid: number;
  port: number;
}

/**
 * The login as sshd, PAM and logind log it; the user had no other session,
 * so systemd starts the user's slice and service manager (the `(systemd)`
 * PAM line is the manager's own session), as for any first login.
 */
function loginLogs(ctx: BuildContext, a: LoginFacts, at: number): LogEntry[] {
  const t = ctx.doc.trainee;
  const logind = ctx.pidOf.get('service:systemd-logind');
  const fp = `ED25519 ${traineeKey(a.name, t.from).fingerprint}`;
  return sessionStartLines({
    user: a.name, uid: a.uid, session: a.session, privPid: a.privPid, managerPid: a.managerPid,
    logindPid: logind, accepted: `Accepted publickey for ${a.name} from ${t.from} port ${a.port} ssh2: ${fp}`,
  }).map(({ dt, ...e }) => ({ ...e, time: at + dt }));
}

const devNull = () => [0, 1, 2].map((fd) => ({ fd, kind: 'chr' as const, target: '/dev/null', mode: 'u' as const }));

/** The trainee's `systemd --user` and its `(sd-pam)` child, as pam_systemd starts them. */
function userManager(
  acct: { uid: number; gid: number; home: string }, pid: number, sdPam: number, at: number,
): BaseProcess[] {
  const base = {
    uid: acct.uid, gid: acct.gid, startTime: at, cwd: acct.home, unit: `user@${acct.uid}.service`,
    origin: 'trainee', exe: '/usr/lib/systemd/systemd', env: [], tty: null, cpuSeconds: 0,
  };
  return [
    { ...base, pid, ppid: 1, comm: 'systemd', argv: ['/usr/lib/systemd/systemd', '--user'],
      stat: 'Ss', vsz: 20_356, rss: 11_264, fds: devNull() },
    { ...base, pid: sdPam, ppid: pid, comm: '(sd-pam)', argv: ['(sd-pam)'],
      stat: 'S', vsz: 21_148, rss: 3_716, fds: devNull() },
  ];
}

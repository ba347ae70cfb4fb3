/**
 * ssh-login (and ssh-remote-forward): an OpenSSH 8.x/9.x login as the host's
 * profile runs it. The listener forks a per-connection `sshd: USER [priv]`
 * (root), which forks the unprivileged `sshd: USER@pts/N` (or `sshd: USER`
 * without a pty), which runs the login shell `-bash` on pts/N. Both sshd
 * processes hold the connection's socket on fd 4, as in the capture. A root
 * login has no unprivileged child: `sshd: root@pts/N` runs the shell. With
 * `-R PORT:...` the unprivileged sshd also listens on 127.0.0.1:PORT (fd 9)
 * and [::1]:PORT (fd 7). A pty login writes a utmp/wtmp record.
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { Process, VirtualFile } from '../types';
import { keyLine, publicKeyOf } from '../ssh-keys';
import { unit } from './alloc';
import type { CompileCtx } from './compile-ctx';
import { daemonPid } from './compile-ctx';
import type { WorldCtx } from './context';
import { devNull, interactiveInfo, keepalive, listen, pathFd, proc, sockFd, tcp, ttyFds } from './make';
import { countConversation, type Tally } from './conversation';
import type { BehaviourModule, Collector } from './module';
import { managerStop, sessionPid, sshLogs } from './ssh-logs';
import { parseDuration } from './time';
import type { SshLogin } from './types';
import { sudoCommandOf, type SudoUse } from '../sudo-log';
import { logindSession } from '../logind-session';
import { sshdEnviron } from './proc-env';

type Entry = TimelineEntryOf<'ssh-login'> | TimelineEntryOf<'ssh-remote-forward'>;

/** The login's key, drawn from the seed: the blob authorized_keys holds and its fingerprint. */
export function loginKey(seed: number, keyType: string, key: string): { fingerprint: string; publicKey: string } {
  const k = publicKeyOf(keyType, `${seed}:${key}`);
  return { fingerprint: k.fingerprint, publicKey: keyLine(k) };
}

export function compileSshLogin(e: Entry, path: IssuePath, cc: CompileCtx): SshLogin {
  const runAs = cc.runAs(e.user, [...path, 'user']);
  const at = cc.time(e.at);
  const until = e.logout ? cc.time(e.logout) : e.until ? cc.time(e.until) : undefined;
  const tty = e.pty ? freePty(cc, at, until) : null;
  const failures = compileFailures(e, at, cc);
  const [priv, user] = cc.pids.take(`${e.id}:sshd`, at, 2);
  const shell = e.pty ? cc.pids.take(`${e.id}:shell`, at + SSH_FORKS.shell, 1)[0] : undefined;
  const forwards = e.kind === 'ssh-remote-forward'
    ? [{ port: e.listen_port, target: e.target }] : [];
  const inodes = cc.inodes.alloc(at, 1 + forwards.length * 2);
  const b: SshLogin = {
    kind: 'ssh-login', written: e.kind, id: e.id, at, ...(until ? { until } : {}), ...runAs,
    from: e.from,
    fromPort: e.from_port ?? cc.port(`ssh:${e.id}`),
    auth: e.auth,
    keyType: e.key_type,
    ...loginKey(cc.seed, e.key_type, `${e.from}:${e.user}:${e.key_type}`),
    pty: e.pty,
    tty,
    commands: e.kind === 'ssh-login' ? e.commands : [],
    sudo: [],
    failures,
    session: sessionNumber(cc, at),
    forwards: forwards.map((f, i) => ({
      ...f,
      v6: { inode: inodes[1 + i * 2]!, sk: cc.sk(), fd: 7 + i * 4 },
      v4: { inode: inodes[2 + i * 2]!, sk: cc.sk(), fd: 9 + i * 4 },
    })),
    pids: { priv: priv!, user: user!, shell: shell ?? 0 },
    manager: managerPids(cc, e.id, at),
    inode: inodes[0]!,
    sk: cc.sk(),
    listenerPid: daemonPid(cc.base, 'sshd', 'sshd'),
    logindPid: daemonPid(cc.base, 'systemd-logind', 'logind'),
  };
  b.sudo = sudoUses(b, cc);
  cc.anchors.set(e.id, {
    pid: e.pty ? b.pids.shell : sessionPid(b),
    tty, cwd: runAs.home, env: sessionEnv(b, cc.hostAddr), runAs,
    sid: e.pty ? b.pids.shell : b.pids.priv,
    cgroup: `/user.slice/user-${runAs.uid}.slice/session-${b.session}.scope`,
  });
  return b;
}

/** When a login's processes fork after the connection: pam_systemd waits for the user
 * manager (user@UID.service) before the session opens, so the pty's bash forks after it. */
export const SSH_FORKS = { manager: 60, shell: 80 };

function managerPids(cc: CompileCtx, id: string, at: number): SshLogin['manager'] {
  const [pid, sdPam] = cc.pids.take(`${id}:manager`, at + SSH_FORKS.manager, 2);
  return { pid: pid!, sdPam: sdPam! };
}

/** When each failed password attempt before the login starts (its own sshd). */
export function failureTimes(e: Entry, at: number, seed: number): number[] {
  const n = e.failed_attempts;
  const span = parseDuration(e.failed_over);
  return Array.from({ length: n }, (_, i) => at - span + Math.floor((span * i) / Math.max(1, n)) +
    Math.floor(unit(seed, `fail:${e.id}:${i}`) * 2000));
}

function compileFailures(e: Entry, at: number, cc: CompileCtx): SshLogin['failures'] {
  const users = e.failed_users ?? [e.user];
  return failureTimes(e, at, cc.seed).map((when, i) => {
    const name = users[i % users.length]!;
    const invalid = !cc.base.accounts.some((a) => a.name === name);
    return { at: when, user: name, invalid, port: cc.port(`ssh-fail:${e.id}:${i}`),
      pid: cc.pids.take(`${e.id}:fail:${i}`, when, 1)[0]! };
  });
}

/** The lowest pts/N no other session holds during [at, until). */
function freePty(cc: CompileCtx, at: number, until: number | undefined): string {
  const busy = new Set<string>();
  const end = until ?? Infinity;
  for (const b of cc.compiled.values()) {
    if (b.kind !== 'ssh-login' || !b.tty) continue;
    if (b.at < end && at < (b.until ?? Infinity)) busy.add(b.tty);
  }
  // The trainee's pty is never handed out: a detached child of an earlier
  // session would still hold it open when the trainee logs in.
  const tr = cc.base.trainee;
  if (tr.visible) busy.add(tr.tty);
  for (let n = 0; ; n++) if (!busy.has(`pts/${n}`)) return `pts/${n}`;
}

/** The commands typed with sudo, each a sudo process of the counter (a second or so long). */
function sudoUses(b: SshLogin, cc: CompileCtx): SudoUse[] {
  const admins = new Set(cc.base.groups.filter((g) => g.name === 'sudo' || g.name === 'admin')
    .flatMap((g) => g.members));
  const rootShell = cc.base.accounts.find((a) => a.uid === 0)?.shell ?? '/bin/bash';
  const out: SudoUse[] = [];
  b.commands.forEach((line, i) => {
    const command = sudoCommandOf(line, rootShell);
    if (command === undefined) return;
    const at = commandTime(b, i) + SUDO_DELAY;
    const [pid] = cc.pids.take(`${b.id}:sudo:${i}`, at, 1);
    out.push({ at, end: at + 1_250, openDelay: 3, pid: pid!, user: b.user, uid: b.uid, tty: b.tty,
      pwd: b.home, command, allowed: b.uid === 0 || admins.has(b.user),
      unit: `session-${b.session}.scope` });
  });
  return out;
}

/** sudo starts a few ms after the line is typed (the shell forks it). */
export const SUDO_DELAY = 4;

/** logind's number: entries compile in time order, so the logins compiled are the earlier ones. */
function sessionNumber(cc: CompileCtx, at: number): number {
  const earlier = [...cc.compiled.values()].filter((b) => b.kind === 'ssh-login').length;
  const tr = cc.base.trainee;
  return logindSession(cc.boot, at, earlier + (tr.visible && tr.loginAt < at ? 1 : 0));
}

/** What the login shell exports to the programs it runs (sshd and PAM's, with SHLVL, PWD, _). */
export function sessionEnv(b: SshLogin, hostAddr: string): [string, string][] {
  const env: [string, string][] = [
    ['SHELL', b.shell], ['PWD', b.home], ['LOGNAME', b.user], ['XDG_SESSION_TYPE', 'tty'],
    ['MOTD_SHOWN', 'pam'], ['HOME', b.home], ['LANG', 'C.UTF-8'],
    ['SSH_CONNECTION', `${b.from} ${b.fromPort} ${hostAddr} 22`],
    ['XDG_SESSION_CLASS', 'user'], ['TERM', 'xterm-256color'], ['USER', b.user], ['SHLVL', '1'],
    ['XDG_SESSION_ID', String(b.session)], ['XDG_RUNTIME_DIR', `/run/user/${b.uid}`],
    ['SSH_CLIENT', `${b.from} ${b.fromPort} 22`],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin'],
    ['DBUS_SESSION_BUS_ADDRESS', `unix:path=/run/user/${b.uid}/bus`], ['MAIL', `/var/mail/${b.user}`],
  ];
  if (b.tty) env.push(['SSH_TTY', `/dev/${b.tty}`]);
  env.push(['_', '/usr/bin/bash']);
  return env;
}

/** When the session ends: logout, or a kill of one of its processes. */
function end(b: SshLogin, ctx: WorldCtx): number {
  let e = b.until ?? Infinity;
  e = Math.min(e, ctx.killAt(b.pids.priv, b.at), ctx.killAt(b.pids.user, b.at));
  if (b.pty) e = Math.min(e, ctx.killAt(b.pids.shell, b.at, [2, 15]));
  return e;
}

/** Time of the last command typed at or before t (the socket's last activity). */
export function lastActivity(b: SshLogin, t: number): number {
  let last = b.at + 1500;
  b.commands.forEach((_, i) => {
    const when = commandTime(b, i);
    if (when <= t) last = when;
  });
  return Math.min(last, t);
}

/** When the i-th command of a session that started at `at` is typed. */
export const commandAt = (at: number, i: number): number => at + 12_000 + i * 21_000;

export const commandTime = (b: SshLogin, i: number): number => commandAt(b.at, i);

function contribute(b: SshLogin, ctx: WorldCtx, t: number, out: Collector): void {
  const stop = ctx.endOf(b.id);
  if (t < b.at || t >= stop) return;
  const listenerUp = ctx.endOf(String(b.listenerPid)) > t;
  const title = b.pty ? `sshd: ${b.user}@${b.tty}` : `sshd: ${b.user}`;
  const cgroup = `/user.slice/user-${b.uid}.slice/session-${b.session}.scope`;
  const sshd = { comm: 'sshd', exe: '/usr/sbin/sshd', startTime: b.at, unit: `session-${b.session}.scope` };
  const monitor = { ...sshd, pid: b.pids.priv, ppid: listenerUp ? b.listenerPid : 1, stat: 'Ss', origin: b.id };
  // OpenSSH 9.x keeps no privilege-separated child for root: the monitor runs the session.
  const procs: Process[] = b.uid === 0
    ? [proc({ ...monitor, argv: [title], title, vsz: 17240, rss: 11008, fds: userFds(b) })]
    : [proc({ ...monitor, argv: [`sshd: ${b.user} [priv]`], title: `sshd: ${b.user} [priv]`,
      vsz: 17240, rss: 11008, fds: [...devNull(), sockFd(4, b.inode)] }),
    proc({ ...sshd, pid: b.pids.user, ppid: b.pids.priv, uid: b.uid, gid: b.gid, argv: [title], title,
      stat: 'S', vsz: 17500, rss: 6912, fds: userFds(b), origin: b.id })];
  if (b.pty && b.tty) {
    procs.push(proc({ pid: b.pids.shell, ppid: sessionPid(b), uid: b.uid, gid: b.gid, comm: 'bash',
      argv: ['-bash'], exe: '/usr/bin/bash', cwd: b.home, tty: b.tty, stat: 'Ss+',
      startTime: b.at + SSH_FORKS.shell, vsz: 8780, rss: 5376, env: sshdEnviron(sessionEnv(b, ctx.hostAddr)),
      fds: ttyFds(b.tty), unit: sshd.unit, origin: b.id }));
  }
  out.processes.push(...procs);
  const idle = t - lastActivity(b, t);
  const typed = b.commands.filter((_, i) => commandTime(b, i) <= t).length;
  out.sockets.push(tcp({
    id: b.id, inode: b.inode, sk: b.sk, state: 'ESTABLISHED', createdAt: b.at,
    local: { addr: ctx.hostAddr, port: 22 }, remote: { addr: b.from, port: b.fromPort },
    timer: keepalive(idle), cgroup,
    info: sessionInfo(typed, idle),
  }));
  // INPUT accepts the session's packets as ESTABLISHED: conntrack holds it.
  out.flows.push({
    proto: 'tcp', state: 'ESTABLISHED', timeout: Math.max(0, 432_000 - Math.floor(idle / 1000)),
    orig: { src: b.from, dst: ctx.hostAddr, sport: b.fromPort, dport: 22 },
    reply: { src: ctx.hostAddr, dst: b.from, sport: 22, dport: b.fromPort },
    assured: true, mark: 0,
  });
  for (const f of b.forwards) {
    out.sockets.push(listen(`${b.id}:fwd6`, f.v6.inode, f.v6.sk, '::1', f.port, 128, b.uid, b.at + 300));
    out.sockets.push(listen(`${b.id}:fwd4`, f.v4.inode, f.v4.sk, '127.0.0.1', f.port, 128, b.uid, b.at + 300));
  }
  if (b.tty) {
    out.logins.push({ id: b.id, user: b.user, tty: b.tty, host: b.from, loginAt: b.at, pid: b.pids.priv });
  }
}

/** The session's tcp_info after `typed` commands: key exchange and login, then each command's echo. */
const sessionInfo = (typed: number, idle: number) =>
  interactiveInfo(3400 + typed * 620, 3600 + typed * 180, idle, 21.5, true);

/** The session's packets up to t (login, then each command typed before it ended). */
function countSession(b: SshLogin, ctx: WorldCtx, t: number, out: Collector): void {
  if (t < b.at) return;
  const stop = ctx.endOf(b.id);
  const tally = (at: number, typed: number): Tally => {
    const i = sessionInfo(typed, 0);
    return { at, bytesOut: i.bytesSent, segsOut: i.segsOut, bytesIn: i.bytesReceived!, segsIn: i.segsIn };
  };
  const tallies = [tally(b.at, 0)];
  b.commands.forEach((_, i) => {
    const at = commandTime(b, i);
    if (at < stop) tallies.push(tally(at, i + 1));
  });
  countConversation(ctx, out, { local: { addr: ctx.hostAddr, port: 22 },
    remote: { addr: b.from, port: b.fromPort }, server: true }, tallies, t);
}

function userFds(b: SshLogin) {
  const fds = [...devNull(), sockFd(4, b.inode)];
  for (const f of b.forwards) fds.push(sockFd(f.v6.fd, f.v6.inode), sockFd(f.v4.fd, f.v4.inode));
  if (b.pty) fds.push(pathFd(8, '/dev/ptmx'));
  return fds.sort((x, y) => x.fd - y.fd);
}

/** A closed pty session's wtmp record and ~/.bash_history. */
export function closedSession(b: SshLogin, ctx: WorldCtx, t: number, out: Collector): void {
  const stop = ctx.endOf(b.id);
  if (stop > t || !b.tty) return;
  out.logins.push({ id: b.id, user: b.user, tty: b.tty, host: b.from, loginAt: b.at, logoutAt: stop,
    pid: b.pids.priv });
  if (stop !== b.until || b.commands.length === 0) return; // a killed bash writes no history
  out.files.push({ path: `${b.home}/.bash_history`, content: `${b.commands.join('\n')}\n`,
    mode: 0o600, uid: b.uid, gid: b.gid, mtime: stop });
}

/** The key a key login used, in the user's authorized_keys (the view joins the lines of one file). */
function authorizedKey(b: SshLogin): VirtualFile {
  return { path: `${b.home}/.ssh/authorized_keys`, content: `${b.publicKey} ${b.user}@${b.from}\n`,
    mode: 0o600, uid: b.uid, gid: b.gid, mtime: 0 };
}

/** `systemd --user` runs from the login until the session's scope is empty (+10 s). */
function userManager(b: SshLogin, ctx: WorldCtx, t: number, out: Collector): void {
  if (t < b.at + SSH_FORKS.manager || t >= managerStop(b, ctx)) return;
  const base = { uid: b.uid, gid: b.gid, startTime: b.at + SSH_FORKS.manager, cwd: b.home, unit: `user@${b.uid}.service`, origin: b.id };
  out.processes.push(
    proc({ ...base, pid: b.manager.pid, ppid: 1, comm: 'systemd', argv: ['/usr/lib/systemd/systemd', '--user'],
      exe: '/usr/lib/systemd/systemd', stat: 'Ss', vsz: 20_356, rss: 11_264, fds: devNull() }),
    proc({ ...base, pid: b.manager.sdPam, ppid: b.manager.pid, comm: '(sd-pam)', argv: ['(sd-pam)'],
      exe: '/usr/lib/systemd/systemd', stat: 'S', vsz: 21_148, rss: 3_716, fds: devNull() }),
  );
}

export const sshLoginModule: BehaviourModule<SshLogin> = {
  kind: 'ssh-login',
  end,
  contribute(b, ctx, t, out) {
    contribute(b, ctx, t, out);
    countSession(b, ctx, t, out);
    userManager(b, ctx, t, out);
    closedSession(b, ctx, t, out);
    if (b.auth === 'publickey') out.files.push(authorizedKey(b));
  },
  logs: sshLogs,
};

/**
 * beacon: periodic check-ins to the C2. With `via: cron` a crontab line
 * runs a script every minute: cron forks `/usr/sbin/CRON -f -P`, which runs
 * `/bin/sh -c SCRIPT`, whose bash sleeps a random few seconds (the jitter)
 * and runs curl. With `via: loop` one long-lived bash loops. Each check-in
 * is a short connection: ESTAB for a fraction of a second, then TIME-WAIT
 * for 60 s in `ss`, and TIME_WAIT for 120 s in conntrack. When the
 * firewall drops the SYN (or the reply), the check-in shows as a SYN-SENT
 * socket until the tool gives up, and the matching rule's counters rise.
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import { ctimeForm } from '../time-format';
import type { FdEntry, Process } from '../types';
import type { CompileCtx } from './compile-ctx';
import { daemonPid } from './compile-ctx';
import type { WorldCtx } from './context';
import { devNull, pathFd, proc, sockFd, tcp, timewait } from './make';
import { inherited } from './exfil';
import type { BehaviourModule, Collector } from './module';
import { beaconLogs, beaconPackets, countTraffic } from './beacon-wire';
import {
  connectDelay, firstRun, isActive, kRange, maxConnectDelay, occurrence, stopAt, synsSent,
  type Occurrence,
} from './beacon-occ';
import type { PidCounter } from '../pid-counter';
import { parseDuration, parseHostPort } from './time';
import type { Beacon } from './types';

type Entry = TimelineEntryOf<'beacon'>;

/**
 * Pids and inodes one check-in takes: with cron, CRON, sh, the script and
 * sleep at the minute, then the tool when it connects; with a loop, sleep
 * then the tool.
 */
export function perOccurrence(via: Beacon['via']) {
  return via === 'cron' ? { pids: 5, inodes: 3 } : { pids: 2, inodes: 1 };
}

/** When the crontab command that installs a cron beacon runs, before the install. */
const CRONTAB_LIST = 350;

/** Tells the pid counter what a beacon forks: its installer or loop, and each check-in. */
export function declareBeaconPids(e: Entry, time: (s: string) => number, pids: PidCounter, seed: number): void {
  const at = time(e.at);
  if (e.via === 'cron') pids.declare(`${e.id}:crontab`, at - CRONTAB_LIST, 1);
  else pids.declare(`${e.id}:loop`, at, 1);
  const period = beaconPeriod(e, time);
  const jitter = parseDuration(e.jitter);
  pids.periodic(`${e.id}:occ`, { ...period, per: perOccurrence(e.via).pids - 1 });
  pids.periodic(`${e.id}:tool`, { ...period, per: 1, maxDelay: maxConnectDelay(e.via, jitter),
    delay: (k) => connectDelay(seed, e.id, e.via, jitter, k) });
}

export function beaconPeriod(e: Entry, time: (s: string) => number) {
  const at = time(e.at);
  const end = e.until ? time(e.until) : Infinity;
  return { start: firstRun(e.via, at), end, interval: parseDuration(e.interval) };
}

function toolArgv(e: Entry, addr: string, port: number, url: string, timeout: number): string[] {
  const secs = String(Math.max(1, Math.round(timeout / 1000)));
  if (e.tool === 'wget') return ['wget', '-q', '-T', secs, '-O', '/dev/null', url];
  if (e.tool === 'nc') return ['nc', '-w', secs, addr, String(port)];
  return ['curl', '-fsSk', '-m', secs, '-A', 'Mozilla/5.0', '-o', '/dev/null', url];
}

function urlOf(e: Entry, addr: string, port: number): string {
  const host = addr.includes(':') ? `[${addr}]` : addr;
  const dflt = (e.protocol === 'https' && port === 443) || (e.protocol === 'http' && port === 80);
  return `${e.protocol}://${host}${dflt ? '' : `:${port}`}${e.url_path}`;
}

export function compileBeacon(e: Entry, path: IssuePath, cc: CompileCtx, index: number): Beacon {
  const runAs = cc.runAs(e.user, [...path, 'user']);
  const at = cc.time(e.at);
  const to = parseHostPort(e.to);
  const interval = parseDuration(e.interval);
  if (e.via === 'cron' && interval % 60_000 !== 0) {
    cc.issues.warn([...path, 'interval'], 'cron runs jobs on whole minutes',
      'use a multiple of 60s with via: cron, or via: loop');
  }
  const timeout = parseDuration(e.timeout);
  const url = urlOf(e, to.addr, to.port);
  const script = e.script ?? `${runAs.home}/.cache/.sysupdate.sh`;
  const argv = toolArgv(e, to.addr, to.port, url, timeout);
  const minutes = Math.max(1, Math.round(interval / 60_000));
  const cronLine = `${minutes === 1 ? '*' : `*/${minutes}`} * * * * ${script} >/dev/null 2>&1`;
  const jitterS = Math.max(1, Math.floor(parseDuration(e.jitter) / 1000));
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const crontabPid = e.via === 'cron' ? cc.pids.take(`${e.id}:crontab`, at - CRONTAB_LIST, 1)[0]! : 0;
  const loopPid = e.via === 'loop' ? cc.pids.take(`${e.id}:loop`, at, 1)[0]! : 0;
  const body = `#!/bin/bash\nsleep $((RANDOM % ${jitterS}))\n${argv.join(' ')}\n`;
  const files = [{ path: script, content: body, mode: 0o755, uid: runAs.uid, gid: runAs.gid, mtime: at - 9000 }];
  if (e.via === 'cron') {
    const gid = cc.base.groups.find((g) => g.name === 'crontab')?.gid ?? 0;
    files.push(crontabFile({ ...runAs, gid }, cronLine, at, cc.base.host.timezone));
  }
  return {
    kind: 'beacon', id: e.id, at, ...(e.until ? { until: cc.time(e.until) } : {}), ...runAs,
    interval, jitter: parseDuration(e.jitter), via: e.via, tool: e.tool, to, protocol: e.protocol,
    url, script, timeout, cronLine, toolArgv: argv,
    loopArgv: ['bash', '-c', `while :; do ${argv.join(' ')}; sleep $((${Math.round(interval / 1000) - jitterS} + RANDOM % ${jitterS})); done`],
    ...(e.parent ? { parent: e.parent } : {}),
    loopPid, stdio: anchor ? backgrounded(inherited(anchor)) : devNull(), parentPid: anchor?.pid ?? 1, ...(anchor?.cgroup ? { cgroup: anchor.cgroup } : {}),
    cronPid: daemonPid(cc.base, 'cron', 'cron'), crontabPid,
    requestBytes: 214, responseBytes: 431,
    first: firstRun(e.via, at), perOccurrence: perOccurrence(e.via),
    inodes: cc.inodes, skBase: 0x100000 * (index + 1), files,
  };
}

const onTerminal = (f: FdEntry | undefined): boolean =>
  typeof f?.target === 'string' && (f.target.startsWith('/dev/pts/') || f.target.startsWith('/dev/tty'));

/**
 * fds 0-2 of a loop started with `cmd &` (or `nohup cmd &`) from its
 * parent's shell: the shell's own. A shell without job control (its stdin is
 * no terminal, as for `bash -i` on a socket) gives an asynchronous command
 * /dev/null for stdin; nohup then finds no terminal and leaves them all.
 */
export function backgrounded(shell: FdEntry[]): FdEntry[] {
  const stdin = shell.find((f) => f.fd === 0);
  return shell.map((f) => (f.fd === 0 && !onTerminal(stdin) ? pathFd(0, '/dev/null') : f));
}

function crontabFile(r: { user: string; uid: number; gid: number }, line: string, at: number, tz: string) {
  const content = '# DO NOT EDIT THIS FILE - edit the master and reinstall.\n' +
    `# (- installed on ${ctimeForm(at, tz)})\n` +
    '# (Cron version -- $Id: crontab.c,v 2.13 1994/01/17 03:20:37 vixie Exp $)\n' + `${line}\n`;
  return { path: `/var/spool/cron/crontabs/${r.user}`, content, mode: 0o600, uid: r.uid, gid: r.gid, mtime: at };
}

/** The processes of check-in `o` alive at t. */
function occurrenceProcs(b: Beacon, o: Occurrence, t: number, cronPid: number): Process[] {
  if (t < o.nominal || t >= o.close) return [];
  const user = { uid: b.uid, gid: b.gid, startTime: o.nominal, origin: b.id };
  const [cron, sh, script, sleep, tool] = o.pids as [number, number, number, number, number];
  const out: Process[] = [];
  if (b.via === 'cron') {
    out.push(proc({ pid: cron, ppid: cronPid, comm: 'cron', argv: ['/usr/sbin/CRON', '-f', '-P'],
      title: '/usr/sbin/CRON -f -P', exe: '/usr/sbin/cron', stat: 'S', startTime: o.nominal,
      vsz: 10640, rss: 3324, unit: 'cron.service', origin: b.id, fds: devNull() }));
    out.push(proc({ ...user, pid: sh, ppid: cron, comm: 'sh', exe: '/usr/bin/dash', cwd: b.home,
      argv: ['/bin/sh', '-c', b.cronLine.split(' ').slice(5).join(' ')], stat: 'Ss', vsz: 2800, rss: 1664,
      unit: 'cron.service', fds: devNull() }));
    out.push(proc({ ...user, pid: script, ppid: sh, comm: b.script.split('/').pop()!.slice(0, 15),
      exe: '/usr/bin/bash', cwd: b.home, argv: ['/bin/bash', b.script], stat: 'S', vsz: 7236,
      rss: 3328, unit: 'cron.service', fds: [...devNull(), pathFd(255, b.script, 'r')] }));
  }
  const ppid = b.via === 'cron' ? script : b.loopPid;
  const io = b.via === 'cron' ? devNull() : b.stdio;
  if (t < o.connect) {
    out.push(proc({ ...user, pid: b.via === 'cron' ? sleep : o.pids[1]!, ppid, comm: 'sleep',
      exe: '/usr/bin/sleep', cwd: b.home, argv: ['sleep', String(o.sleep)], stat: 'S', vsz: 5684,
      rss: 1920, fds: io }));
  } else {
    out.push(proc({ ...user, pid: b.via === 'cron' ? tool : o.pids[0]!, ppid, comm: b.tool,
      exe: `/usr/bin/${b.tool}`, cwd: b.home, argv: b.toolArgv, stat: 'S', startTime: o.connect,
      vsz: 86_412, rss: 11_264, fds: [...io, sockFd(5, o.inode)] }));
  }
  return out;
}

function occurrenceSockets(b: Beacon, ctx: WorldCtx, o: Occurrence, t: number, out: Collector): void {
  const local = { addr: ctx.hostAddr, port: o.port };
  const cgroup = b.via === 'cron' ? '/system.slice/cron.service' : b.cgroup;
  const base = { id: `${b.id}#${o.k}`, sk: o.sk, local, remote: b.to, createdAt: o.connect,
    ...(cgroup ? { cgroup } : {}) };
  const orig = { src: local.addr, dst: b.to.addr, sport: o.port, dport: b.to.port };
  const reply = { src: b.to.addr, dst: local.addr, sport: b.to.port, dport: o.port };
  if (t < o.connect || o.outcome === 'refused') return;
  if (t < o.close) {
    if (o.outcome === 'ok') {
      out.sockets.push(tcp({ ...base, inode: o.inode, state: 'ESTABLISHED', uid: b.uid }));
      out.flows.push({ proto: 'tcp', state: 'ESTABLISHED', timeout: 431_999, orig, reply, assured: true, mark: 0 });
      return;
    }
    const since = t - o.connect;
    const sent = synsSent(since);
    const next = [0, 1000, 3000, 7000, 15000, 31000, 63000][sent] ?? 127_000;
    out.sockets.push(tcp({ ...base, inode: o.inode, state: 'SYN-SENT', uid: b.uid, sendQ: 1,
      timer: { kind: 'on', expiresMs: Math.max(0, next - since), retrans: sent - 1 } }));
    if (o.outcome === 'dropped-in') {
      out.flows.push({ proto: 'tcp', state: 'SYN_RECV', timeout: 60 - Math.floor(since / 1000) % 60,
        orig, reply, assured: false, mark: 0 });
    }
    return;
  }
  if (o.outcome !== 'ok') return;
  const since = t - o.close;
  if (since < 60_000) {
    const { cgroup: _owner, ...tw } = base; // a TIME-WAIT socket has no owner left
    out.sockets.push(tcp({ ...tw, inode: 0, state: 'TIME-WAIT', timer: timewait(since) }));
  }
  if (since < 120_000) {
    out.flows.push({ proto: 'tcp', state: 'TIME_WAIT', timeout: Math.ceil((120_000 - since) / 1000),
      orig, reply, assured: true, mark: 0 });
  }
}

function contribute(b: Beacon, ctx: WorldCtx, t: number, out: Collector): void {
  if (t < b.at) return;
  const stop = stopAt(b, ctx);
  if (b.via === 'cron' && t < ctx.crontabGoneAt(b.user, b.at) && (b.until ?? Infinity) > t) {
    out.cron.push({ source: { kind: 'user', user: b.user }, schedule: b.cronLine.split(' ').slice(0, 5).join(' '),
      user: b.user, command: b.cronLine.split(' ').slice(5).join(' ') });
  }
  for (const f of b.files) {
    if (f.path.startsWith('/var/spool/cron/') && t >= ctx.crontabGoneAt(b.user, b.at)) continue;
    out.files.push(f);
  }
  if (b.via === 'loop' && t < stop) {
    out.processes.push(proc({ pid: b.loopPid, ppid: b.parent && ctx.endOf(b.parent) > t ? b.parentPid : 1,
      uid: b.uid, gid: b.gid, comm: 'bash', argv: b.loopArgv, exe: '/usr/bin/bash', cwd: b.home,
      stat: 'S', startTime: b.at, vsz: 7236, rss: 3456, fds: b.stdio, origin: b.id }));
  }
  const reach = 120_000 + b.timeout + b.jitter + 1000;
  const [lo, hi] = kRange(b, t - reach, t);
  for (let k = lo; k <= hi; k++) {
    if (!isActive(b, ctx, k)) continue;
    const o = occurrence(b, ctx, k);
    if (b.via === 'cron' || t < stop) {
      // cron forks from whichever main process systemd runs at the minute.
      const parent = ctx.mainPidAt('cron.service', o.nominal) ?? b.cronPid;
      out.processes.push(...occurrenceProcs(b, o, t, parent));
    }
    occurrenceSockets(b, ctx, o, t, out);
  }
  countTraffic(b, ctx, t, out);
}

export const beaconModule: BehaviourModule<Beacon> = {
  kind: 'beacon',
  end: (b, ctx) => stopAt(b, ctx),
  contribute,
  logs: beaconLogs,
  packets: beaconPackets,
};

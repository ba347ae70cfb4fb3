/**
 * reverse-shell: a shell whose stdin, stdout and stderr are a TCP
 * connection to the attacker. The flavour (shell-flavours.ts) gives the
 * process chain and fds; this module gives them pids, ages them and ends
 * them: a kill ends a process (an interactive shell ignores SIGTERM, as
 * bash does), a chain process exits with the child it waits for, `sleep
 * 3600` exits after an hour, and children of a dead process are re-parented
 * to pid 1. When the firewall starts dropping the connection, the next
 * thing the attacker types is retransmitted until the kernel gives up
 * (tcp_retries2, about 15 minutes) and the shell exits.
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import { verdict } from '../firewall';
import type { FdEntry } from '../types';
import type { CompileCtx } from './compile-ctx';
import type { WorldCtx } from './context';
import { interactiveInfo, pathFd, pipeFd, proc, sockFd, tcp } from './make';
import type { BehaviourModule, Collector } from './module';
import { fill, flavour } from './shell-flavours';
import { parseDuration, parseHostPort } from './time';
import type { ChainProcess, FdSpec, ReverseShell } from './types';

/** tcp_retries2 = 15: how long unacknowledged data is retransmitted. */
export const RETRANS_GIVE_UP = 924_600;

export function compileReverseShell(
  e: TimelineEntryOf<'reverse-shell'>, path: IssuePath, cc: CompileCtx,
): ReverseShell | undefined {
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const f = flavour(e.flavour);
  if (!anchor || !f) return undefined;
  const at = cc.time(e.at);
  const to = parseHostPort(e.to);
  const chain: ChainProcess[] = f.chain.map((c) => ({
    ...c, argv: c.argv.map((a) => fill(a, to.addr, to.port)),
  }));
  const inodes = cc.inodes.alloc(at, f.pipes + 1);
  const b: ReverseShell = {
    kind: 'reverse-shell', id: e.id, at, ...anchor.runAs,
    ...(e.until ? { until: cc.time(e.until) } : {}),
    flavour: f.name, parent: e.parent, parentPid: anchor.pid, tty: anchor.tty, cwd: anchor.cwd,
    env: anchor.env, to, localPort: cc.port(`revshell:${e.id}`), chain,
    pids: cc.pids.alloc(at, chain.length), pipes: inodes.slice(0, f.pipes),
    inode: inodes[f.pipes]!, sk: cc.sk(),
    ...(e.reconnect_after ? { reconnectAfter: parseDuration(e.reconnect_after) } : {}),
    detached: e.detached, shellIndex: f.shellIndex,
  };
  cc.anchors.set(e.id, {
    pid: b.pids[b.shellIndex]!, tty: b.tty, cwd: b.cwd, env: b.env, runAs: anchor.runAs,
  });
  return b;
}

/** The first firewall epoch from `from` on that stops the connection, or Infinity. */
export function cutAt(
  ctx: WorldCtx, from: number, local: { addr: string; port: number },
  remote: { addr: string; port: number },
): number {
  const key = `cut:${from}:${local.addr}:${local.port}:${remote.addr}:${remote.port}`;
  const known = ctx.memo.get(key) as number | undefined;
  if (known !== undefined) return known;
  const cut = firstCut(ctx, from, local, remote);
  ctx.memo.set(key, cut);
  return cut;
}

function firstCut(
  ctx: WorldCtx, from: number, local: { addr: string; port: number },
  remote: { addr: string; port: number },
): number {
  const start = ctx.epochAt(from);
  for (let e = start; e < ctx.epochStarts.length; e++) {
    const when = e === start ? from : ctx.epochStarts[e]!;
    const fw = ctx.firewallAt(when);
    const out = verdict(fw, 'OUTPUT', { proto: 'tcp', src: local.addr, dst: remote.addr,
      sport: local.port, dport: remote.port, outIface: ctx.iface, ctstate: 'ESTABLISHED' });
    const back = verdict(fw, 'INPUT', { proto: 'tcp', src: remote.addr, dst: local.addr,
      sport: remote.port, dport: local.port, inIface: ctx.iface, ctstate: 'ESTABLISHED' });
    if (out.target !== 'ACCEPT' || back.target !== 'ACCEPT') return when;
  }
  return Infinity;
}

const holdsSocket = (c: ChainProcess) => c.fds.some((f) => 'sock' in f);

/** End time of each chain process. */
export function chainEnds(b: ReverseShell, ctx: WorldCtx): number[] {
  const memoKey = `${b.id}:ends`;
  const known = ctx.memo.get(memoKey) as number[] | undefined;
  if (known) return known;
  const parentEnd = b.detached ? Infinity : ctx.endOf(b.parent);
  const cut = cutAt(ctx, b.at, { addr: ctx.hostAddr, port: b.localPort }, b.to);
  const abort = cut + RETRANS_GIVE_UP;
  const ends = b.chain.map((c, i) => {
    let e = Math.min(b.until ?? Infinity, parentEnd, ctx.killAt(b.pids[i]!, b.at, c.ignores));
    if (c.lifetime) e = Math.min(e, b.at + c.lifetime);
    if (holdsSocket(c)) e = Math.min(e, abort);
    return e;
  });
  for (let pass = 0; pass < b.chain.length; pass++) {
    b.chain.forEach((c, i) => {
      for (const j of c.endsWith ?? []) ends[i] = Math.min(ends[i]!, ends[j] ?? Infinity);
    });
  }
  ctx.memo.set(memoKey, ends);
  return ends;
}

function socketEnd(b: ReverseShell, ends: number[]): number {
  let e = -Infinity;
  b.chain.forEach((c, i) => { if (holdsSocket(c)) e = Math.max(e, ends[i]!); });
  return e;
}

function fdOf(b: ReverseShell, spec: FdSpec, sockAlive: boolean): FdEntry | null {
  if ('sock' in spec) return sockAlive ? sockFd(spec.fd, b.inode) : null;
  if ('tty' in spec) return pathFd(spec.fd, b.tty ? `/dev/${b.tty}` : '/dev/null');
  if ('pipe' in spec) return pipeFd(spec.fd, b.pipes[spec.pipe] ?? 0, spec.mode);
  return pathFd(spec.fd, spec.path, spec.mode);
}

function contribute(b: ReverseShell, ctx: WorldCtx, t: number, out: Collector): void {
  if (t < b.at) return;
  const ends = chainEnds(b, ctx);
  const sockEnd = socketEnd(b, ends);
  const alive = (i: number) => t < ends[i]!;
  const parentAlive = ctx.endOf(b.parent) > t;
  b.chain.forEach((c, i) => {
    if (!alive(i)) return;
    const ppid = c.parent < 0
      ? (parentAlive ? b.parentPid : 1)
      : (alive(c.parent) ? b.pids[c.parent]! : 1);
    const fds = c.fds.map((f) => fdOf(b, f, t < sockEnd)).filter((f): f is FdEntry => f !== null);
    out.processes.push(proc({
      pid: b.pids[i]!, ppid, uid: b.uid, gid: b.gid, comm: c.comm, argv: c.argv, exe: c.exe,
      cwd: b.cwd, env: b.env, tty: b.tty, stat: c.stat, startTime: b.at + i * 3 + (i > 1 ? 6 : 0),
      vsz: c.vsz, rss: c.rss, fds: fds.sort((x, y) => x.fd - y.fd), origin: b.id,
    }));
  });
  if (t >= sockEnd) return;
  const local = { addr: ctx.hostAddr, port: b.localPort };
  const cut = cutAt(ctx, b.at, local, b.to);
  const idle = t - b.at - 4;
  const socket = tcp({
    id: b.id, inode: b.inode, sk: b.sk, state: 'ESTABLISHED', local, remote: b.to,
    uid: b.uid, createdAt: b.at, info: interactiveInfo(30, 31, idle, 0.4, false),
  });
  if (t >= cut) {
    const since = t - cut;
    socket.sendQ = 41;
    socket.timer = { kind: 'on', expiresMs: 120_000 - (since % 120_000), retrans: retransCount(since) };
  }
  out.sockets.push(socket);
  out.flows.push({
    proto: 'tcp', state: 'ESTABLISHED', timeout: Math.max(0, 432_000 - Math.floor(idle / 1000)),
    orig: { src: local.addr, dst: b.to.addr, sport: local.port, dport: b.to.port },
    reply: { src: b.to.addr, dst: local.addr, sport: b.to.port, dport: local.port },
    assured: true, mark: 0,
  });
}

/** Retransmissions after `ms` with RTO doubling from 200 ms up to 120 s. */
export function retransCount(ms: number): number {
  let rto = 200;
  let elapsed = 0;
  let n = 0;
  while (elapsed + rto <= ms && n < 15) {
    elapsed += rto;
    rto = Math.min(rto * 2, 120_000);
    n++;
  }
  return n;
}

export const reverseShellModule: BehaviourModule<ReverseShell> = {
  kind: 'reverse-shell',
  end: (b, ctx) => socketEnd(b, chainEnds(b, ctx)),
  contribute,
  logs: () => {},
};

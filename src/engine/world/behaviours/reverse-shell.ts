/**
 * reverse-shell: a shell whose stdin, stdout and stderr are a TCP
 * connection to the attacker. The flavour (shell-flavours.ts) gives the
 * process chain and fds; this module gives them pids, ages them and ends
 * them: a kill ends a process (an interactive shell ignores SIGTERM, as
 * bash does), a chain process exits with the child it waits for, `sleep
 * 3600` exits after an hour, and children of a dead process are re-parented
 * to pid 1. A firewall that starts dropping the connection changes nothing
 * the host can see while the shell is idle: nothing is unacknowledged, so
 * nothing is retransmitted (nc sets no keepalive) and the socket stays
 * ESTABLISHED with an empty queue until a process closes it; the FIN that
 * close sends is then retransmitted until the orphan is destroyed
 * (tcp-close.ts).
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { FdEntry, Socket } from '../types';
import type { CompileCtx } from './compile-ctx';
import { respawnKey, type WorldCtx } from './context';
import { cutAt } from './tcp-cut';
import { closedFlow, closedSocket, closeRetrans, type Close } from './tcp-close';
import { interactiveInfo, pathFd, pipeFd, proc, sockFd, tcp } from './make';
import { HEADER } from './conversation';
import { RTT, shellInfo, shellPackets, shellSegments, typedInto, type Seg } from './shell-wire';
import type { BehaviourModule, Collector } from './module';
import { fill, flavour } from './shell-flavours';
import { execEnviron, exportedBy, type Env } from './proc-env';
import { parseDuration, parseHostPort } from './time';
import type { ChainProcess, FdSpec, ReverseShell } from './types';


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
    ...(anchor.sid !== undefined ? { sid: anchor.sid } : {}),
    env: anchor.env, to, localPort: cc.port(`revshell:${e.id}`), chain,
    pids: chain.map((_, i) => cc.pids.take(`${e.id}:chain:${i}`, at + chainStart(i), 1)[0]!),
    pipes: inodes.slice(0, f.pipes),
    inode: inodes[f.pipes]!, sk: cc.sk(),
    ...(e.reconnect_after ? { reconnectAfter: parseDuration(e.reconnect_after) } : {}),
    respawns: e.reconnect_after ? reserveRespawns(e.id, f.pipes, cc) : [],
    detached: e.detached, shellIndex: f.shellIndex,
    ...(anchor.cgroup ? { cgroup: anchor.cgroup } : {}),
  };
  const shell = chain[b.shellIndex]!;
  cc.anchors.set(e.id, {
    pid: b.pids[b.shellIndex]!, tty: b.tty, cwd: b.cwd,
    env: exportedBy(chainEnvirons(b)[b.shellIndex]!, shell.exe, b.cwd), runAs: anchor.runAs,
    ...(b.sid !== undefined ? { sid: b.sid } : {}), stdio: shellStdio(b),
    ...(anchor.cgroup ? { cgroup: anchor.cgroup } : {}),
  });
  return b;
}

/**
 * Each chain process's environ: the behaviour's parent is a shell exporting
 * `b.env` (bash when it exports SHLVL); a bash in the chain exports one level more.
 */
export function chainEnvirons(b: Pick<ReverseShell, 'env' | 'chain' | 'cwd'>): Env[] {
  const out: Env[] = [];
  const parentShell = b.env.some(([n]) => n === 'SHLVL') ? '/usr/bin/bash' : '';
  b.chain.forEach((c, i) => {
    const p = c.parent < 0 ? undefined : b.chain[c.parent];
    const exported = p ? exportedBy(out[c.parent] ?? [], p.exe, b.cwd) : b.env;
    out[i] = execEnviron(exported, p ? p.exe : parentShell, c.argv[0]!);
  });
  return out;
}

/** The unit of a cgroup path (a login's session-N.scope), which the processes stay in. */
export const scopeUnit = (cgroup: string | undefined): { unit?: string } => {
  const unit = cgroup?.split('/').pop();
  return unit ? { unit } : {};
};

/** How long after the shell's start chain process i forks. */
export const chainStart = (i: number): number => i * 3 + (i > 1 ? 6 : 0);

/**
 * Inodes and ports for the reconnections, drawn at the scenario's now. Their
 * pids depend on when the trainee's kill brings them (see `respawnPids`).
 */
function reserveRespawns(id: string, pipes: number, cc: CompileCtx): ReverseShell['respawns'] {
  return [1, 2, 3].map((n) => {
    const inodes = cc.inodes.alloc(cc.now, pipes + 1);
    return {
      pipes: inodes.slice(0, pipes), inode: inodes[pipes]!,
      sk: cc.sk(), localPort: cc.port(`revshell:${id}:${n}`),
    };
  });
}

const holdsSocket = (c: ChainProcess) => c.fds.some((f) => 'sock' in f);

/** fds 0-2 of the shell of the first connection: what a command typed into it inherits. */
function shellStdio(b: ReverseShell): FdEntry[] {
  const e = { pipes: b.pipes, inode: b.inode, tty: b.tty };
  return b.chain[b.shellIndex]!.fds.filter((f) => f.fd <= 2)
    .map((f) => fdOf(e, f, true)).filter((f): f is FdEntry => f !== null);
}

/**
 * When the first connection's socket is closed: when the last process
 * holding it ends, the shell's chain or a command typed into the shell
 * that inherited it as its stdin, stdout or stderr (tar, nc, a beacon loop).
 */
function heldUntil(b: ReverseShell, ctx: WorldCtx, sockEnd: number): number {
  let end = sockEnd;
  for (const x of ctx.byId.values()) {
    if (!('parent' in x) || x.parent !== b.id || x.at >= sockEnd) continue;
    if (x.kind !== 'exfil' && x.kind !== 'process' && x.kind !== 'beacon') continue;
    if (!x.stdio.some((f) => f.kind === 'socket' && f.target === b.inode)) continue;
    end = Math.max(end, ctx.endOf(x.id));
  }
  return end;
}

/** One connection of the shell: the first, or a reconnection after a kill. */
export interface ShellEpoch {
  start: number;
  pids: number[];
  pipes: number[];
  inode: number;
  sk: number;
  localPort: number;
  /** -1 for the parent entry, or a pid (1 for a reconnection). */
  parentPid: number;
  tty: string | null;
  ends: number[];
  /** When the shell's chain lets go of the socket (the attacker loses the shell). */
  sockEnd: number;
  /** When the last process holding the socket lets go of it (it is closed). */
  heldEnd: number;
  cut: number;
}

function epochEnds(
  b: ReverseShell, ctx: WorldCtx, e: Omit<ShellEpoch, 'ends' | 'sockEnd' | 'heldEnd'>, first: boolean,
) {
  const parentEnd = b.detached || !first ? Infinity : ctx.endOf(b.parent);
  const ends = b.chain.map((c, i) => {
    let end = Math.min(b.until ?? Infinity, parentEnd, ctx.killAt(e.pids[i]!, e.start, c.ignores));
    if (c.lifetime) end = Math.min(end, e.start + c.lifetime);
    return end;
  });
  for (let pass = 0; pass < b.chain.length; pass++) {
    b.chain.forEach((c, i) => {
      for (const j of c.endsWith ?? []) ends[i] = Math.min(ends[i]!, ends[j] ?? Infinity);
    });
  }
  let sockEnd = -Infinity;
  b.chain.forEach((c, i) => { if (holdsSocket(c)) sockEnd = Math.max(sockEnd, ends[i]!); });
  const heldEnd = first ? heldUntil(b, ctx, sockEnd) : sockEnd;
  return { ends, sockEnd, heldEnd };
}

/** The shell's connections, given the trainee's actions (memoised per context). */
export function shellEpochs(b: ReverseShell, ctx: WorldCtx): ShellEpoch[] {
  const key = `${b.id}:epochs`;
  const known = ctx.memo.get(key) as ShellEpoch[] | undefined;
  if (known) return known;
  const out: ShellEpoch[] = [];
  let next: Omit<ShellEpoch, 'ends' | 'sockEnd' | 'heldEnd' | 'cut'> | undefined = {
    start: b.at, pids: b.pids, pipes: b.pipes, inode: b.inode, sk: b.sk, localPort: b.localPort,
    parentPid: b.parentPid, tty: b.tty,
  };
  while (next) {
    const cut = cutAt(ctx, next.start, { addr: ctx.hostAddr, port: next.localPort }, b.to);
    const e = { ...next, cut };
    const epoch: ShellEpoch = { ...e, ...epochEnds(b, ctx, e, out.length === 0) };
    out.push(epoch);
    next = undefined;
    const r = b.respawns[out.length - 1];
    const again = epoch.sockEnd + (b.reconnectAfter ?? 0);
    const cutByTrainee = epoch.sockEnd < (b.until ?? Infinity) && epoch.sockEnd < epoch.cut;
    if (r && b.reconnectAfter !== undefined && cutByTrainee && again < (b.until ?? Infinity)) {
      const pids = ctx.pids.extra(respawnKey(b.id, epoch.sockEnd)) ??
        ctx.pids.peek(again, b.chain.length);
      next = { start: again, ...r, pids, parentPid: 1, tty: null };
    }
  }
  ctx.memo.set(key, out);
  return out;
}

/** End time of each process of the first connection (tests, other modules). */
export function chainEnds(b: ReverseShell, ctx: WorldCtx): number[] {
  return shellEpochs(b, ctx)[0]!.ends;
}

function fdOf(
  e: Pick<ShellEpoch, 'pipes' | 'inode' | 'tty'>, spec: FdSpec, sockAlive: boolean,
): FdEntry | null {
  if ('sock' in spec) return sockAlive ? sockFd(spec.fd, e.inode) : null;
  if ('tty' in spec) return pathFd(spec.fd, e.tty ? `/dev/${e.tty}` : '/dev/null');
  if ('pipe' in spec) return pipeFd(spec.fd, e.pipes[spec.pipe] ?? 0, spec.mode);
  return pathFd(spec.fd, spec.path, spec.mode);
}

function contributeEpoch(b: ReverseShell, ctx: WorldCtx, e: ShellEpoch, first: boolean, t: number, out: Collector) {
  if (t < e.start) return;
  const alive = (i: number) => t < e.ends[i]!;
  const parentAlive = first && ctx.endOf(b.parent) > t;
  const environs = chainEnvirons(b);
  b.chain.forEach((c, i) => {
    if (!alive(i)) return;
    const ppid = c.parent < 0
      ? (parentAlive ? e.parentPid : 1)
      : (alive(c.parent) ? e.pids[c.parent]! : 1);
    const fds = c.fds.map((f) => fdOf(e, f, t < e.heldEnd)).filter((f): f is FdEntry => f !== null);
    out.processes.push(proc({
      pgid: e.pids[c.pgrp ?? 0]!, sid: first ? (b.sid ?? e.pids[0]! - 1) : e.pids[0]! - 1,
      pid: e.pids[i]!, ppid, uid: b.uid, gid: b.gid, comm: c.comm, argv: c.argv, exe: c.exe,
      cwd: first ? b.cwd : b.home, env: environs[i]!, tty: e.tty, stat: c.stat,
      startTime: e.start + chainStart(i), vsz: c.vsz, rss: c.rss,
      fds: fds.sort((x, y) => x.fd - y.fd), origin: b.id, ...scopeUnit(b.cgroup),
    }));
  });
  if (t >= e.heldEnd && !closing(e)) return;
  const local = { addr: ctx.hostAddr, port: e.localPort };
  const info = shellInfo(segmentsOf(b, ctx, e, first), t, e.start + chainStart(b.shellIndex),
    interactiveInfo(0, 0, 0, RTT, false));
  const idle = Math.min(info.lastsnd, info.lastrcv, info.lastack);
  const socket = tcp({
    id: first ? b.id : `${b.id}~${e.localPort}`, inode: e.inode, sk: e.sk, state: 'ESTABLISHED', local,
    remote: b.to, uid: b.uid, createdAt: e.start, ...(b.cgroup ? { cgroup: b.cgroup } : {}), info,
  });
  if (t >= e.heldEnd) {
    emitClosed(ctx, e, socket, t, out);
    return;
  }
  out.sockets.push(socket);
  out.flows.push({
    proto: 'tcp', state: 'ESTABLISHED', timeout: Math.max(0, Math.floor(432_000 - idle / 1000)),
    orig: { src: local.addr, dst: b.to.addr, sport: local.port, dport: b.to.port },
    reply: { src: b.to.addr, dst: local.addr, sport: b.to.port, dport: local.port },
    assured: true, mark: 0,
  });
}

/** A connection its last holder closed (every close is a holder's: an idle socket never times out). */
const closing = (e: ShellEpoch): boolean => e.heldEnd < Infinity;

/** The close: nothing is queued (the shell's writes were acknowledged), only the FIN goes out. */
function closeOf(e: ShellEpoch): Close {
  return { at: e.heldEnd, queued: 0, rate: 64_000, rtt: RTT, cut: e.cut, rto: SHELL_RTO };
}

/** The shell's RTO (ss's rto:): TCP_RTO_MIN plus its sub-millisecond round trip, as make.ts gives it. */
const SHELL_RTO = 204 + Math.round(RTT);

/** After the close: the orphaned socket (FIN-WAIT-1/2, TIME-WAIT) and its conntrack entry. */
function emitClosed(ctx: WorldCtx, e: ShellEpoch, live: Socket, t: number, out: Collector) {
  const c = closeOf(e);
  const s = closedSocket(live, c, t);
  if (s) out.sockets.push(s);
  const f = closedFlow({ src: ctx.hostAddr, dst: live.remote.addr, sport: e.localPort,
    dport: live.remote.port }, c, t);
  if (f) out.flows.push(f);
}

/** The connection's segments (memoised per context and connection). */
function segmentsOf(b: ReverseShell, ctx: WorldCtx, e: ShellEpoch, first: boolean): Seg[] {
  const key = `${b.id}:segs:${e.localPort}`;
  const known = ctx.memo.get(key) as Seg[] | undefined;
  if (known) return known;
  const start = e.start + chainStart(b.shellIndex);
  const typed = first ? typedInto(b, ctx).filter((c) => c.at >= start && c.at < e.sockEnd) : [];
  const segs = shellSegments(b, ctx.base.host.hostname, {
    start, pgrp: e.pids[0]!, typed, end: Math.min(e.sockEnd, e.cut),
  });
  ctx.memo.set(key, segs);
  return segs;
}

/** The connection's packets up to t on the counters, and its retransmissions once the firewall cuts it. */
function countEpoch(b: ReverseShell, ctx: WorldCtx, e: ShellEpoch, first: boolean, t: number, out: Collector) {
  if (t < e.start) return;
  const local = { addr: ctx.hostAddr, port: e.localPort };
  const o = { proto: 'tcp' as const, src: local.addr, dst: b.to.addr, sport: local.port, dport: b.to.port,
    outIface: ctx.iface, ctstate: 'ESTABLISHED' };
  const i = { proto: 'tcp' as const, src: b.to.addr, dst: local.addr, sport: b.to.port, dport: local.port,
    inIface: ctx.iface, ctstate: 'ESTABLISHED' };
  for (const s of segmentsOf(b, ctx, e, first)) {
    if (s.at > t) break;
    const syn = s.flags.startsWith('S');
    const meta = s.out ? { ...o, ...(s.flags === 'S' ? { ctstate: 'NEW' } : {}) } : i;
    out.count(ctx.epochAt(s.at), s.out ? 'OUTPUT' : 'INPUT', meta, 1, s.len + (syn ? SYN_HEADER : HEADER));
  }
  if (t < e.heldEnd || e.heldEnd < e.cut) return;
  // Closed behind the firewall: the FIN and each retransmission of it, as they leave.
  for (const at of [e.heldEnd, ...closeRetrans(closeOf(e), t)]) {
    out.count(ctx.epochAt(at), 'OUTPUT', { ...o, ctstate: 'ESTABLISHED' }, 1, HEADER);
  }
}

function contribute(b: ReverseShell, ctx: WorldCtx, t: number, out: Collector): void {
  shellEpochs(b, ctx).forEach((e, i) => {
    contributeEpoch(b, ctx, e, i === 0, t, out);
    countEpoch(b, ctx, e, i === 0, t, out);
  });
}

/** A SYN's and a SYN-ACK's IP and TCP headers with their options. */
const SYN_HEADER = 60;

export const reverseShellModule: BehaviourModule<ReverseShell> = {
  kind: 'reverse-shell',
  end: (b, ctx) => shellEpochs(b, ctx).at(-1)!.sockEnd,
  contribute,
  logs: () => {},
  packets(b, ctx, from, to, out) {
    shellEpochs(b, ctx).forEach((e, i) => {
      if (e.start < to) shellPackets(b, ctx, e.localPort, segmentsOf(b, ctx, e, i === 0), from, to, out);
    });
  },
};

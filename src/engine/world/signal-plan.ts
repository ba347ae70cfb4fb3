/**
 * What the trainee's signals do, digested once per (base, timeline,
 * actions): which signals reach which pid and when, and when a process is
 * stopped.
 *
 * - init (pid 1) and kernel threads never take a signal from userspace.
 * - SIGSTOP, and SIGTSTP/SIGTTIN/SIGTTOU for a program without handlers
 *   (an interactive shell ignores the last three), stop a process until
 *   SIGCONT. A stopped process takes SIGKILL at once; any other fatal
 *   signal stays pending and ends it when SIGCONT comes.
 * - SIGHUP to an interactive shell (a reverse shell's `bash -i`, a login's
 *   pty shell) makes bash resend SIGHUP, then SIGCONT, to its jobs: the
 *   transfers and loops started from it.
 */
import type { BaseHost } from './base-types';
import type { CompiledBehaviour } from './behaviours/types';
import type { WorldEvent } from './types';

export interface Delivery { at: number; signal: number }

const STOPS = new Set([19, 20, 21, 22]);
const CONT = 18;

export interface SignalPlan {
  /** Signals each pid takes, in time order, as they arrive (not when they take effect). */
  kills: Map<number, Delivery[]>;
  /** Half-open intervals [from, to) when a pid is stopped; to is Infinity without SIGCONT. */
  stops: Map<number, [number, number][]>;
}

/** Pids of interactive shells and the job pids each one would hang up. */
function shellJobs(timeline: readonly CompiledBehaviour[]): Map<number, number[]> {
  const shells = new Map<number, number[]>();
  for (const b of timeline) {
    if (b.kind === 'reverse-shell') shells.set(b.pids[b.shellIndex]!, []);
    if (b.kind === 'ssh-login' && b.pty) shells.set(b.pids.shell, []);
  }
  for (const b of timeline) {
    const jobs = b.kind === 'exfil' ? shells.get(b.parentPid)
      : b.kind === 'beacon' && b.via === 'loop' ? shells.get(b.parentPid) : undefined;
    if (!jobs) continue;
    if (b.kind === 'exfil') jobs.push(...b.pids);
    else if (b.kind === 'beacon') jobs.push(b.loopPid);
  }
  return shells;
}

function unreachable(base: BaseHost, pid: number): boolean {
  if (pid === 1 || pid === 2) return true;
  return base.processes.some((p) => p.pid === pid && p.ppid === 2);
}

export function signalPlan(
  base: BaseHost, timeline: readonly CompiledBehaviour[], actions: readonly WorldEvent[],
): SignalPlan {
  const jobs = shellJobs(timeline);
  const kills = new Map<number, Delivery[]>();
  const add = (pid: number, d: Delivery) => {
    const list = kills.get(pid) ?? [];
    list.push(d);
    kills.set(pid, list);
  };
  for (const a of actions) {
    if (a.type !== 'kill' || unreachable(base, a.pid)) continue;
    add(a.pid, { at: a.at, signal: a.signal });
    if (a.signal !== 1) continue;
    for (const job of jobs.get(a.pid) ?? []) {
      add(job, { at: a.at, signal: 1 });
      add(job, { at: a.at, signal: CONT });
    }
  }
  const stops = new Map<number, [number, number][]>();
  for (const [pid, list] of kills) {
    list.sort((x, y) => x.at - y.at);
    const shell = jobs.has(pid);
    const spans: [number, number][] = [];
    let from: number | undefined;
    for (const k of list) {
      if (from === undefined && (k.signal === 19 || (STOPS.has(k.signal) && !shell))) from = k.at;
      else if (from !== undefined && k.signal === CONT) {
        spans.push([from, k.at]);
        from = undefined;
      }
    }
    if (from !== undefined) spans.push([from, Infinity]);
    if (spans.length) stops.set(pid, spans);
  }
  return { kills, stops };
}

/** The stop span holding t, if any. */
export function stopSpan(plan: SignalPlan, pid: number, t: number): [number, number] | undefined {
  return plan.stops.get(pid)?.find(([a, b]) => a <= t && t < b);
}

/**
 * When a fatal signal sent at `at` takes effect: at once, or, for a
 * stopped process and anything but SIGKILL, when it is continued.
 */
export function takesEffect(plan: SignalPlan, pid: number, k: Delivery): number {
  if (k.signal === 9) return k.at;
  const span = stopSpan(plan, pid, k.at);
  return span ? span[1] : k.at;
}

/** Milliseconds in [from, to) during which any of `pids` was stopped. */
export function pausedMs(plan: SignalPlan, pids: readonly number[], from: number, to: number): number {
  const spans = pids.flatMap((p) => plan.stops.get(p) ?? [])
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number])
    .filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    const lo = Math.max(a, end);
    if (b > lo) total += b - lo;
    end = Math.max(end, b);
  }
  return total;
}

/**
 * The real time at which `pids` have been running (not stopped) for `run`
 * ms since `from`; Infinity when a stop never ends first.
 */
export function afterRunning(plan: SignalPlan, pids: readonly number[], from: number, run: number): number {
  if (!Number.isFinite(run)) return Infinity;
  let t = from + run;
  for (let i = 0; i < 64; i++) {
    const next = from + run + pausedMs(plan, pids, from, t);
    if (!Number.isFinite(next)) return Infinity;
    if (next === t) return t;
    t = next;
  }
  return t;
}

/** ps's STAT for a stopped process: T in place of the state letter, the flags kept (Ts, T+). */
export function markStopped<P extends { pid: number; stat: string }>(
  procs: P[], stopped: (pid: number) => boolean,
): P[] {
  return procs.map((p) => (stopped(p.pid) ? { ...p, stat: `T${p.stat.slice(1)}` } : p));
}

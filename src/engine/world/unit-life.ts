/**
 * How systemd reacts to the trainee's actions on a service: `systemctl
 * stop` makes it inactive (dead) from the stop; a fatal signal to the main
 * process of a service without Restart= makes it failed (Result: signal)
 * from the kill, and systemd kills what is left of its cgroup (nginx's
 * workers). Services Ubuntu restarts on failure (unit-restart.ts) get a new
 * main process 100 ms after the kill, until the start rate limit fails them.
 */
import type { BaseHost } from './base-types';
import type { WorldCtx } from './behaviours/context';
import type { LogEntry, Process, Unit } from './types';
import { lifeAt, RESTART_SEC, RESTARTS } from './unit-restart';
import { restartLogs } from './unit-restart-logs';

export const SIGNAL_NAMES: Record<number, string> = { 1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 6: 'ABRT',
  8: 'FPE', 9: 'KILL', 10: 'USR1', 11: 'SEGV', 12: 'USR2', 13: 'PIPE', 14: 'ALRM', 15: 'TERM' };

/** What a restarted daemon's start costs in CPU (status's CPU:, ps's TIME). */
const RESTARTED_CPU = 0.004;

export interface Failure { at: number; signal: number; pid: number; result: string; from: number }

/** When the unit's main process took a fatal signal and systemd failed the unit, if it did. */
export function unitFailure(base: BaseHost, ctx: WorldCtx, name: string): Failure | undefined {
  const u = base.units.find((x) => x.name === name);
  if (!u || u.mainPid === undefined || !u.name.endsWith('.service')) return undefined;
  if (RESTARTS.has(u.name)) {
    const l = ctx.lives.get(u.name);
    if (l?.end?.result !== 'start-limit-hit') return undefined;
    const last = l.lives.at(-1)!;
    return { at: l.end.at, signal: last.signal ?? 9, pid: last.pid, result: l.end.result, from: last.start };
  }
  const at = ctx.killAt(u.mainPid, u.since);
  if (at === Infinity) return undefined;
  const k = ctx.signals.kills.get(u.mainPid)?.find((x) => x.at <= at && x.signal !== 18 && x.signal !== 19);
  return { at, signal: k?.signal ?? 15, pid: u.mainPid, result: 'signal', from: u.since };
}

/** CPU time the unit's cgroup used (its base processes; a restarted main process's few ms). */
function cgroupCpu(base: BaseHost, u: Unit, from: number): number {
  if (from !== u.since) return RESTARTED_CPU;
  return base.processes.reduce((sum, p) => sum + (p.unit === u.name ? p.cpuSeconds : 0), 0);
}

/** When the last `systemctl stop` in force at t was given, if the unit is stopped at t. */
function stoppedSince(ctx: WorldCtx, name: string, t: number): number | undefined {
  let since: number | undefined;
  for (const a of ctx.actions) {
    if (a.type !== 'unit' || a.at > t || a.unit !== name) continue;
    if (a.action === 'stop') since ??= a.at;
    if (a.action === 'start' || a.action === 'restart') since = undefined;
  }
  return since;
}

/** The unit as systemd shows it at t. */
export function unitAt(base: BaseHost, ctx: WorldCtx, u: Unit, t: number): Unit {
  const f = unitFailure(base, ctx, u.name);
  const stop = stoppedSince(ctx, u.name, t);
  const { mainPid: _m, ...rest } = u;
  if (f && f.at <= t && (stop === undefined || stop >= f.at)) {
    const exited = { pid: f.pid, signal: SIGNAL_NAMES[f.signal] ?? String(f.signal), from: f.from,
      to: f.result === 'signal' ? f.at : f.at - RESTART_SEC, cpuSeconds: cgroupCpu(base, u, f.from) };
    return { ...rest, active: 'failed', sub: 'failed', since: f.at, result: f.result, exited };
  }
  if (stop !== undefined) return { ...rest, active: 'inactive', sub: 'dead', since: stop };
  const lives = ctx.lives.get(u.name);
  const end = lives?.end;
  if (end?.result === 'success' && end.at <= t) return { ...rest, active: 'inactive', sub: 'dead', since: end.at };
  const life = lifeAt(lives, t);
  const dead = lives?.lives.find((x, i) => x.end <= t && i + 1 < lives.lives.length && t < lives.lives[i + 1]!.start);
  if (dead?.signal !== undefined) {
    // Between the kill and the restart: activating (auto-restart), since the life began.
    const exited = { pid: dead.pid, signal: SIGNAL_NAMES[dead.signal] ?? String(dead.signal), from: dead.start,
      to: dead.end, cpuSeconds: cgroupCpu(base, u, dead.start) };
    return { ...rest, active: 'activating', sub: 'auto-restart', since: dead.start, result: 'signal', exited };
  }
  if (!life || life.pid === u.mainPid) return u;
  return { ...u, mainPid: life.pid, since: life.start };
}

/** systemd's journal lines for failed and restarted units in [from, to). */
export function unitFailureLogs(
  base: BaseHost, ctx: WorldCtx, pidsLeft: (unit: string, t: number) => { pid: number; comm: string }[],
  from: number, to: number, out: LogEntry[],
): void {
  for (const u of base.units) {
    const lives = ctx.lives.get(u.name);
    if (lives) {
      restartLogs(u, lives, from, to, out);
      continue;
    }
    const f = unitFailure(base, ctx, u.name);
    if (!f || f.at < from || f.at >= to) continue;
    const line = (message: string): LogEntry => ({ time: f.at, ident: 'systemd', pid: 1, message,
      facility: 'daemon', unit: u.name, priority: 5 });
    const sig = SIGNAL_NAMES[f.signal] ?? String(f.signal);
    out.push(line(`${u.name}: Main process exited, code=killed, status=${f.signal}/${sig}`));
    for (const p of pidsLeft(u.name, f.at)) {
      out.push(line(`${u.name}: Killing process ${p.pid} (${p.comm}) with signal SIGKILL.`));
    }
    out.push(line(`${u.name}: Failed with result 'signal'.`));
  }
}

/** The main processes systemd restarted, alive at t: each a new copy of the unit's first one. */
export function restartedMains(base: BaseHost, ctx: WorldCtx, t: number): Process[] {
  const out: Process[] = [];
  for (const [name, l] of ctx.lives) {
    const life = lifeAt(l, t);
    const first = base.processes.find((p) => p.pid === l.lives[0]!.pid);
    if (!life || life === l.lives[0] || !first || ctx.killAt(life.pid, life.start) <= t) continue;
    const { exitTime: _e, ...rest } = first;
    out.push({ ...rest, pid: life.pid, ppid: 1, pgid: life.pid, sid: life.pid, startTime: life.start,
      cpuSeconds: RESTARTED_CPU, unit: name });
  }
  return out;
}

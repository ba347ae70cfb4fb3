/**
 * How systemd reacts to the trainee's actions on a service: `systemctl
 * stop` makes it inactive (dead) from the stop; a fatal signal to the main
 * process of a service without Restart= makes it failed (Result: signal)
 * from the kill, and systemd kills what is left of its cgroup (nginx's
 * workers). Services Ubuntu restarts on failure (cron, ssh, rsyslog...) are
 * listed in RESTARTS: their restart with a new pid is not modelled yet, so a
 * kill of their main process only ends that process.
 */
import type { BaseHost } from './base-types';
import type { WorldCtx } from './behaviours/context';
import type { LogEntry, Unit } from './types';

/** Ubuntu 24.04 units with Restart=on-failure or always. */
const RESTARTS = new Set(['cron.service', 'ssh.service', 'rsyslog.service', 'systemd-journald.service',
  'systemd-logind.service', 'systemd-resolved.service', 'systemd-networkd.service',
  'systemd-timesyncd.service', 'systemd-udevd.service', 'dbus.service', 'polkit.service']);

const NAMES: Record<number, string> = { 1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 6: 'ABRT', 8: 'FPE',
  9: 'KILL', 10: 'USR1', 11: 'SEGV', 12: 'USR2', 13: 'PIPE', 14: 'ALRM', 15: 'TERM' };

export interface Failure { at: number; signal: number; pid: number }

/** When the unit's main process took a fatal signal (systemd then fails the unit), if it did. */
export function unitFailure(base: BaseHost, ctx: WorldCtx, name: string): Failure | undefined {
  const u = base.units.find((x) => x.name === name);
  if (!u || u.mainPid === undefined || RESTARTS.has(u.name) || !u.name.endsWith('.service')) return undefined;
  const at = ctx.killAt(u.mainPid, u.since);
  if (at === Infinity) return undefined;
  const k = ctx.signals.kills.get(u.mainPid)?.find((x) => x.at <= at && x.signal !== 18 && x.signal !== 19);
  return { at, signal: k?.signal ?? 15, pid: u.mainPid };
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
  if (f && f.at <= t && (stop === undefined || stop >= f.at)) {
    const { mainPid: _m, ...rest } = u;
    return { ...rest, active: 'failed', sub: 'failed', since: f.at, result: 'signal' };
  }
  if (stop === undefined) return u;
  const { mainPid: _m, ...rest } = u;
  return { ...rest, active: 'inactive', sub: 'dead', since: stop };
}

/** systemd's journal lines for failed units in [from, to). */
export function unitFailureLogs(
  base: BaseHost, ctx: WorldCtx, pidsLeft: (unit: string, t: number) => { pid: number; comm: string }[],
  from: number, to: number, out: LogEntry[],
): void {
  for (const u of base.units) {
    const f = unitFailure(base, ctx, u.name);
    if (!f || f.at < from || f.at >= to) continue;
    const line = (message: string): LogEntry => ({ time: f.at, ident: 'systemd', pid: 1, message,
      facility: 'daemon', unit: u.name, priority: 5 });
    const sig = NAMES[f.signal] ?? String(f.signal);
    out.push(line(`${u.name}: Main process exited, code=killed, status=${f.signal}/${sig}`));
    for (const p of pidsLeft(u.name, f.at)) {
      out.push(line(`${u.name}: Killing process ${p.pid} (${p.comm}) with signal SIGKILL.`));
    }
    out.push(line(`${u.name}: Failed with result 'signal'.`));
  }
}

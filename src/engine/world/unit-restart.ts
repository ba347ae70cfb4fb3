/**
 * Restart=on-failure as systemd 255 applies it to the services Ubuntu 24.04
 * restarts (cron, ssh, rsyslog...): when the main process dies of a signal
 * other than SIGHUP, SIGINT, SIGTERM or SIGPIPE (those are a clean exit:
 * the unit is only deactivated), systemd schedules a restart RestartSec
 * (100 ms) later and forks a new main process. The unit's start rate limit
 * (StartLimitBurst=5 in StartLimitIntervalSec=10s) refuses a sixth start
 * in one window, and the unit fails with 'start-limit-hit'.
 *
 * Each restart's main process takes its pid from the host's one counter, as
 * a step of the pid plan keyed by unit and restart number (`restartKey`),
 * so pids stay in time order and a replayed session gets the same ones. A
 * restart's time depends on when the previous main process was killed, and
 * that pid on the steps before it, so the chain is built one life at a time.
 */
import type { BaseHost } from './base-types';
import type { ExtraStep, PidView } from './pid-view';
import type { WorldEvent } from './types';

/** Ubuntu 24.04 units with Restart=on-failure or always. */
export const RESTARTS = new Set(['cron.service', 'ssh.service', 'rsyslog.service',
  'systemd-journald.service', 'systemd-logind.service', 'systemd-resolved.service',
  'systemd-networkd.service', 'systemd-timesyncd.service', 'systemd-udevd.service',
  'dbus.service', 'polkit.service']);

/** RestartSec's default. */
export const RESTART_SEC = 100;
/** The new main process forks a millisecond after the restart job starts. */
export const FORK_AFTER = RESTART_SEC + 1;
const LIMIT_INTERVAL = 10_000;
const LIMIT_BURST = 5;
/** Signals after which the main process's end counts as clean. */
export const CLEAN = new Set([1, 2, 13, 15]);

/** One main process of a unit: from its start until it died (Infinity: still running). */
export interface Life {
  pid: number;
  start: number;
  end: number;
  /** The signal that ended it. */
  signal?: number;
}

/** How a unit's chain of main processes ends, when it does not run on. */
export type UnitEnd =
  | { at: number; result: 'success' | 'signal' }
  | { at: number; result: 'start-limit-hit' };

export interface UnitLives {
  /** Life 0 is the base host's main process; life i is restart i. */
  lives: Life[];
  end?: UnitEnd;
}

export const restartKey = (unit: string, n: number): string => `restart:${unit}:${n}`;

export type Killed = (pid: number, from: number) => { at: number; signal: number } | undefined;

/** The first `systemctl stop` of the unit at or after `from`. */
function managedAt(actions: readonly WorldEvent[], unit: string, from: number): number {
  const norm = (u: string) => (u.includes('.') ? u : `${u}.service`);
  let best = Infinity;
  for (const a of actions) {
    if (a.type === 'unit' && a.action === 'stop' && norm(a.unit) === unit && a.at >= from) best = Math.min(best, a.at);
  }
  return best;
}

/** True when the rate limit lets a start at `at` through (and counts it). */
function limiter(bootStart: number): (at: number) => boolean {
  let begin = bootStart;
  let num = 1;
  return (at) => {
    if (at - begin > LIMIT_INTERVAL) {
      begin = at;
      num = 0;
    }
    num++;
    return num <= LIMIT_BURST;
  };
}

/**
 * Every restart unit's lives, and the pid plan's steps with their restarts:
 * `viewOf(steps)` gives the counter as those steps leave it.
 */
export function restartPlan(
  base: BaseHost, actions: readonly WorldEvent[], killed: Killed, steps: readonly ExtraStep[],
  viewOf: (steps: readonly ExtraStep[]) => PidView,
): { units: Map<string, UnitLives>; steps: ExtraStep[] } {
  const all = [...steps];
  const units = new Map<string, UnitLives>();
  for (const u of base.units) {
    if (!RESTARTS.has(u.name) || u.mainPid === undefined) continue;
    const lives: Life[] = [{ pid: u.mainPid, start: u.since, end: Infinity }];
    const entry: UnitLives = { lives };
    units.set(u.name, entry);
    const allow = limiter(u.since);
    for (let n = 1; n < 10_000; n++) {
      const life = lives[n - 1]!;
      const k = killed(life.pid, life.start);
      const managed = managedAt(actions, u.name, life.start);
      if (!k || managed <= k.at) {
        // A stop ends the main process; what the trainee starts after is not modelled.
        life.end = managed;
        break;
      }
      life.end = k.at;
      life.signal = k.signal;
      if (CLEAN.has(k.signal)) {
        entry.end = { at: k.at, result: 'success' };
        break;
      }
      const restart = k.at + RESTART_SEC;
      if (!allow(restart)) {
        entry.end = { at: restart, result: 'start-limit-hit' };
        break;
      }
      const step = { key: restartKey(u.name, n), at: k.at + FORK_AFTER, n: 1 };
      all.push(step);
      const pid = viewOf(all).extra(step.key)?.[0];
      if (pid === undefined) break;
      lives.push({ pid, start: step.at, end: Infinity });
    }
  }
  return { units, steps: all };
}

/** The life whose main process runs at t, if any. */
export function lifeAt(l: UnitLives | undefined, t: number): Life | undefined {
  return l?.lives.find((x) => x.start <= t && t < x.end);
}

/**
 * What a behaviour needs to know about the rest of the world while it is
 * expanded at a time t: the base host, the other behaviours (by id), and
 * the trainee's actions digested into questions a behaviour can ask: when
 * is this pid killed, what does the firewall look like at t, when did this
 * user's crontab go away, is cron running.
 *
 * A context depends only on (base, timeline, actions); `worldAt` builds one
 * per call, and caches it by those three references.
 */
import type { BaseHost } from '../base-types';
import { applyFirewallOp, applyUfwOp } from '../firewall';
import type { CompiledBehaviour } from './types';
import type { PidView, ExtraStep } from '../pid-view';
import type { Firewall, WorldEvent } from '../types';
import { unitFailure } from '../unit-life';
import { lifeAt, restartPlan, type UnitLives } from '../unit-restart';
import { signalPlan, stopSpan, takesEffect, type SignalPlan } from '../signal-plan';

/** Signals whose default action ends a process. */
const TERMINATING = new Set([1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27]);

export interface WorldCtx {
  base: BaseHost;
  seed: number;
  byId: ReadonlyMap<string, CompiledBehaviour>;
  /** The host's primary IPv4 address and the interface it is on. */
  hostAddr: string;
  iface: string;
  actions: readonly WorldEvent[];
  /**
   * When the first terminating signal sent to `pid` at or after `from`
   * ends it (Infinity if none); a stopped process dies when continued.
   */
  killAt(pid: number, from: number, ignores?: readonly number[]): number;
  /** Signals as delivered and the stop spans they make (signal-plan.ts). */
  signals: SignalPlan;
  /** True while `pid` is stopped (SIGSTOP until SIGCONT). */
  stoppedAt(pid: number, t: number): boolean;
  /** When an entity (behaviour or base process id) ends, given the actions. */
  endOf(id: string): number;
  /** The firewall in force at t: base, scenario changes, trainee changes. */
  firewallAt(t: number): Firewall;
  /** Index of the firewall epoch t falls in (changes so far at t). */
  epochAt(t: number): number;
  /** Start times of the firewall epochs (epoch 0 starts at -Infinity). */
  epochStarts: readonly number[];
  /** First `crontab -r` of `user` at or after `from`. */
  crontabGoneAt(user: string, from: number): number;
  /** True when the unit (e.g. "cron.service") is stopped at t. */
  unitDown(unit: string, t: number): boolean;
  /** Memo space for behaviour modules, keyed by behaviour id. */
  memo: Map<string, unknown>;
  /** The host's pid counter with what the trainee's actions fork (see `actionSteps`). */
  pids: PidView;
  /** A restarting unit's main processes (unit-restart.ts), by unit name. */
  lives: ReadonlyMap<string, UnitLives>;
  /** The pid of the unit's main process at t, once systemd restarted it. */
  mainPidAt(unit: string, t: number): number | undefined;
}

/** The pid-counter step of the trainee's action at `index` (a command: crontab, iptables...). */
export const actionKey = (index: number): string => `action:${index}`;

/** The pid-counter step a kill at `at` makes a reconnecting shell take when it comes back. */
export const respawnKey = (id: string, at: number): string => `respawn:${id}:${at}`;

/**
 * What the trainee's actions fork, on the clock: each command that changes
 * the world is a process (a kill is bash's builtin), the other commands
 * the shell ran come as `spawn` events of their count, and every kill may
 * bring a reconnecting shell back `reconnect_after` later with a new chain,
 * so each (kill, shell) pair holds that chain's pids; a pair that does not
 * come back only leaves a gap, as short-lived processes do.
 */
function actionSteps(timeline: readonly CompiledBehaviour[], actions: readonly WorldEvent[]): ExtraStep[] {
  const out: ExtraStep[] = [];
  // Keys count the actions without the spawns (`ctx.actions`); spawns have their own.
  let i = 0;
  actions.forEach((a, j) => {
    if (a.type === 'spawn') out.push({ key: `spawn:${j}`, at: a.at, n: a.count });
    else if (a.type !== 'kill' && a.type !== 'sudo-end') {
      // A sudo that leaves a shell forks its monitor and the shell's chain too.
      const n = a.type === 'sudo' && a.shell ? 2 + a.shell.chain.length : 1;
      out.push({ key: actionKey(i), at: a.at, n });
    }
    if (a.type !== 'spawn') i++;
  });
  for (const b of timeline) {
    if (b.kind !== 'reverse-shell' || b.reconnectAfter === undefined) continue;
    for (const a of actions) {
      if (a.type !== 'kill') continue;
      out.push({ key: respawnKey(b.id, a.at), at: a.at + b.reconnectAfter, n: b.chain.length });
    }
  }
  return out;
}

/** A firewall change on the clock, from the scenario or the trainee. */
export interface FirewallEvent {
  at: number;
  apply(fw: Firewall): Firewall;
}

export type EndResolver = (b: CompiledBehaviour, ctx: WorldCtx) => number;

export function createCtx(
  base: BaseHost,
  timeline: readonly CompiledBehaviour[],
  everything: readonly WorldEvent[],
  endOfBehaviour: EndResolver,
): WorldCtx {
  const byId = new Map(timeline.map((b) => [b.id, b] as const));
  const steps = actionSteps(timeline, everything);
  // What the shell forked only moves the pid counter; behaviours see the rest.
  const actions = everything.filter((a) => a.type !== 'spawn');
  const fwEvents = firewallEvents(timeline, actions);
  const snapshots: Firewall[] = [base.firewall];
  for (const e of fwEvents) snapshots.push(e.apply(snapshots[snapshots.length - 1]!));
  const epochStarts = [-Infinity, ...fwEvents.map((e) => e.at)];
  const signals = signalPlan(base, timeline, actions);
  const killAt = (pid: number, from: number, ignores?: readonly number[]) => {
    let best = Infinity;
    for (const k of signals.kills.get(pid) ?? []) {
      if (k.at < from || k.at >= best) continue;
      if (!TERMINATING.has(k.signal) || ignores?.includes(k.signal)) continue;
      best = Math.min(best, takesEffect(signals, pid, k));
    }
    return best;
  };
  const killed = (pid: number, from: number) => {
    const at = killAt(pid, from);
    const k = signals.kills.get(pid)?.find((x) => x.at >= from && x.at <= at && TERMINATING.has(x.signal));
    return at === Infinity ? undefined : { at, signal: k?.signal ?? 15 };
  };
  const plan = restartPlan(base, actions, killed, steps, (s) => base.ids.pids.view(s));
  const ends = new Map<string, number>();
  const { hostAddr, iface } = primaryAddress(base);

  const ctx: WorldCtx = {
    base,
    seed: base.seed,
    byId,
    hostAddr,
    iface,
    actions,
    memo: new Map(),
    pids: base.ids.pids.view(plan.steps),
    lives: plan.units,
    mainPidAt: (unit, t) => lifeAt(plan.units.get(unit), t)?.pid,
    epochStarts,
    signals,
    killAt,
    stoppedAt: (pid, t) => stopSpan(signals, pid, t) !== undefined,
    endOf(id) {
      const known = ends.get(id);
      if (known !== undefined) return known;
      ends.set(id, Infinity); // cycle guard: a reference loop never ends
      const b = byId.get(id);
      const end = b ? endOfBehaviour(b, ctx) : baseEnd(base, id, ctx);
      ends.set(id, end);
      return end;
    },
    firewallAt: (t) => snapshots[ctx.epochAt(t)]!,
    epochAt(t) {
      let i = 0;
      while (i + 1 < epochStarts.length && epochStarts[i + 1]! <= t) i++;
      return i;
    },
    crontabGoneAt(user, from) {
      let best = Infinity;
      for (const a of actions) {
        if (a.type === 'crontab-remove' && a.user === user && a.at >= from) {
          best = Math.min(best, a.at);
        }
      }
      return best;
    },
    unitDown(unit, t) {
      let down = false;
      for (const a of actions) {
        if (a.type !== 'unit' || a.at > t || !sameUnit(a.unit, unit)) continue;
        if (a.action === 'stop') down = true;
        if (a.action === 'start' || a.action === 'restart') down = false;
      }
      const name = unit.includes('.') ? unit : `${unit}.service`;
      const lives = plan.units.get(name);
      if (lives) return down || (lives.end?.at ?? Infinity) <= t || inGap(lives, t);
      return down || (unitFailure(base, ctx, name)?.at ?? Infinity) <= t;
    },
  };
  return ctx;
}

/** Between a main process's death and its restart. */
function inGap(l: UnitLives, t: number): boolean {
  return l.lives.some((x, i) => x.end <= t && t < (l.lives[i + 1]?.start ?? -Infinity));
}

function sameUnit(a: string, b: string): boolean {
  const norm = (u: string) => (u.includes('.') ? u : `${u}.service`);
  return norm(a) === norm(b);
}

function firewallEvents(
  timeline: readonly CompiledBehaviour[],
  actions: readonly WorldEvent[],
): FirewallEvent[] {
  const out: FirewallEvent[] = [];
  for (const b of timeline) {
    if (b.kind !== 'firewall-change') continue;
    out.push({ at: b.at, apply: (fw) => applyFirewallOp(fw, b.table, b.op) });
  }
  for (const a of actions) {
    if (a.type === 'firewall') {
      out.push({ at: a.at, apply: (fw) => applyFirewallOp(fw, a.table, a.op) });
    } else if (a.type === 'ufw') {
      out.push({ at: a.at, apply: (fw) => applyUfwOp(fw, a.op) });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

/** The end of a base process named by a scenario id, or of a pid. */
function baseEnd(base: BaseHost, id: string, ctx: WorldCtx): number {
  const entity = base.entities.get(id);
  const pid = entity?.pids[0] ?? (/^\d+$/.test(id) ? Number(id) : undefined);
  if (pid === undefined) return Infinity;
  const p = base.processes.find((x) => x.pid === pid);
  if (!p) return Infinity;
  return Math.min(p.exitTime ?? Infinity, ctx.killAt(pid, p.startTime));
}

/** The address of the interface the default route leaves by. */
export function primaryAddress(base: BaseHost): { hostAddr: string; iface: string } {
  const route = base.routes.find((r) => r.family === 'inet' && r.dst === 'default');
  const dev = route?.dev;
  const link = base.interfaces.find((i) => i.name === dev)
    ?? base.interfaces.find((i) => i.kind !== 'loopback');
  const addr = link?.addresses.find((a) => a.family === 'inet');
  return { hostAddr: addr?.address ?? '10.0.0.5', iface: link?.name ?? 'eth0' };
}

/**
 * When each part of the attack starts, and when each channel to the
 * attacker stops reaching it, with and without the trainee's actions. The
 * statechart (machine.ts) reads these times; they come from the same world
 * context as `worldAt`, so the phase agrees with what the tools show.
 *
 * A channel is cut when it ends (killed, crontab removed, transfer
 * stopped) or when the firewall stops its packets: a beacon whose
 * check-ins fail from some firewall change on, a shell or transfer whose
 * connection is dropped (even before the kernel gives up on it).
 */
import { contextFor } from '../world/at';
import type { BaseHost } from '../world/base-types';
import { kRange, occurrence, outcomeUnder, stopAt } from '../world/behaviours/beacon-occ';
import type { WorldCtx } from '../world/behaviours/context';
import { progress } from '../world/behaviours/exfil';
import { shellEpochs } from '../world/behaviours/reverse-shell';
import type { Beacon, CompiledBehaviour } from '../world/behaviours/types';
import type { WorldEvent } from '../world/types';

export interface PhaseTimes {
  initialAccess: number;
  execution: number;
  commandAndControl: number;
  exfilStart: number;
  /** When the last exfiltration stops (Infinity while one runs on). */
  exfilEnd: number;
  /** Is every channel that has started by t cut, at least one by the trainee? */
  contained(t: number): boolean;
}

const CHANNEL_KINDS = new Set(['reverse-shell', 'beacon', 'exfil', 'listener']);

function isChannel(b: CompiledBehaviour): boolean {
  return CHANNEL_KINDS.has(b.kind) || (b.kind === 'ssh-login' && b.forwards.length > 0);
}

/** Does a check-in made at t get through? */
function beaconLive(b: Beacon, ctx: WorldCtx, t: number): boolean {
  if (t < b.first || t >= stopAt(b, ctx)) return false;
  const [k] = kRange(b, t, t + b.interval);
  return outcomeUnder(ctx.firewallAt(t), ctx, b, occurrence(b, ctx, k).port) === 'ok';
}

/** Does the channel reach the attacker at t? */
export function channelLive(b: CompiledBehaviour, ctx: WorldCtx, t: number): boolean {
  if (t < b.at) return false;
  switch (b.kind) {
    case 'reverse-shell':
      return shellEpochs(b, ctx).some((e) => e.start <= t && t < Math.min(e.sockEnd, e.cut));
    case 'exfil': {
      const p = progress(b, ctx, Infinity);
      return t < Math.min(p.stop, p.cut);
    }
    case 'beacon':
      return beaconLive(b, ctx, t);
    default:
      return t < ctx.endOf(b.id);
  }
}

/** When the channel stops reaching the attacker for good (Infinity: it does not). */
export function channelCut(b: CompiledBehaviour, ctx: WorldCtx): number {
  switch (b.kind) {
    case 'reverse-shell': {
      const last = shellEpochs(b, ctx).at(-1)!;
      return Math.min(last.sockEnd, last.cut);
    }
    case 'exfil': {
      const p = progress(b, ctx, Infinity);
      return Math.min(p.stop, p.cut);
    }
    default:
      return ctx.endOf(b.id);
  }
}

/** The root ssh-login a behaviour descends from, following `parent`. */
function rootLogin(b: CompiledBehaviour, byId: ReadonlyMap<string, CompiledBehaviour>): CompiledBehaviour | undefined {
  let cur: CompiledBehaviour | undefined = b;
  for (let i = 0; cur && i < 16; i++) {
    if (cur.kind === 'ssh-login') return cur;
    const parent: string | undefined = 'parent' in cur ? cur.parent : undefined;
    cur = parent ? byId.get(parent) : undefined;
  }
  return undefined;
}

export function phaseTimes(
  base: BaseHost, timeline: readonly CompiledBehaviour[], actions: readonly WorldEvent[],
): PhaseTimes {
  const ctx = contextFor(base, timeline, actions);
  const untouched = contextFor(base, timeline, []);
  const channels = timeline.filter(isChannel);
  const first = (pred: (b: CompiledBehaviour) => boolean) =>
    Math.min(Infinity, ...timeline.filter(pred).map((b) => b.at));
  const execution = first((b) => b.kind === 'reverse-shell' || b.kind === 'process' || b.kind === 'listener');
  const c2 = first((b) => b.kind === 'beacon' || b.kind === 'reverse-shell'
    || (b.kind === 'ssh-login' && b.forwards.length > 0));
  const byId = new Map(timeline.map((b) => [b.id, b] as const));
  const entry = timeline.filter((b) => b.kind !== 'ssh-login' && b.kind !== 'log' && b.kind !== 'cron-job')
    .map((b) => rootLogin(b, byId)).filter((b): b is CompiledBehaviour => b !== undefined);
  const initialAccess = Math.min(execution, ...entry.map((b) => b.at));
  const exfils = timeline.filter((b) => b.kind === 'exfil');
  const exfilEnd = exfils.length === 0 ? Infinity : Math.max(...exfils.map((b) => channelCut(b, ctx)));
  return {
    initialAccess,
    execution,
    commandAndControl: Math.max(c2, execution),
    exfilStart: first((b) => b.kind === 'exfil'),
    exfilEnd,
    contained(t) {
      let started = 0;
      let byTrainee = false;
      for (const b of channels) {
        if (b.at > t) continue;
        started++;
        if (channelLive(b, ctx, t)) return false;
        if (channelLive(b, untouched, t)) byTrainee = true;
      }
      return started > 0 && byTrainee;
    },
  };
}

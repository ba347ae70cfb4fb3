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
import { kRange, occurrence, outcomeUnder } from '../world/behaviours/beacon-occ';
import type { WorldCtx } from '../world/behaviours/context';
import { progress } from '../world/behaviours/exfil';
import { cutAt } from '../world/behaviours/reverse-shell';
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

/** First firewall epoch from which every check-in fails (Infinity if none). */
function beaconCut(b: Beacon, ctx: WorldCtx): number {
  let cut = Infinity;
  for (let e = ctx.epochStarts.length - 1; e >= 0; e--) {
    const from = Math.max(ctx.epochStarts[e]!, b.first);
    const [k] = kRange(b, from, from + b.interval);
    const port = occurrence(b, ctx, k).port;
    if (outcomeUnder(ctx.firewallAt(from), ctx, b, port) === 'ok') break;
    cut = from;
  }
  return cut;
}

/** When the channel stops reaching the attacker. */
export function channelCut(b: CompiledBehaviour, ctx: WorldCtx): number {
  const end = ctx.endOf(b.id);
  const local = (port: number) => ({ addr: ctx.hostAddr, port });
  switch (b.kind) {
    case 'reverse-shell':
      return Math.min(end, cutAt(ctx, b.at, local(b.localPort), b.to));
    case 'exfil': {
      const p = progress(b, ctx, Infinity);
      return Math.min(p.stop, p.cut);
    }
    case 'beacon':
      return Math.min(end, beaconCut(b, ctx));
    default:
      return end;
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
  const cuts = new Map<string, number>();
  for (const b of timeline) if (isChannel(b)) cuts.set(b.id, channelCut(b, ctx));
  const untouched = contextFor(base, timeline, []);
  const naturalCuts = new Map([...cuts.keys()].map((id) => [id, channelCut(ctx.byId.get(id)!, untouched)]));
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
  const exfilEnd = exfils.length === 0 ? Infinity : Math.max(...exfils.map((b) => cuts.get(b.id)!));
  return {
    initialAccess,
    execution,
    commandAndControl: Math.max(c2, execution),
    exfilStart: first((b) => b.kind === 'exfil'),
    exfilEnd,
    contained(t) {
      let started = 0;
      let byTrainee = false;
      for (const [id, cut] of cuts) {
        if (ctx.byId.get(id)!.at > t) continue;
        started++;
        if (cut > t) return false;
        if (cut < naturalCuts.get(id)!) byTrainee = true;
      }
      return started > 0 && byTrainee;
    },
  };
}

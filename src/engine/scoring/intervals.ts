/**
 * The period of a periodic entity (a beacon), measured from the world the
 * way an analyst would: the start times of its connections, from the SYNs on
 * the wire to its destination, or else from the creation times of its
 * sockets seen at moments before the alert.
 */
import type { EntityRef } from '../scenario/types';
import { entitySockets } from './world-lookup';
import type { ScenarioView } from './values';

/** How far back connections are looked for. */
const WINDOW_MS = 30 * 60_000;
/** Spacing of the world samples when no packets are available. */
const SAMPLE_MS = 10_000;

/** SYNs to any of `dests` ("ADDR PORT"). */
function fromPackets(view: ScenarioView, ref: EntityRef, dests: Set<string>): number[] {
  if (dests.size === 0) return [];
  const world = view.worldAt(view.now);
  const from = Math.max(view.now - WINDOW_MS, ref.at - 1);
  return world
    .packets(from, view.now + 1)
    .filter((p) => p.proto === 'tcp' && p.flags === 'S' && dests.has(`${p.dst} ${p.dport}`))
    .map((p) => p.time);
}

function fromSamples(view: ScenarioView, ref: EntityRef): number[] {
  const times = new Set<number>();
  const start = Math.max(view.now - WINDOW_MS, ref.at);
  for (let t = view.now; t >= start; t -= SAMPLE_MS) {
    for (const s of entitySockets(view.worldAt(t), ref)) {
      if (s.remote.port !== 0) times.add(s.createdAt);
    }
  }
  return [...times];
}

/** Start times (epoch ms, ascending) of the entity's connections. */
export function connectionTimes(view: ScenarioView, ref: EntityRef): number[] {
  const at = Math.max(view.now, ref.at);
  const world = view.worldAt(at);
  const dests = new Set(
    entitySockets(world, ref).filter((s) => s.remote.port !== 0).map((s) => `${s.remote.addr} ${s.remote.port}`),
  );
  const viaPackets = fromPackets(view, ref, dests);
  const times = viaPackets.length >= 3 ? viaPackets : fromSamples(view, ref);
  return [...new Set(times)].sort((a, b) => a - b);
}

/** The median gap between successive times, in whole seconds; null if < 2 gaps. */
export function medianGap(times: number[]): number | null {
  if (times.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    gaps.push((times[i] as number) - (times[i - 1] as number));
  }
  gaps.sort((a, b) => a - b);
  const mid = gaps[Math.floor(gaps.length / 2)] as number;
  return mid > 0 ? Math.round(mid / 1000) : null;
}

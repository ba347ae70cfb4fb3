/**
 * The period of a periodic entity (a beacon), measured from the world the
 * way an analyst would: the start times of its connections, from the SYNs on
 * the wire to its destination, or else from the creation times of its
 * sockets seen at moments before the alert.
 */
import type { EntityRef } from '../scenario/types';
import { entitySockets } from './world-lookup';
import type { ScenarioView } from './values';

/** How far back connections are looked for in world samples. */
const WINDOW_MS = 15 * 60_000;
/** Spacing of the samples: under the 60 s a closed socket stays in TIME-WAIT. */
const SAMPLE_MS = 15_000;
/** Connection starts that make a stable median; sampling stops there. */
const ENOUGH = 7;
/** How far back the wire is read when the samples are not enough (it is costly). */
const PACKET_WINDOW_MS = 60 * 60_000;

/** SYNs to any of `dests` ("ADDR PORT"). */
function fromPackets(view: ScenarioView, ref: EntityRef, dests: Set<string>): number[] {
  if (dests.size === 0) return [];
  const world = view.worldAt(view.now);
  const from = Math.max(view.now - PACKET_WINDOW_MS, ref.at - 1);
  return world
    .packets(from, view.now + 1)
    .filter((p) => p.proto === 'tcp' && p.flags === 'S' && dests.has(`${p.dst} ${p.dport}`))
    .map((p) => p.time);
}

function fromSamples(view: ScenarioView, ref: EntityRef, dests: Set<string>): number[] {
  const times = new Set<number>();
  const start = Math.max(view.now - WINDOW_MS, ref.at);
  for (let t = Math.max(view.now, ref.at); t >= start && times.size < ENOUGH; t -= SAMPLE_MS) {
    for (const s of entitySockets(view.worldAt(t), ref)) {
      if (s.remote.port === 0) continue;
      times.add(s.createdAt);
      dests.add(`${s.remote.addr} ${s.remote.port}`);
    }
  }
  return [...times];
}

/**
 * Start times (epoch ms, ascending) of the entity's connections: from its
 * sockets in worlds sampled before the alert, or, when those show fewer
 * than three, from the SYNs to the same destinations on the wire.
 */
export function connectionTimes(view: ScenarioView, ref: EntityRef): number[] {
  const dests = new Set<string>();
  let times = fromSamples(view, ref, dests);
  if (times.length < 3) {
    const viaPackets = fromPackets(view, ref, dests);
    if (viaPackets.length >= 3) times = viaPackets;
  }
  return [...new Set(times)].sort((a, b) => a - b);
}

/**
 * The period of a series of start times, in seconds; null if fewer than
 * three. The median gap says roughly how long a period is; the span
 * divided by the number of periods it holds then averages out the jitter
 * and is not fooled by a missed run. A jittered series is rounded to a
 * round number (see roundPeriod).
 */
export function medianGap(times: number[]): number | null {
  if (times.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    gaps.push((times[i] as number) - (times[i - 1] as number));
  }
  gaps.sort((a, b) => a - b);
  const mid = gaps[Math.floor(gaps.length / 2)] as number;
  if (mid <= 0) return null;
  const span = (times[times.length - 1] as number) - (times[0] as number);
  const periods = Math.max(1, Math.round(span / mid));
  const period = span / periods / 1000;
  // Only a jittered series is rounded; an exact one keeps its own period.
  const jittered = (gaps[gaps.length - 1] as number) - (gaps[0] as number) > 1000 && periods === gaps.length;
  return jittered ? roundPeriod(period) : Math.round(period);
}

/**
 * People configure beacons in round numbers: a period within 3 % (or 1 s)
 * of a multiple of 5 s is taken as that multiple, else whole seconds.
 */
export function roundPeriod(seconds: number): number {
  const five = Math.round(seconds / 5) * 5;
  if (five > 0 && Math.abs(seconds - five) <= Math.max(1, seconds * 0.03)) return five;
  return Math.round(seconds);
}

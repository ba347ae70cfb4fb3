/**
 * Inodes for timeline behaviours, as pure functions of time, and the
 * seeded draws behaviours use. (Pids come from the host's one pid counter,
 * pid-counter.ts.)
 *
 * The host's inode counter (`ids.ts`) models the kernel's background
 * allocations. The timeline adds its own: each one-off behaviour takes a few
 * numbers at its start, and each occurrence of a periodic one (a cron
 * beacon) takes a few more. `KernelCounter.at(t)` is the counter's value at
 * t with all of these added, so a periodic occurrence k can compute its
 * inode from its own time, without materialising the occurrences before it,
 * and never collide with a one-off behaviour allocated at compile time.
 */
import { counterAt, hash32, type CounterModel, type TimeCounter } from '../ids';

/** A periodic consumer of numbers: `per` numbers at start + k * interval. */
export interface PeriodicUse {
  start: number;
  end: number;
  interval: number;
  per: number;
}

export class KernelCounter {
  private readonly oneOff: { t: number; n: number }[] = [];

  constructor(
    private readonly model: CounterModel,
    private readonly periodic: readonly PeriodicUse[],
    private readonly taken?: TimeCounter,
  ) {}

  /** The counter just after everything that happened at or before t. */
  at(t: number): number {
    let v = counterAt(this.model, t);
    for (const p of this.periodic) v += occurrencesUpTo(p, t) * p.per;
    for (const a of this.oneOff) if (a.t <= t) v += a.n;
    return v;
  }

  /** `n` numbers for a one-off behaviour starting at t (compile time only). */
  alloc(t: number, n: number): number[] {
    const out: number[] = [];
    const first = this.at(t - 1);
    let v = first;
    while (out.length < n) {
      if (!this.taken || this.taken.reserve(v)) out.push(v);
      v++;
    }
    this.oneOff.push({ t, n: v - first });
    return out;
  }
}

/** How many occurrences of p have their nominal time at or before t. */
export function occurrencesUpTo(p: PeriodicUse, t: number): number {
  if (t < p.start) return 0;
  const last = Math.min(t, p.end - 1);
  if (last < p.start) return 0;
  return Math.floor((last - p.start) / p.interval) + 1;
}

/** A deterministic float in [0, 1) for a key. */
export function unit(seed: number, key: string): number {
  let z = hash32(`${seed >>> 0}|${key}`);
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 4294967296;
}

/** A deterministic integer in [min, max] for a key. */
export function intFor(seed: number, key: string, min: number, max: number): number {
  return min + Math.floor(unit(seed, key) * (max - min + 1));
}

/** An ephemeral port (32768-60999) for a key. */
export function portFor(seed: number, key: string): number {
  return intFor(seed, `port:${key}`, 32768, 60999);
}

/** A 32-bit TCP initial sequence number for a key. */
export function isnFor(seed: number, key: string): number {
  return intFor(seed, `isn:${key}`, 0, 0xffffffff);
}

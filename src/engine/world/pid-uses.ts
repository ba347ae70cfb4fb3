/**
 * Consumers of pids that repeat, for the pid counter (pid-counter.ts): a
 * periodic job (a beacon's check-ins, every `interval` from `start`, each
 * possibly a little late) and a cron schedule (each run forks). Each says
 * how many pids it took strictly before t and how many it takes at exactly
 * t, in O(1) or close, so the counter's value at any t costs the same
 * whether t is a minute or a week after the first occurrence.
 */
import type { CronRuns } from './base/cron-runs';

export interface PidUse {
  /** Pids taken strictly before t. */
  before(t: number): number;
  /** Pids taken at exactly t. */
  at(t: number): number;
}

/** Occurrence k takes `per` pids at start + k * interval + delay(k), while start + k * interval < end. */
export interface PeriodicPids {
  start: number;
  end: number;
  interval: number;
  per: number;
  /** How late occurrence k is (0 <= delay < maxDelay); none when absent. */
  delay?: (k: number) => number;
  maxDelay?: number;
}

export class PeriodicUse implements PidUse {
  /** How many occurrences before the last due one may still be pending. */
  private readonly reach: number;

  readonly per: number;

  constructor(private readonly p: PeriodicPids) {
    this.per = p.per;
    const late = p.delay ? (p.maxDelay ?? p.interval) : 0;
    this.reach = p.interval > 0 ? Math.ceil(late / p.interval) + 1 : 0;
  }

  /** Delays already drawn, by occurrence (they are hashes: worth keeping). */
  private readonly delays = new Map<number, number>();

  /** When occurrence k takes its pids. */
  time(k: number): number {
    const nominal = this.p.start + k * this.p.interval;
    if (!this.p.delay) return nominal;
    let d = this.delays.get(k);
    if (d === undefined) {
      if (this.delays.size > 100_000) this.delays.clear();
      this.delays.set(k, (d = this.p.delay(k)));
    }
    return nominal + d;
  }

  /** Occurrences whose nominal time is before t. */
  private due(t: number): number {
    const p = this.p;
    if (!(p.interval > 0)) return 0;
    const limit = Math.min(t, p.end);
    return limit <= p.start ? 0 : Math.ceil((limit - p.start) / p.interval);
  }

  before(t: number): number {
    const due = this.due(t);
    let n = due;
    if (this.p.delay) for (let k = Math.max(0, due - this.reach); k < due; k++) if (this.time(k) >= t) n--;
    return n * this.p.per;
  }

  at(t: number): number {
    const p = this.p;
    if (!(p.interval > 0) || t < p.start) return 0;
    if (!p.delay) return (t - p.start) % p.interval === 0 && t < p.end ? p.per : 0;
    const hi = Math.floor((t - p.start) / p.interval);
    let n = 0;
    for (let k = Math.max(0, hi - this.reach); k <= hi; k++) {
      if (p.start + k * p.interval < p.end && this.time(k) === t) n++;
    }
    return n * p.per;
  }
}

/** A cron job: each run at minute m takes `per` pids at m + delay. */
export class ScheduleUse implements PidUse {
  constructor(
    readonly runs: CronRuns,
    readonly per: number,
    readonly delay: number,
  ) {}

  before(t: number): number {
    return this.runs.countBefore(t - this.delay) * this.per;
  }

  at(t: number): number {
    return this.runs.isRun(t - this.delay) ? this.per : 0;
  }
}

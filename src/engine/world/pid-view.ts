/**
 * The pid counter as one world context sees it: the counter (pid-counter.ts)
 * plus the steps the trainee's actions add (`ExtraStep`, at their times).
 * Repeating uses read their occurrences' pids here, so a check-in after a
 * reconnected shell's new processes gets larger pids than they have; the
 * last pid at t (/proc/loadavg, the pid ps gets) reads it too.
 */
import type { PidCounter } from './pid-counter';
import { PeriodicUse, ScheduleUse } from './pid-uses';
import { sumAt, sumBefore } from './prefix-sums';

/** Pids that one of the trainee's actions makes the host take at `at`. */
export interface ExtraStep {
  key: string;
  at: number;
  n: number;
}

/** `n` pids from rank `start` on that no step was given; `span` is the ranks passed. */
export function pidsFor(c: PidCounter, start: number, n: number): { pids: number[]; span: number } {
  const pids: number[] = [];
  let r = Number.isFinite(start) ? start : 0;
  const stop = r + n + c.handed.size;
  while (pids.length < n && r <= stop) {
    const pid = c.pidOf(r++);
    if (!c.handed.has(pid)) pids.push(pid);
  }
  return { pids, span: r - start };
}

export class PidView {
  /** The steps' times in order, and the ranks they passed in total before each (prefix-sums.ts). */
  private readonly times: number[] = [];
  private readonly spans: number[] = [0];
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly counter: PidCounter, extra: readonly ExtraStep[]) {
    // Stable: steps at one instant keep the order of the actions.
    const sorted = [...extra].sort((a, b) => a.at - b.at);
    for (const e of sorted) {
      if (this.byKey.has(e.key) || !Number.isFinite(e.at) || e.n <= 0) continue;
      const start = this.rank(e.at) + counter.allAt(e.at) + this.extraAt(e.at);
      const { pids, span } = pidsFor(counter, start, e.n);
      this.times.push(e.at);
      this.spans.push(this.spans.at(-1)! + span);
      this.byKey.set(e.key, pids);
    }
  }

  /** Numbers taken strictly before t, the view's steps included. */
  rank(t: number): number {
    return this.counter.rank(t) + sumBefore(this.times, this.spans, t);
  }

  private extraAt(t: number): number {
    return sumAt(this.times, this.spans, t);
  }

  /** The pids of a step the actions added. */
  extra(key: string): number[] | undefined {
    return this.byKey.get(key);
  }

  /** The pids occurrence k of a periodic use takes. */
  occurrence(key: string, k: number): number[] {
    const use = this.counter.useOf(key);
    if (!(use instanceof PeriodicUse)) return [];
    return this.numbers(key, use.time(k), use.per);
  }

  /** The pids a cron use's run takes at `time` (the run's minute plus its delay). */
  scheduled(key: string, time: number): number[] {
    const use = this.counter.useOf(key);
    if (!(use instanceof ScheduleUse)) return [];
    return this.numbers(key, time, use.per);
  }

  /** `n` pids a process forked at `at` would get, after everything else at that instant. */
  peek(at: number, n: number): number[] {
    const start = this.rank(at) + this.counter.allAt(at) + this.extraAt(at);
    return pidsFor(this.counter, start, n).pids;
  }

  /** The last pid the host handed out at or before t. */
  last(t: number): number {
    const taken = this.rank(t) + this.counter.allAt(t) + this.extraAt(t);
    return this.counter.pidOf(Math.max(0, taken - 1));
  }

  private numbers(key: string, at: number, per: number): number[] {
    const start = this.rank(at) + this.counter.allAt(at, this.counter.positionOf(key));
    return Array.from({ length: per }, (_, i) => this.counter.pidOf(start + i));
  }
}

/**
 * The minutes a cron schedule runs, as a list over a window and as a count
 * since the job's start. The count is what the pid counter needs (each run
 * forks), for any time and cheaply: whole hours are counted from the
 * schedule's tables (no minute-by-minute walk) and memoised as a running
 * total, so asking about a day of history costs a few dozen steps once.
 * The list and the count read the same tables and the same offsets, so the
 * log lines and the counter never disagree about which minutes ran.
 */
import type { CronFields } from './cron';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/**
 * Two years of hours: the most the running total is kept for. Past it the
 * count goes on at the memo's average rate (no run is shown that far out:
 * logs stop a year after now).
 */
const MAX_HOURS = 2 * 366 * 24;

/** Offset of local time from UTC (ms) in the UTC hour starting at `hourStart`. */
export type HourOffset = (hourStart: number) => number;

export class CronRuns {
  /** before[i]: matching minutes of the hour below minute i. */
  private readonly before: number[];
  private readonly firstHour: number;
  /** total[i]: runs in the first i hours from `firstHour`. */
  private readonly total: number[] = [0];
  /** The day test by local day number (a Date per day, not per hour). */
  private readonly days = new Map<number, boolean>();

  /** Runs at minutes m with first <= m < end (first is rounded up to a minute). */
  constructor(
    private readonly fields: CronFields,
    readonly first: number,
    readonly end: number,
    private readonly offsetOf: HourOffset = () => 0,
  ) {
    this.first = Math.ceil(first / MINUTE) * MINUTE;
    this.firstHour = Math.floor(this.first / HOUR) * HOUR;
    this.before = [0];
    for (let i = 0; i < 60; i++) this.before.push(this.before[i]! + (fields.minute[i] ? 1 : 0));
  }

  /** Does the job run at minute m (UTC ms)? */
  isRun(m: number): boolean {
    if (m % MINUTE !== 0 || m < this.first || m >= this.end) return false;
    return this.matches(m + this.offsetOf(Math.floor(m / HOUR) * HOUR));
  }

  private matches(local: number): boolean {
    const f = this.fields;
    return f.minute[minuteOf(local)] === true && f.hour[hourOf(local)] === true && this.dayOk(local);
  }

  private dayOk(local: number): boolean {
    const day = Math.floor(local / 86_400_000);
    let ok = this.days.get(day);
    if (ok === undefined) this.days.set(day, (ok = this.fields.day(local)));
    return ok;
  }

  /** Run minutes in [from, to), in order. */
  runsIn(from: number, to: number): number[] {
    const out: number[] = [];
    const lo = Math.max(from, this.first);
    const hi = Math.min(to, this.end);
    let hour = NaN;
    let offset = 0;
    for (let m = Math.ceil(lo / MINUTE) * MINUTE; m < hi; m += MINUTE) {
      const h = Math.floor(m / HOUR) * HOUR;
      if (h !== hour) offset = this.offsetOf((hour = h));
      if (this.matches(m + offset)) out.push(m);
    }
    return out;
  }

  /** How many runs have their minute before t. */
  countBefore(t: number): number {
    const limit = Math.min(t, this.end);
    if (!(limit > this.first)) return 0;
    const hours = Math.floor((limit - this.firstHour) / HOUR);
    if (!(hours <= MAX_HOURS)) {
      // Decades out (or no time at all): the memo's average rate, never a walk.
      this.extend(MAX_HOURS);
      const n = this.total[MAX_HOURS]!;
      return Number.isFinite(hours) ? n + Math.floor(((hours - MAX_HOURS) * n) / MAX_HOURS) : n;
    }
    this.extend(hours);
    const hourStart = this.firstHour + hours * HOUR;
    return this.total[hours]! + this.head(hourStart, limit);
  }

  private extend(hours: number): void {
    for (let i = this.total.length - 1; i < hours; i++) {
      const start = this.firstHour + i * HOUR;
      this.total.push(this.total[i]! + this.head(start, start + HOUR));
    }
  }

  /** Runs in [start, limit), start on an hour and limit within it: tables unless first or end cut it. */
  private head(start: number, limit: number): number {
    if (start < this.first || start + HOUR > this.end) return this.walk(start, limit);
    return this.hourCount(start, Math.ceil((limit - start) / MINUTE));
  }

  /** Runs in [from, to) minute by minute (partial hours). */
  private walk(from: number, to: number): number {
    let n = 0;
    for (let m = Math.ceil(from / MINUTE) * MINUTE; m < to; m += MINUTE) if (this.isRun(m)) n++;
    return n;
  }

  /**
   * Runs in the first `minutes` minutes of the UTC hour at `start`, from the
   * tables: those minutes fall in one or two local hours.
   */
  private hourCount(start: number, minutes: number): number {
    const local = start + this.offsetOf(start);
    const k = minuteOf(local);
    const head = local - k * MINUTE;
    return this.segment(head, k, Math.min(60, k + minutes)) +
      this.segment(head + HOUR, 0, Math.max(0, k + minutes - 60));
  }

  /** Matching minutes a..b-1 of the local hour starting at `hourStart`. */
  private segment(hourStart: number, a: number, b: number): number {
    if (b <= a || !this.fields.hour[hourOf(hourStart)] || !this.dayOk(hourStart)) return 0;
    return this.before[b]! - this.before[a]!;
  }
}

const minuteOf = (t: number): number => ((Math.floor(t / MINUTE) % 60) + 60) % 60;
const hourOf = (t: number): number => ((Math.floor(t / HOUR) % 24) + 24) % 24;

/**
 * A memoised hour offset for a time zone, from a function that gives the
 * offset (minutes) at an instant. A day whose two ends agree is taken whole.
 */
export function hourOffsets(offsetMinAt: (t: number) => number): HourOffset {
  const days = new Map<number, number | null>();
  const hours = new Map<number, number>();
  return (hourStart) => {
    const day = Math.floor(hourStart / 86_400_000);
    let whole = days.get(day);
    if (whole === undefined) {
      const a = offsetMinAt(day * 86_400_000);
      const b = offsetMinAt((day + 1) * 86_400_000 - 1);
      whole = a === b ? a * MINUTE : null;
      days.set(day, whole);
    }
    if (whole !== null) return whole;
    let h = hours.get(hourStart);
    if (h === undefined) hours.set(hourStart, (h = offsetMinAt(hourStart) * MINUTE));
    return h;
  };
}

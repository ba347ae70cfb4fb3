/**
 * The host's one pid counter. On Linux every fork takes the next number of
 * one counter that only grows (until pid_max), so a process that starts
 * later has a larger pid than every process started before it. Here the
 * counter's value at t is a sum of what took numbers before t:
 *
 *   x(t) = background forks (counter-model.ts, what the world does not show)
 *        + one-off steps declared by key (services, the trainee's session,
 *          timeline entries), each n pids at its start time
 *        + repeating uses (beacon check-ins, cron runs) counted in O(1)
 *        + lifts: a pid the scenario wrote raises the counter past itself
 *          from its process's start on
 *
 * and a consumer at time τ gets x(τ) plus what others took at exactly τ
 * before it (steps, then uses in the order declared). x is a rank among the
 * numbers the scenario did not write; `pidOf` maps it to a pid, skipping
 * those. Everything is declared first and resolved once (`resolve`), so the
 * order in which the base host and the timeline ask for their numbers does
 * not matter; a repeating use's occurrence k is a pure function of k.
 *
 * A view (`view`) adds steps that depend on the trainee's actions (a
 * reconnecting shell's new processes, the trainee's own commands): later
 * occurrences of repeating uses and the last pid read them; numbers handed
 * out at compile time do not move (a timeline entry scheduled after such a
 * step keeps its number).
 */
import { ClaimedNumbers, counterAt, type CounterModel } from './counter-model';
import type { CronRuns } from './base/cron-runs';
import { PeriodicUse, ScheduleUse, type PeriodicPids, type PidUse } from './pid-uses';
import { pidsFor, PidView, type ExtraStep } from './pid-view';
import { sumAt, sumBefore } from './prefix-sums';

interface Step { key: string; at: number; n: number; pids: number[] }

export class PidCounter extends ClaimedNumbers {
  private readonly steps: Step[] = [];
  private readonly byKey = new Map<string, Step>();
  /** Repeating uses in declaration order (their order at equal times). */
  readonly uses: PidUse[] = [];
  private readonly useIndex = new Map<string, number>();
  private readonly wanted: { at: number; pid: number }[] = [];
  private resolved = false;
  private stepTimes: number[] = [];
  private stepSums: number[] = [0];
  private liftTimes: number[] = [];
  private liftSums: number[] = [0];
  /** Pids the scenario wrote at or above the counter's base, sorted. */
  private skip: number[] = [];
  /** Every pid a step was given (late steps and views skip them). */
  readonly handed = new Set<number>();
  private readonly late: { at: number; span: number }[] = [];
  private plain?: PidView;

  constructor(readonly model: CounterModel) {
    super();
  }

  /** A pid the scenario wrote, for a process started at `at`: later ones are larger. */
  lift(pid: number, at: number): void {
    if (Number.isFinite(at)) this.wanted.push({ at, pid });
  }

  /** `n` pids for `key` at `at` (before `resolve`; the first declaration of a key wins). */
  declare(key: string, at: number, n: number): void {
    if (this.resolved || this.byKey.has(key) || !Number.isFinite(at) || n <= 0) return;
    const step = { key, at, n, pids: [] };
    this.steps.push(step);
    this.byKey.set(key, step);
  }

  periodic(key: string, p: PeriodicPids): void {
    this.addUse(key, new PeriodicUse(p));
  }

  schedule(key: string, runs: CronRuns, per: number, delay: number): void {
    this.addUse(key, new ScheduleUse(runs, per, delay));
  }

  useOf(key: string): PidUse | undefined {
    const i = this.useIndex.get(key);
    return i === undefined ? undefined : this.uses[i];
  }

  /** Position of a use among the consumers at one instant (steps are 0). */
  positionOf(key: string): number {
    return 1 + (this.useIndex.get(key) ?? this.uses.length);
  }

  private addUse(key: string, use: PidUse): void {
    if (this.resolved || this.useIndex.has(key)) return;
    this.useIndex.set(key, this.uses.length);
    this.uses.push(use);
  }

  /** Gives every declared step its pids, in time order, and sizes the lifts. */
  resolve(): void {
    if (this.resolved) return;
    this.resolved = true;
    this.skip = [...this.used].filter((n) => n >= this.model.base).sort((a, b) => a - b);
    const steps = [...this.steps].sort((a, b) => a.at - b.at);
    const lifts = [...this.wanted].sort((a, b) => a.at - b.at);
    let done = 0;
    let i = 0;
    let j = 0;
    while (i < steps.length || j < lifts.length) {
      const at = Math.min(steps[i]?.at ?? Infinity, lifts[j]?.at ?? Infinity);
      let rank = this.rank(at);
      for (; i < steps.length && steps[i]!.at === at; i++) {
        const s = steps[i]!;
        s.pids = Array.from({ length: s.n }, (_, k) => this.pidOf(rank + k));
        for (const p of s.pids) this.handed.add(p);
        rank += s.n;
        done += s.n;
        this.stepTimes.push(at);
        this.stepSums.push(done);
      }
      const after = this.rank(at) + this.allAt(at);
      let jumps = 0;
      for (; j < lifts.length && lifts[j]!.at === at; j++) {
        jumps += Math.max(0, this.rankAbove(lifts[j]!.pid) - (after + jumps));
      }
      if (jumps > 0) {
        this.liftTimes.push(at);
        this.liftSums.push(this.liftSums.at(-1)! + jumps);
      }
    }
  }

  /** The pids of a declared step; an undeclared one is given numbers late. */
  take(key: string, at: number, n: number): number[] {
    this.resolve();
    const s = this.byKey.get(key);
    if (s && s.at === at && s.n === n) return s.pids;
    return this.lateStep(Number.isFinite(at) ? at : this.model.bootTime, n);
  }

  /** How many steps were taken without a declaration (each one may break start order). */
  get undeclared(): number {
    return this.late.length;
  }

  /** A view without the trainee's actions. */
  view(extra: readonly ExtraStep[] = []): PidView {
    this.resolve();
    if (extra.length > 0) return new PidView(this, extra);
    return (this.plain ??= new PidView(this, []));
  }

  /** Numbers taken strictly before t (no view's steps). */
  rank(t: number): number {
    let x = counterAt(this.model, t) + sumBefore(this.stepTimes, this.stepSums, t) +
      sumBefore(this.liftTimes, this.liftSums, t);
    for (const u of this.uses) x += u.before(t);
    for (const l of this.late) if (l.at < t) x += l.span;
    return x;
  }

  /** Numbers taken at exactly t by steps and by uses before position `upTo` (all by default). */
  allAt(t: number, upTo = Infinity): number {
    let n = sumAt(this.stepTimes, this.stepSums, t);
    for (let u = 0; u < this.uses.length && u + 1 < upTo; u++) n += this.uses[u]!.at(t);
    if (upTo === Infinity) for (const l of this.late) if (l.at === t) n += l.span;
    return n;
  }

  /** The rank-th number the scenario did not write (0 for a rank that is not a number). */
  pidOf(rank: number): number {
    if (Number.isNaN(rank)) return 0;
    let y = rank;
    for (;;) {
      const next = rank + countUpTo(this.skip, y);
      if (next === y) return y;
      y = next;
    }
  }

  /** The first rank whose pid is above `pid`. */
  private rankAbove(pid: number): number {
    return pid + 1 - countUpTo(this.skip, pid);
  }

  private lateStep(at: number, n: number): number[] {
    const start = this.rank(at) + this.allAt(at);
    const { pids, span } = pidsFor(this, start, n);
    this.late.push({ at, span });
    for (const p of pids) this.handed.add(p);
    return pids;
  }
}

/** How many sorted numbers are <= y. */
function countUpTo(sorted: readonly number[], y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How a kernel counter (pids, inodes) grows with time since boot when
 * nothing the scenario describes is asking for numbers: a burst while the
 * system boots, then a steady rate (the forks and sockets of everything the
 * world does not show: cron's own work, timers, login shells' commands).
 */

/** How a kernel counter grows: a burst at boot, then a steady rate. */
export interface CounterModel {
  bootTime: number;
  /** Value of the counter when userspace starts. */
  base: number;
  /** Allocations during the boot burst, spread over `burstMs`. */
  burst: number;
  burstMs: number;
  /** Allocations per second after the burst. */
  perSecond: number;
}

/** The counter's value at time t (before boot: the base). */
export function counterAt(model: CounterModel, t: number): number {
  const since = Math.max(0, t - model.bootTime);
  if (since <= model.burstMs) {
    return model.base + Math.floor((model.burst * since) / model.burstMs);
  }
  const steady = ((since - model.burstMs) / 1000) * model.perSecond;
  return model.base + model.burst + Math.floor(steady);
}

/** Numbers already handed out or chosen by the scenario: none is given twice. */
export class ClaimedNumbers {
  protected readonly used = new Set<number>();

  /** Marks a number the scenario chose itself. Returns false if taken. */
  reserve(n: number): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  isUsed(n: number): boolean {
    return this.used.has(n);
  }
}

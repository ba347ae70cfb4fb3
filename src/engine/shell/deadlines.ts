/**
 * The deadlines `timeout` sets on the simulated clock. While one is set, a
 * `sleep` ends at it and a follower stops at it; reaching it marks it
 * expired. Timeouts nest (`timeout 10 bash -c 'timeout 5 ...'`): the nearest
 * one bounds the wait, and every one that has been reached expires.
 */

/** Signals by number: KILL cannot be caught, the others end what does not catch them. */
export const SIGKILL = 9;
export const SIGTERM = 15;

export interface Deadline {
  /** Simulated time at which the command is signalled. */
  readonly at: number;
  /** The signal `timeout` sends (-s): 15 (TERM) unless told. */
  readonly signal: number;
  /** The deadline was reached while its command ran. */
  readonly expired: boolean;
  /**
   * Reaching it stopped the command through its abort signal (a sleep or a
   * loop was cut); a follower instead stops by itself and returns its output.
   */
  readonly aborted: boolean;
  /** The command is over: the deadline no longer bounds anything. */
  clear(): void;
}

interface Entry {
  at: number;
  signal: number;
  expired: boolean;
  aborted: boolean;
  abort: () => void;
}

export class Deadlines {
  private readonly entries = new Set<Entry>();

  add(at: number, signal: number, abort: () => void): Deadline {
    const entry: Entry = { at, signal, expired: false, aborted: false, abort };
    this.entries.add(entry);
    return {
      at, signal,
      get expired() { return entry.expired; },
      get aborted() { return entry.aborted; },
      clear: () => { this.entries.delete(entry); },
    };
  }

  /** The nearest deadline set, if any. */
  nearest(): { at: number; signal: number } | undefined {
    let best: Entry | undefined;
    for (const e of this.entries) if (!best || e.at < best.at) best = e;
    return best && { at: best.at, signal: best.signal };
  }

  /** How much of a `sleep` of `ms` from `now` may run: up to the nearest deadline. */
  bound(now: number, ms: number): { ms: number; cut?: number } {
    const due = this.nearest();
    if (!due || ms < due.at - now) return { ms };
    return { ms: Math.max(0, due.at - now), cut: due.at };
  }

  /**
   * Expires every deadline reached at `now`; `abort`: stop their commands
   * through their abort signals (a cut sleep), not by their own hand.
   */
  expire(now: number, abort: boolean): void {
    for (const e of this.entries) {
      if (e.at > now || e.expired) continue;
      e.expired = true;
      if (!abort) continue;
      e.aborted = true;
      e.abort();
    }
  }
}

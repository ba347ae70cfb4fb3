/**
 * Replaying a command that was interrupted. The log keeps when a command
 * started, not when Ctrl-C (or a page reload) stopped it; but every event
 * logged after a command happened after it ended, so the next event's time
 * (or, for the last one, the time the session was saved at) bounds it. A
 * sleep that would run past that bound is where the command was stopped:
 * the replayed line is cut there, so what came after the sleep (a `kill`,
 * a file written) does not happen on restore either.
 */
import type { AbortSignalLike } from './types';

export interface ReplayCut {
  /** Handed to the replayed line; raised when a sleep reaches the bound. */
  readonly signal: AbortSignalLike;
  /** The simulated time a sleep of `ms` from `now` ends at, cutting the line if it passes `until`. */
  sleep(now: number, ms: number, until: number): number;
}

export function createReplayCut(): ReplayCut {
  const listeners: (() => void)[] = [];
  const signal = {
    aborted: false,
    addEventListener(_type: 'abort', listener: () => void) {
      listeners.push(listener);
    },
  };
  return {
    signal,
    sleep(now, ms, until) {
      if (now + ms <= until || signal.aborted) return signal.aborted ? now : now + ms;
      signal.aborted = true;
      for (const listener of listeners.splice(0)) listener();
      return Math.max(now, until);
    },
  };
}

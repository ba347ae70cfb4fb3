/**
 * The real wall clock, for the browser worker and the interactive CLI. The
 * engine never reads the time itself; it is handed this.
 */
import type { WallClock } from '../engine/session/clock';

export const systemWallClock: WallClock = {
  now: () => Date.now(),
  wait(ms, signal) {
    return new Promise<boolean>((resolve) => {
      if (signal?.aborted) {
        resolve(false);
        return;
      }
      const timer = Number.isFinite(ms)
        ? setTimeout(() => resolve(true), Math.min(ms, 2 ** 31 - 1))
        : undefined;
      signal?.addEventListener('abort', () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(false);
      });
    });
  },
};

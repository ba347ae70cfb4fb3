/**
 * The simulated clock. Simulated time starts at the scenario's "now" and
 * runs with a wall clock at a chosen speed (0 pauses it). The wall clock is
 * injected, so tests and the CLI can use a manual one that only moves when
 * something sleeps.
 */
import type { SimClock } from './types';

export interface WallClock {
  now(): number;
  /** Waits `ms` of wall time; resolves early (false) if aborted. */
  wait(ms: number, signal?: { aborted: boolean; addEventListener(t: 'abort', f: () => void): void }): Promise<boolean>;
}

export interface ControllableClock extends SimClock {
  /** Advances simulated time by `ms`, waiting as long on the wall clock as the speed asks. */
  sleep(ms: number, signal?: Parameters<WallClock['wait']>[1]): Promise<boolean>;
  /** Sets the simulated time directly (restoring a session, `run --at`). */
  setNow(t: number): void;
}

/** Speeds a trainee can pick; 0 is paused. */
export const SPEEDS = [0, 1, 10, 60] as const;

export function createSimClock(start: number, wall: WallClock, speed = 1): ControllableClock {
  let anchorSim = start;
  let anchorWall = wall.now();
  let rate = speed;

  const now = (): number => Math.floor(anchorSim + (wall.now() - anchorWall) * rate);
  const reanchor = (sim: number): void => {
    anchorSim = sim;
    anchorWall = wall.now();
  };

  return {
    now,
    speed: () => rate,
    setSpeed(next: number) {
      if (!Number.isFinite(next) || next < 0) return;
      reanchor(now());
      rate = next;
    },
    setNow(t: number) {
      reanchor(t);
    },
    async sleep(ms, signal) {
      if (!(ms > 0)) return true;
      if (rate === 0) {
        // A paused clock never reaches the deadline: behave like a sleep
        // that is waiting, until interrupted.
        return wall.wait(Number.POSITIVE_INFINITY, signal);
      }
      return wall.wait(ms / rate, signal);
    },
  };
}

/** A wall clock that only moves when waited on: for tests, the CLI and replay. */
export function createManualWallClock(start = 0): WallClock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    async wait(ms, signal) {
      if (signal?.aborted) return false;
      if (!Number.isFinite(ms)) return false;
      t += ms;
      return true;
    },
  };
}

import { describe, expect, it } from 'vitest';
import type { WallClock } from '../session/clock';
import { APP_LOG, growingLog, shellOn } from './testkit';

describe('a long follow and the Ctrl-C signal', () => {
  it('adds one listener to the trainee\'s signal, not one per poll', async () => {
    let listeners = 0;
    let aborted = false;
    const fire: (() => void)[] = [];
    const signal = {
      get aborted() { return aborted; },
      addEventListener(_type: 'abort', f: () => void) { listeners++; fire.push(f); },
    };
    let t = 0;
    // Ten minutes of wall time at speed 1: 600 polls, 2,400 slices. Like the
    // system wall clock, each wait listens on the signal it is given.
    const wall: WallClock = {
      now: () => t,
      async wait(ms, s) {
        if (s?.aborted) return false;
        s?.addEventListener('abort', () => undefined);
        t += ms;
        if (t >= 600_000 && !aborted) {
          aborted = true;
          for (const f of fire) f();
        }
        return !s?.aborted;
      },
    };
    const r = await shellOn(growingLog, wall).exec(`tail -n0 -f ${APP_LOG}`, { signal });
    expect(r.exitCode).toBe(130);
    expect(r.stdout.split('\n').length - 1).toBe(10);
    expect(listeners).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../engine/session/types';
import { restoreProblem, saveProblem, SAVE_VERSION, scenarioBounds } from './saved-lab';

const NOW = Date.UTC(2026, 11, 4, 13, 28, 56);
const good = {
  version: SAVE_VERSION, scenarioId: 'lab', seed: 3, savedAt: 1, clock: { now: NOW, speed: 10 },
  events: [
    { type: 'command', at: NOW, line: 'ls', exitCode: 0, output: '' },
    { type: 'clock', at: NOW, wall: 1_700_000_000_000, speed: 60 },
  ],
  transcript: [],
};
const withEvent = (e: object) => ({ ...good, events: [e] });

describe('saved lab number ranges', () => {
  it('accepts the lab speeds and real times', () => {
    expect(saveProblem(good, 'lab', 3)).toBeNull();
  });

  it('rejects speeds, walls and times no lab produces', () => {
    const clock = (c: object) => withEvent({ type: 'clock', at: NOW, wall: 1, speed: 1, ...c });
    expect(saveProblem(clock({ at: 1e300, wall: 1e300, speed: 1e300 }), 'lab', 3)).toMatch(/event log/);
    expect(saveProblem(clock({ speed: 1e12 }), 'lab', 3)).toMatch(/event log/);
    expect(saveProblem(clock({ wall: -5 }), 'lab', 3)).toMatch(/event log/);
    expect(saveProblem(clock({ wall: 0 }), 'lab', 3)).toMatch(/event log/);
    expect(saveProblem({ ...good, clock: { now: 8.64e15 + 1, speed: 1 } }, 'lab', 3)).toMatch(/clock/);
    expect(saveProblem({ ...good, clock: { now: NOW, speed: 1e12 } }, 'lab', 3)).toMatch(/clock/);
    expect(saveProblem(withEvent({ type: 'world', event: { type: 'kill', at: 1e301 } }), 'lab', 3)).toMatch(/event log/);
  });

  it('rejects a restore whose times fall outside the scenario', () => {
    const bounds = scenarioBounds(NOW - 86_400_000, NOW);
    const cmd = (at: number): SessionEvent => ({ type: 'command', at, line: 'ls', exitCode: 0, output: '' });
    expect(restoreProblem([cmd(NOW + 60_000)], NOW + 60_000, bounds)).toBeNull();
    expect(restoreProblem([cmd(1e15)], NOW, bounds)).toMatch(/command event has the time 1000000000000000/);
    expect(restoreProblem([cmd(NOW - 3 * 86_400_000)], NOW, bounds)).toMatch(/outside/);
    expect(restoreProblem([], NOW + 31 * 86_400_000, bounds)).toMatch(/saved clock/);
  });

  it('prints a version of the wrong type with its type', () => {
    expect(saveProblem({ ...good, version: '1' }, 'lab', 3)).toBe('the save has version "1", expected 1');
    expect(saveProblem({ ...good, version: undefined }, 'lab', 3)).toMatch(/version undefined/);
  });
});

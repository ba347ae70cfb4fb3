import { describe, expect, it } from 'vitest';
import { saveProblem, SAVE_VERSION } from './saved-lab';

const good = {
  version: SAVE_VERSION, scenarioId: 'lab', seed: 3, savedAt: 1, clock: { now: 5, speed: 10 },
  events: [
    { type: 'command', at: 1, line: 'ls', exitCode: 0, output: '' },
    { type: 'answer', at: 2, question: 'q', value: 'v' },
  ],
  transcript: [{ prompt: '$ ', line: 'ls', output: '' }],
};

describe('saved lab validation', () => {
  it('accepts a save of this lab', () => {
    expect(saveProblem(good, 'lab', 3)).toBeNull();
  });

  it('names what is wrong with anything else', () => {
    expect(saveProblem(null, 'lab', 3)).toMatch(/not an object/);
    expect(saveProblem({ ...good, version: 2 }, 'lab', 3)).toMatch(/version 2/);
    expect(saveProblem(good, 'other', 3)).toMatch(/another lab/);
    expect(saveProblem({ ...good, events: [{ type: 'command' }] }, 'lab', 3)).toMatch(/event log/);
    expect(saveProblem({ ...good, events: [{ type: 'evil' }] }, 'lab', 3)).toMatch(/event log/);
    expect(saveProblem({ ...good, transcript: [1] }, 'lab', 3)).toMatch(/transcript/);
    expect(saveProblem({ ...good, clock: { now: 'x' } }, 'lab', 3)).toMatch(/clock/);
  });
});

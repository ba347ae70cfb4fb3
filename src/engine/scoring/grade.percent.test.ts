import { describe, expect, it } from 'vitest';
import { createGrader } from './grader';
import { initialState, submitAnswer, totals, wholePercent } from './grade';
import { fixture } from './fixture.test-support';

describe('wholePercent', () => {
  it('rounds down to a whole percent, so only every point is 100', () => {
    expect([12.9, 88.99, 89, 99.5, 100, 0].map(wholePercent)).toEqual([12, 88, 89, 99, 100, 0]);
  });
  it('is not thrown off by floating point', () => {
    expect(wholePercent((29 / 100) * 100)).toBe(29);
    expect(wholePercent((7 / 25) * 100)).toBe(28);
  });
});

describe('passing', () => {
  it('compares the exact score with the passing mark', () => {
    const fx = fixture(2);
    // 3 questions of 10 and 1 of 3: 20 of 33 is 60.6 %, shown as 60.
    const grader = createGrader({ ...fx, meta: { ...fx.meta, passingScore: 60.5 } }, [
      { id: 'a', prompt: 'A?', kind: 'ip', answer: { var: 'c2_ip' } },
      { id: 'b', prompt: 'B?', kind: 'ip', answer: { var: 'c2_ip' } },
      { id: 'c', prompt: 'C?', kind: 'ip', answer: { var: 'c2_ip' } },
      { id: 'd', prompt: 'D?', kind: 'ip', points: 3, answer: { var: 'c2_ip' } },
    ]);
    let state = initialState(grader);
    for (const question of ['a', 'b']) {
      state = submitAnswer(grader, state, { question, value: fx.c2, at: fx.now }).state;
    }
    expect(totals(grader, state)).toMatchObject({ points: 20, max: 33, percent: 60, passed: true });
  });
});

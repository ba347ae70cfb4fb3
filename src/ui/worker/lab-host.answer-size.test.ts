import { describe, expect, it } from 'vitest';
import { checkAnswerInput, MAX_ANSWER_BYTES } from '../../engine/scoring/normalise';
import { logged } from './lab-host';

describe('what the log keeps of an answer', () => {
  it('keeps an answer within the limit as typed', () => {
    const full = 'ｄｅｐｌｏｙ '.repeat(20);
    expect(logged(full)).toBe(full);
  });

  it('keeps a 10 KB answer over the limit, so the grader refuses it as too long', () => {
    const kept = logged('a'.repeat(10_000));
    expect(kept.length).toBeLessThan(10_000);
    expect(checkAnswerInput(kept)).toEqual({
      ok: false, message: `The answer is longer than ${MAX_ANSWER_BYTES} bytes; shorten it.`,
    });
  });
});

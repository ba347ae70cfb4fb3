import { describe, expect, it } from 'vitest';
import {
  cutMarker, cutOutput, LOG_KEEP, LOG_KEEP_LEAN, LOG_OUTPUT_BUDGET, LogOutputBudget, outputWasCut,
} from './log-output';

const numbered = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}\n`).join('');

describe('what the log keeps of an output', () => {
  it('keeps a short output whole, with no marker', () => {
    const text = numbered(100);
    expect(cutOutput(text, LOG_KEEP)).toBe(text);
    expect(outputWasCut(text)).toBe(false);
  });

  it('keeps the first and last whole lines of a long one, and says how much is missing', () => {
    const text = numbered(10);
    // "1\n2\n3\n" is 6 characters; "9\n10\n" is 5.
    const cut = cutOutput(text, { head: 7, tail: 6 });
    expect(cut).toBe(`1\n2\n3\n${cutMarker(text.length - 11)}9\n10\n`);
    expect(outputWasCut(cut)).toBe(true);
  });

  it('never keeps a piece of a line', () => {
    const text = `${'x'.repeat(50)} 22713\n`.repeat(1000);
    const cut = cutOutput(text, { head: 100, tail: 100 });
    for (const line of cut.split('\n').filter((l) => l !== '' && !outputWasCut(l))) {
      expect(line).toBe(`${'x'.repeat(50)} 22713`);
    }
  });

  it('keeps hundreds of huge outputs well under a megabyte', () => {
    const budget = new LogOutputBudget();
    const huge = numbered(100_000);
    let total = 0;
    for (let i = 0; i < 400; i++) total += budget.keep(huge).length;
    const full = LOG_KEEP.head + LOG_KEEP.tail + 100;
    const lean = LOG_KEEP_LEAN.head + LOG_KEEP_LEAN.tail + 100;
    expect(total).toBeLessThan(LOG_OUTPUT_BUDGET + full + 400 * lean);
    expect(total).toBeLessThan(900_000);
  });

  it('keeps the full-size pieces while the budget lasts, then the lean ones', () => {
    const budget = new LogOutputBudget();
    const huge = numbered(100_000);
    const first = budget.keep(huge);
    expect(first.length).toBeGreaterThan(LOG_KEEP.head + LOG_KEEP.tail - 20);
    for (let i = 0; i < LOG_OUTPUT_BUDGET / LOG_KEEP.tail; i++) budget.keep(huge);
    expect(budget.keep(huge).length).toBeLessThanOrEqual(LOG_KEEP_LEAN.head + LOG_KEEP_LEAN.tail + cutMarker(1e6).length);
    expect(budget.keep('short\n')).toBe('short\n');
  });
});

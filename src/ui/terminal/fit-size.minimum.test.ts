import { describe, expect, it } from 'vitest';
import { MIN_COLS, MIN_ROWS, worthFitting } from './fit-size';

describe('fitting the terminal', () => {
  it('skips a host too small to hold a usable terminal', () => {
    expect(worthFitting(undefined)).toBe(false);
    expect(worthFitting({ cols: 2, rows: 40 })).toBe(false);
    expect(worthFitting({ cols: 120, rows: 1 })).toBe(false);
    expect(worthFitting({ cols: MIN_COLS - 1, rows: 30 })).toBe(false);
    expect(worthFitting({ cols: Number.NaN, rows: 30 })).toBe(false);
  });

  it('fits any size from the minimum up', () => {
    expect(worthFitting({ cols: MIN_COLS, rows: MIN_ROWS })).toBe(true);
    expect(worthFitting({ cols: 165, rows: 48 })).toBe(true);
  });
});

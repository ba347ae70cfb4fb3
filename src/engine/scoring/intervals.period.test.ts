import { describe, expect, it } from 'vitest';
import { medianGap, roundPeriod } from './intervals';

const at = (...s: number[]) => s.map((x) => x * 1000);

describe('the period of connection starts', () => {
  it('averages out jitter', () => {
    expect(medianGap(at(0, 63, 121, 186, 242, 305, 361))).toBe(60);
  });
  it('is not fooled by a missed run', () => {
    expect(medianGap(at(0, 60, 120, 240, 300))).toBe(60);
  });
  it('needs three starts', () => {
    expect(medianGap(at(0, 60))).toBeNull();
    expect(medianGap(at(5, 5, 5))).toBeNull();
  });
  it('takes a period near a round number as that number', () => {
    expect(medianGap(at(0, 64, 121, 185, 242, 306, 368))).toBe(60);
    expect(medianGap(at(0, 61, 122, 183, 244))).toBe(61);
    expect([61.2, 58.5, 62.4, 47, 3.4, 0.4].map(roundPeriod)).toEqual([60, 60, 62, 47, 3, 0]);
  });
});

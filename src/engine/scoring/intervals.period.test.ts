import { describe, expect, it } from 'vitest';
import { medianGap } from './intervals';

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
});

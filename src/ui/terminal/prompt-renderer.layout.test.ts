import { describe, expect, it } from 'vitest';
import { layout, PromptRenderer, splitClusters } from './prompt-renderer';
import { stringWidth } from './wcwidth';

describe('prompt layout', () => {
  it('counts CJK and emoji as two cells and combining marks as none', () => {
    expect(stringWidth('日本語')).toBe(6);
    expect(stringWidth('🙂')).toBe(2);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(splitClusters('e\u0301x')).toEqual(['e\u0301', 'x']);
  });

  it('wraps a wide character that does not fit in the last column to the next row', () => {
    const cells = layout(splitClusters('abc日'), 4);
    expect(cells[3]).toEqual({ row: 1, col: 0 });
    expect(cells[4]).toEqual({ row: 1, col: 2 });
  });

  it('puts the end of a line that fills the row exactly at the start of the next row', () => {
    const cells = layout(splitClusters('abcd'), 4);
    expect(cells[4]).toEqual({ row: 1, col: 0 });
  });

  it('redraws from the prompt row after the cursor moved down a wrapped line', () => {
    const r = new PromptRenderer(() => 10);
    r.draw('$ ', splitClusters('0123456789abc'), 13);
    const again = r.draw('$ ', splitClusters('0123456789abcd'), 14);
    expect(again.startsWith('\x1b[1A\r\x1b[J$ 0123456789abcd')).toBe(true);
  });
});

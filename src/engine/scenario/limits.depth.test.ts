import { describe, expect, it } from 'vitest';
import { findDepthOverflow, utf8Length } from './limits';

describe('findDepthOverflow (raw-text nesting estimate)', () => {
  it('finds the first bracket past the limit', () => {
    expect(findDepthOverflow('a: ' + '['.repeat(10), 5)).toEqual({ offset: 7, depth: 6, past: 7 });
  });

  it('counts block indentation and compact list items', () => {
    expect(findDepthOverflow('a:\n b:\n  c:\n   d: 1\n', 3)).toEqual({ offset: 15, depth: 4, past: 15 });
    expect(findDepthOverflow('- - - - x\n', 3)).toEqual({ offset: 4, depth: 4, past: 4 });
  });

  it('ignores brackets in quotes, comments and block scalars', () => {
    const text = [
      'a: "[[[[[[[["',
      "b: '{{{{{{{{'",
      'c: 1 # [[[[[[[[',
      'd: |',
      '  [[[[[[[[',
      '        [[[[[[[[',
      '',
      '  {{{{{{{{',
      'e: >-',
      '  [[[[[[[[',
      'f: [1, [2]]',
    ].join('\n');
    expect(findDepthOverflow(text, 4)).toBeNull();
  });

  it('stops skipping when the block scalar ends', () => {
    expect(findDepthOverflow('d: |\n  x\ne: [[[[[[\n', 4)).toEqual({ offset: 15, depth: 5, past: 15 });
  });

  it('does not mistake apostrophes in plain text for quotes', () => {
    expect(findDepthOverflow("a: don't [[[[[[\n", 4)).toEqual({ offset: 12, depth: 5, past: 12 });
  });
});

describe('utf8Length', () => {
  it('counts bytes of UTF-8', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });
});

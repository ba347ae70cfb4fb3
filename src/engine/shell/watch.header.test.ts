import { describe, expect, it } from 'vitest';
import { parseInterval, watchHeader } from './watch-options';

// "web01: " + ctime without its newline: 31 characters; procps counts 32.
const RIGHT = 'web01: Fri Dec  4 13:28:56 2026';

describe("watch's header line, laid out as procps does", () => {
  it('puts the interval and command left and host and date ending at the last column', () => {
    expect(watchHeader(80, 2, 'ss -tn', RIGHT)).toBe(`Every 2.0s: ss -tn${' '.repeat(31)}${RIGHT}`);
    expect(watchHeader(80, 2, 'ss -tn', RIGHT)).toHaveLength(80);
  });

  it('cuts a command that does not fit and marks it with "... "', () => {
    expect(watchHeader(60, 2, 'ss -tnp state established', RIGHT)).toBe(`Every 2.0s: ss -tnp stat...  ${RIGHT}`);
  });

  it('on narrow terminals drops the command, then the left part, then everything', () => {
    expect(watchHeader(47, 2, 'ss -tn', RIGHT)).toBe(`Every 2.0s:...  ${RIGHT}`);
    expect(watchHeader(45, 2, 'ss -tn', RIGHT)).toBe(`Every 2.0s:   ${RIGHT}`);
    expect(watchHeader(32, 2, 'ss -tn', RIGHT)).toBe(` ${RIGHT}`);
    expect(watchHeader(31, 2, 'ss -tn', RIGHT)).toBe('');
  });

  it('reads intervals as procps does: comma or point, no exponent, at least 0.1', () => {
    expect(['1.5', '1,5', '.5', '+3', ' 3', '5.', '0', '-1', '0.05', '99999999999'].map(parseInterval))
      .toEqual([1.5, 1.5, 0.5, 3, 3, 5, 0.1, 0.1, 0.1, 4294967295]);
    expect(['abc', '1e9', 'inf', 'nan', '0x10', '3s', '', '.'].map(parseInterval)).toEqual(new Array(8).fill(undefined));
  });
});

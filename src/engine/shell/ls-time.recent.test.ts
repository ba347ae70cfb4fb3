import { describe, expect, it } from 'vitest';
import { LOCALE_STYLE, parseTimeStyle, timeCell } from './ls-time';
import type { TimeStyle } from './ls-time';

const now = Date.UTC(2026, 11, 4, 13, 28, 56);
const old = Date.UTC(2026, 0, 2, 3, 4, 5, 250);
const recent = Date.UTC(2026, 11, 4, 11, 36, 12, 5);
const style = (arg: string) => parseTimeStyle(arg, 'C') as TimeStyle;

describe('the time column of ls -l: six months decide the form', () => {
  it('gives an old file its year and a recent one its time, in each style', () => {
    expect([old, recent].map((t) => timeCell(t, now, LOCALE_STYLE, 'UTC'))).toEqual(['Jan  2  2026', 'Dec  4 11:36']);
    expect([old, recent].map((t) => timeCell(t, now, style('iso'), 'UTC'))).toEqual(['2026-01-02 ', '12-04 11:36']);
    expect([old, recent].map((t) => timeCell(t, now, style('full-iso'), 'UTC'))).toEqual(
      ['2026-01-02 03:04:05.250000000 +0000', '2026-12-04 11:36:12.005000000 +0000']);
    expect([old, recent].map((t) => timeCell(t, now, style('+O %Y\nR %H'), 'UTC'))).toEqual(['O 2026', 'R 11']);
  });

  it('counts a file from the future as old, as ls does', () => {
    expect(timeCell(now + 60_000, now, LOCALE_STYLE, 'UTC')).toBe('Dec  4  2026');
  });

  it('takes posix- styles only outside the C locale', () => {
    expect(style('posix-long-iso')).toEqual(LOCALE_STYLE);
    expect(parseTimeStyle('posix-long-iso', 'C.UTF-8')).toEqual({ old: '%Y-%m-%d %H:%M', recent: '%Y-%m-%d %H:%M' });
  });
});

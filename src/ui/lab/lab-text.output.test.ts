import { describe, expect, it } from 'vitest';
import { crlf, formatSimTime, simNow } from './lab-text';

describe('output for the terminal', () => {
  it('ends lines with CR LF and keeps colours', () => {
    expect(crlf('a\nb\r\n\x1b[31mred\x1b[0m\n')).toBe('a\r\nb\r\n\x1b[31mred\x1b[0m\r\n');
  });

  it('drops OSC, DCS and APC strings that scenario text could smuggle in', () => {
    expect(crlf('x\x1b]0;owned\x07y')).toBe('xy');
    expect(crlf('x\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\y')).toBe('xlinky');
    expect(crlf('x\x1bPq#0;2;0;0;0\x1b\\y')).toBe('xy');
    expect(crlf('x\x1b_payload\x1b\\y')).toBe('xy');
  });
});

describe('the simulated clock', () => {
  it('runs from its last reading at its speed', () => {
    expect(simNow({ now: 1000, speed: 60, wall: 10 }, 20)).toBe(1600);
    expect(simNow({ now: 1000, speed: 0, wall: 10 }, 5000)).toBe(1000);
    expect(formatSimTime(Date.UTC(2026, 11, 4, 13, 28, 56))).toBe('2026-12-04 13:28:56 UTC');
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkAnswerInput, parseDuration, parseList, parseNumber, parsePid, parsePort, parseProcessName,
} from './normalise';

describe('checkAnswerInput', () => {
  it('trims and accepts plain text', () => {
    expect(checkAnswerInput('  bash \n')).toEqual({ ok: true, text: 'bash' });
  });
  it.each([
    ['x'.repeat(1025), /longer than 1024 bytes/],
    ['é'.repeat(513), /longer than 1024 bytes/],
    ['bash\u0000', /control characters/],
    ['\u001b[31mred', /control characters/],
    ['abc\u202eevil', /control characters/],
    ['   ', /empty/],
  ])('refuses %#', (input, message) => {
    const r = checkAnswerInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('refuses non-strings without throwing', () => {
    expect(checkAnswerInput(42).ok).toBe(false);
    expect(checkAnswerInput(undefined).ok).toBe(false);
  });
});

describe('scalars', () => {
  it('reads ports', () => {
    expect(['4444', ':4444', '4444/tcp', 'port 4444', '"4444"'].map(parsePort)).toEqual(Array(5).fill(4444));
    expect(['0', '65536', '44a', '-1', '4444.0'].map(parsePort)).toEqual(Array(5).fill(null));
  });
  it('reads pids as ss and netstat print them', () => {
    expect(['22713', 'pid=22713', 'PID 22713', '22713/bash', ' 22713 '].map(parsePid)).toEqual(Array(5).fill(22713));
    expect(['0', 'bash', '22713.5', '-5'].map(parsePid)).toEqual(Array(4).fill(null));
  });
  it('reads a process name from a name, a path or a command line', () => {
    expect(parseProcessName('/usr/bin/bash')).toBe('bash');
    expect(parseProcessName('BASH')).toBe('bash');
    expect(parseProcessName('bash -i')).toBe('bash');
    expect(parseProcessName('nc.openbsd')).toBe('nc.openbsd');
    expect(parseProcessName('(sd-pam)')).toBe('sd-pam');
    expect(parseProcessName('<script>')).toBeNull();
  });
  it.each([
    ['60', 60], ['60s', 60], ['60 sec', 60], ['1m', 60], ['1 minute', 60], ['a minute', 60],
    ['00:01:00', 60], ['01:00', 60], ['1m30s', 90], ['1 minute 30 seconds', 90],
    ['1 min, 30 s', 90], ['every 60 seconds', 60], ['PT1M', 60], ['60000ms', 60], ['1.5m', 90], ['2h', 7200],
  ])('duration %j = %d s', (input, seconds) => {
    expect(parseDuration(input)).toBeCloseTo(seconds, 6);
  });
  it.each(['sixty', '60 parsecs', '1:2:3:4', '', 'm'])('duration %j is unreadable', (input) => {
    expect(parseDuration(input)).toBeNull();
  });
  it('reads numbers', () => {
    expect(parseNumber('334,488')).toBe(334488);
    expect(parseNumber('334488 bytes')).toBe(334488);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12,34')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
  it('splits lists', () => {
    expect(parseList('1, 2;3\n4')).toEqual(['1', '2', '3', '4']);
    expect(parseList('1 2 3')).toEqual(['1', '2', '3']);
    expect(parseList('["a","b"]')).toEqual(['a', 'b']);
    expect(parseList('a > b -> c', true)).toEqual(['a', 'b', 'c']);
  });
});

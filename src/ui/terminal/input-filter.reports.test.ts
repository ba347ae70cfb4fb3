import { describe, expect, it } from 'vitest';
import { cleanInput } from './input-filter';

describe('terminal input filter', () => {
  it('drops the terminal reports xterm sends back through onData', () => {
    expect(cleanInput('\x1b[?1;2c', false)).toBe('');
    expect(cleanInput('\x1b[>0;276;0c', false)).toBe('');
    expect(cleanInput('\x1b[24;80R', false)).toBe('');
    expect(cleanInput('\x1b[?2004;2$y', false)).toBe('');
    expect(cleanInput('\x1b[0n', false)).toBe('');
    expect(cleanInput('\x1b]11;rgb:0000/0000/0000\x1b\\', false)).toBe('');
    expect(cleanInput('\x1bP1$r0m\x1b\\', false)).toBe('');
    expect(cleanInput('ls\x1b[?1;2c -l', false)).toBe('ls -l');
  });

  it('keeps the keys the editor understands', () => {
    for (const key of ['\x1b[A', '\x1b[1;5D', '\x1b[3~', '\x03', '\x1bf', '\x7f', '\r', '\x1bOH']) {
      expect(cleanInput(key, false)).toBe(key);
    }
  });

  it('filters C0 and C1 controls from pasted text but tab and line breaks', () => {
    expect(cleanInput('a\x80b\x9bc\x9fd', true)).toBe('abcd');
    expect(cleanInput('echo\ta\r\nb\n', true)).toBe('echo\ta\r\nb\n');
    expect(cleanInput('x\x03y\x1bz\x07\x00', true)).toBe('xyz');
    expect(cleanInput('a\x85b', false)).toBe('ab');
  });
});

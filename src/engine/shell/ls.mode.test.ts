import { describe, expect, it } from 'vitest';
import { modeString } from './ls';

describe('the mode string of ls -l and stat', () => {
  it('shows set-user-id, set-group-id and sticky in the x places, upper case without x', () => {
    expect(modeString('file', 0o4755)).toBe('-rwsr-xr-x');
    expect(modeString('file', 0o4644)).toBe('-rwSr--r--');
    expect(modeString('file', 0o2755)).toBe('-rwxr-sr-x');
    expect(modeString('file', 0o2745)).toBe('-rwxr-Sr-x');
    expect(modeString('dir', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('dir', 0o1776)).toBe('drwxrwxrwT');
    expect(modeString('file', 0o6755)).toBe('-rwsr-sr-x');
    expect(modeString('file', 0o0644)).toBe('-rw-r--r--');
  });
});

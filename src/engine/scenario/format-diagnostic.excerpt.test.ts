import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './format-diagnostic';
import type { Diagnostic } from './types';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error', message: 'bad', line: 1, col: 1, endLine: 1, endCol: 2, path: [], ...over,
});

describe('formatDiagnostic', () => {
  it('prints file:line:col, the line and a caret under the range, then the hint', () => {
    const text = 'a: 1\nport: ssh\n';
    expect(formatDiagnostic(d({ line: 2, col: 7, endCol: 10, hint: 'use 22' }), text, 'f.yaml')).toBe(
      'f.yaml:2:7: error: bad\n    2 | port: ssh\n      |       ^^^\n  hint: use 22',
    );
  });

  it('keeps tabs so the caret lines up, and a multi-line range runs to the end of the line', () => {
    expect(formatDiagnostic(d({ col: 3, endLine: 3, endCol: 1 }), '\tx: [1,\n2]\n', 'f')).toBe(
      'f:1:3: error: bad\n    1 | \tx: [1,\n      | \t ^^^^^',
    );
  });

  it('shows a caret past the end of the line and strips a BOM and CR', () => {
    expect(formatDiagnostic(d({ col: 5, endCol: 5 }), '\uFEFFa: "\r\n', 'f')).toBe(
      'f:1:5: error: bad\n    1 | a: "\n      |     ^',
    );
  });

  it('never passes control characters to the terminal', () => {
    expect(formatDiagnostic(d({ message: 'x\u001b[2Jy' }), 'k\u001b[31m: v\n', 'f\u0007')).toBe(
      'f?:1:1: error: x?[2Jy\n    1 | k?[31m: v\n      | ^',
    );
  });

  it('cuts a very long line around the column', () => {
    const line = 'k: ' + 'x'.repeat(300) + 'BAD' + 'y'.repeat(300);
    const out = formatDiagnostic(d({ col: 304, endCol: 307 }), line, 'f').split('\n');
    expect(out[1]).toBe('    1 | …' + 'x'.repeat(20) + 'BAD' + 'y'.repeat(97));
    expect(out[2]).toBe('      |  ' + ' '.repeat(20) + '^^^');
  });

  it('prints only the message when the line is not in the source', () => {
    expect(formatDiagnostic(d({ line: 9 }), 'a: 1\n', 'f')).toBe('f:9:1: error: bad');
  });
});

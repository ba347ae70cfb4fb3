/**
 * A Diagnostic as text for a terminal, compiler style:
 *
 *   web01.yaml:7:13: error: expected a port number (1-65535), got "ssh"
 *      7 |       port: ssh
 *        |             ^^^
 *     hint: write the port number, for example 22
 *
 * The excerpt is the offending line with a caret under the range. Control
 * characters are shown as `?` so no file can drive the terminal.
 */
import type { Diagnostic } from './types';

/** Longest piece of a source line shown in an excerpt. */
const EXCERPT_WIDTH = 120;

/**
 * One diagnostic as lines of text (no trailing newline). `source` is the
 * file's text, for the excerpt; pass null to print the message alone.
 */
export function formatDiagnostic(d: Diagnostic, source: string | null, fileName: string): string {
  const head = `${clean(fileName)}:${d.line}:${d.col}: ${d.severity}: ${clean(d.message)}`;
  const lines = [head];
  const excerpt = source === null ? null : excerptFor(d, source);
  if (excerpt) lines.push(...excerpt);
  if (d.hint) lines.push(`  hint: ${clean(d.hint)}`);
  return lines.join('\n');
}

/** Several diagnostics, each followed by a newline. */
export function formatDiagnostics(
  list: readonly Diagnostic[],
  source: string | null,
  fileName: string,
): string {
  return list.map((d) => formatDiagnostic(d, source, fileName) + '\n').join('');
}

function excerptFor(d: Diagnostic, source: string): string[] | null {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const line = sourceLine(text, d.line);
  if (line === null) return null;
  const start = Math.max(0, d.col - 1);
  const stop = d.endLine === d.line ? d.endCol - 1 : line.length;
  const end = Math.max(start + 1, stop);
  const from = start > EXCERPT_WIDTH - 20 ? start - 20 : 0;
  const shown = line.slice(from, from + EXCERPT_WIDTH);
  const gutter = String(d.line).padStart(5);
  const pad = shown.slice(0, start - from).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(end, from + EXCERPT_WIDTH) - start);
  return [
    `${gutter} | ${(from > 0 ? '…' : '') + clean(shown)}`,
    `${' '.repeat(gutter.length)} | ${(from > 0 ? ' ' : '') + pad}${'^'.repeat(width)}`,
  ];
}

/** Line `n` (1-based) of the text, without its line break, or null. */
function sourceLine(text: string, n: number): string | null {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (start > text.length) return null;
  return text.slice(start, end).replace(/\r$/, '');
}

/** Replace characters that could act on a terminal. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

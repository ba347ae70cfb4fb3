/**
 * Shared helpers for golden tests: read a capture from test/golden/captures,
 * split off its first `$ command` line, and normalise text the way every
 * golden comparison does (trailing white space trimmed on each line).
 *
 * Usage:
 *   const cap = readCapture('ss-tan.txt');
 *   cap.argv      // ['ss', '-tan']  (shell-split, quotes removed)
 *   cap.command   // "ss -tan"
 *   cap.output    // the captured output, trimmed per line
 *   expect(normalise(result.stdout)).toBe(cap.output);
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CAPTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'captures');

export interface Capture {
  file: string;
  /** The command line after "$ ", as typed. */
  command: string;
  /** The command split like a shell would (quotes removed); a pipe ends it. */
  argv: string[];
  /** Everything after a `|` in the command line, if any ("head -40"). */
  pipe?: string;
  /** Output lines, trailing white space trimmed, joined with "\n". */
  output: string;
}

/** Trim trailing white space on every line and drop trailing empty lines' padding. */
export function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/** Split a command line like a shell: single and double quotes, backslash, stop at `|`. */
export function shellSplit(line: string): { argv: string[]; pipe?: string } {
  const argv: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (c === '|') {
      if (inWord) argv.push(cur);
      return { argv, pipe: line.slice(i + 1).trim() };
    } else if (c === ' ' || c === '\t') {
      if (inWord) argv.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) argv.push(cur);
  return { argv };
}

/** Read one capture file by name ("ss-tan.txt"). */
export function readCapture(file: string): Capture {
  const raw = readFileSync(join(CAPTURES_DIR, file), 'utf8');
  const nl = raw.indexOf('\n');
  const first = nl < 0 ? raw : raw.slice(0, nl);
  if (!first.startsWith('$ ')) throw new Error(`${file}: first line is not "$ command"`);
  const command = first.slice(2);
  const { argv, pipe } = shellSplit(command);
  const output = normalise(nl < 0 ? '' : raw.slice(nl + 1));
  return { file, command, argv, pipe, output };
}

/** Apply `head -N` the way a pipe in a capture's command line did. */
export function applyPipe(text: string, pipe: string | undefined): string {
  if (!pipe) return text;
  const m = /^head\s+-(?:n\s*)?(\d+)$/.exec(pipe);
  if (!m) throw new Error(`unsupported pipe in capture: ${pipe}`);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.slice(0, Number(m[1])).join('\n') + '\n';
}

/** Share of identical lines between two normalised texts, by position. */
export function lineShare(actual: string, expected: string): { same: number; total: number } {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const total = Math.max(a.length, e.length);
  let same = 0;
  for (let i = 0; i < total; i++) if (a[i] === e[i]) same++;
  return { same, total };
}

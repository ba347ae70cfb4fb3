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

/**
 * Share of the capture's lines that the tool reproduced exactly: each
 * expected line counts once if an identical line appears in the output
 * (as a multiset, so a missing line does not shift the rest).
 */
export function lineShare(actual: string, expected: string): { same: number; total: number } {
  const pool = new Map<string, number>();
  for (const line of actual.split('\n')) pool.set(line, (pool.get(line) ?? 0) + 1);
  const e = expected.split('\n');
  let same = 0;
  for (const line of e) {
    const n = pool.get(line) ?? 0;
    if (n > 0) {
      same++;
      pool.set(line, n - 1);
    }
  }
  return { same, total: e.length };
}

/** A ToolContext for running a tool as root in `world` (any world type works). */
export function rootContext<W>(
  world: W,
  argv: string[],
): {
  argv: string[];
  stdin: string;
  world: W;
  uid: number;
  user: string;
  cwd: string;
  env: ReadonlyMap<string, string>;
  shellPid: number;
} {
  return {
    argv,
    stdin: '',
    world,
    uid: 0,
    user: 'root',
    cwd: '/root',
    env: new Map(),
    shellPid: 1,
  };
}

/** Collects identical-line shares per tool and prints them once per file. */
export class ShareReport {
  private same = 0;
  private total = 0;

  constructor(private readonly tool: string) {}

  add(actual: string, expected: string): void {
    const s = lineShare(actual, expected);
    this.same += s.same;
    this.total += s.total;
  }

  print(): void {
    const pct = this.total ? ((100 * this.same) / this.total).toFixed(1) : '0.0';
    console.log(`golden ${this.tool}: ${this.same}/${this.total} identical lines (${pct}%)`);
  }
}

/**
 * GNU tail's command line (coreutils 9), parsed the way getopt and tail do
 * it: clustered short options (`-fn 20`, `-n20`), long options with `=`,
 * the obsolete first-operand forms (`-20f`, `+5`), size suffixes, and the
 * real messages for a bad number or option. The session's `tail` reads it
 * to tell whether to follow; without -f/-F just-bash's own tail runs.
 */
import type { OptionSupport } from '../tools/types';

export interface TailOptions {
  /** -n/-c count; `from` counts from the start (+NUM). */
  count: { unit: 'lines' | 'bytes'; n: number; from: boolean };
  follow?: 'descriptor' | 'name';
  retry: boolean;
  headers: 'auto' | 'always' | 'never';
  /** -s: seconds between looks at the files. */
  sleepSeconds: number;
  files: string[];
}

export const TAIL_OPTIONS: readonly OptionSupport[] = [
  { flag: '-n, --lines=[+]NUM', support: 'full' },
  {
    flag: '-c, --bytes=[+]NUM', support: 'partial',
    note: 'counts characters of the text, which are bytes for ASCII logs',
  },
  {
    flag: '-f, --follow[=descriptor]', support: 'full',
    note: 'follows as the simulated clock advances; polls, so a line arrives at most a poll late',
  },
  {
    flag: '-F, --follow=name --retry', support: 'full',
    note: 'reports a file that disappears, appears or is truncated',
  },
  {
    flag: '-s, --sleep-interval=N', support: 'partial',
    note: 'at high clock speeds the files are read less often (every 250 ms of wall time at most)',
  },
  { flag: '-q, --quiet, --silent / -v, --verbose', support: 'full' },
  { flag: '--retry', support: 'full' },
  { flag: '--max-unchanged-stats=N', support: 'partial', note: 'accepted; there are no stats to compare' },
  { flag: '--pid=PID', support: 'none', note: 'not simulated: following ends with Ctrl-C' },
  { flag: '-z, --zero-terminated', support: 'none', note: 'not simulated' },
];

const TRY = "Try 'tail --help' for more information.\n";

export type Parsed = { ok: true; options: TailOptions } | { ok: false; stderr: string };

/** ‘x’ in a UTF-8 locale, 'x' otherwise, as coreutils' quote() does. */
export function localeQuote(env: ReadonlyMap<string, string>, s: string): string {
  const loc = env.get('LC_ALL') || env.get('LC_MESSAGES') || env.get('LANG') || '';
  return /utf-?8/i.test(loc) ? `\u2018${s}\u2019` : `'${s}'`;
}

const SUFFIXES: Record<string, number> = {
  '': 1, b: 512, kB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2,
  GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3,
};

/** `[+-]NUM[suffix]` as tail reads -n and -c; undefined when it is not one. */
function parseCount(text: string): { n: number; from: boolean } | undefined {
  const m = /^([+-]?)(\d+)([A-Za-z]*)$/.exec(text);
  if (!m || !Object.hasOwn(SUFFIXES, m[3]!)) return undefined;
  const n = Number(m[2]) * SUFFIXES[m[3]!]!;
  return Number.isFinite(n) ? { n: Math.min(n, Number.MAX_SAFE_INTEGER), from: m[1] === '+' } : undefined;
}

interface State {
  o: TailOptions;
  env: ReadonlyMap<string, string>;
}

function fail(message: string): Parsed {
  return { ok: false, stderr: message };
}

/** Applies one option that takes a value; an error message, or undefined. */
function withValue(st: State, name: 'n' | 'c' | 's', value: string): string | undefined {
  if (name === 's') {
    const secs = /^\d+(?:\.\d*)?$|^\.\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(secs)) return `tail: invalid number of seconds: ${localeQuote(st.env, value)}\n`;
    st.o.sleepSeconds = secs;
    return undefined;
  }
  const count = parseCount(value);
  const what = name === 'n' ? 'lines' : 'bytes';
  if (!count) return `tail: invalid number of ${what}: ${localeQuote(st.env, value)}\n`;
  st.o.count = { unit: name === 'n' ? 'lines' : 'bytes', ...count };
  return undefined;
}

const LONG_VALUE: Record<string, 'n' | 'c' | 's'> = { lines: 'n', bytes: 'c', 'sleep-interval': 's' };

const LONG_NAMES = [
  'bytes', 'follow', 'lines', 'max-unchanged-stats', 'pid', 'quiet', 'retry', 'silent',
  'sleep-interval', 'verbose', 'zero-terminated',
];

/** The long option a name stands for; getopt takes any unambiguous prefix. */
function longName(name: string): string | undefined {
  if (LONG_NAMES.includes(name)) return name;
  const hits = LONG_NAMES.filter((n) => n.startsWith(name));
  return hits.length === 1 ? hits[0] : undefined;
}

function longOption(st: State, arg: string, next: () => string | undefined): string | undefined {
  const [typed = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
  const name = longName(typed);
  if (name === undefined) return `tail: unrecognized option '${arg}'\n${TRY}`;
  if (name === 'follow') {
    if (inline === undefined || inline === 'descriptor') st.o.follow = 'descriptor';
    else if (inline === 'name') st.o.follow = 'name';
    else {
      const q = (s: string) => localeQuote(st.env, s);
      return `tail: invalid argument ${q(inline)} for ${q('--follow')}\n`
        + `Valid arguments are:\n  - ${q('descriptor')}\n  - ${q('name')}\n${TRY}`;
    }
    return undefined;
  }
  if (Object.hasOwn(LONG_VALUE, name) || name === 'max-unchanged-stats') {
    const value = inline ?? next();
    if (value === undefined) return `tail: option '--${name}' requires an argument\n${TRY}`;
    return name === 'max-unchanged-stats' ? undefined : withValue(st, LONG_VALUE[name]!, value);
  }
  if (name === 'retry') st.o.retry = true;
  else if (name === 'quiet' || name === 'silent') st.o.headers = 'never';
  else if (name === 'verbose') st.o.headers = 'always';
  else return `tail: --${name} is not simulated\n`;
  return undefined;
}

/** -20f, -5l, +3c: the obsolete form, only as the first argument. */
function obsolete(st: State, arg: string): boolean {
  const m = /^([+-])(\d*)([lbc]?)(f?)$/.exec(arg);
  if (!m || (m[1] === '-' && m[2] === '') || (m[2] === '' && m[3] === '' && m[4] === '')) return false;
  const n = m[2] === '' ? 10 : Number(m[2]) * (m[3] === 'b' ? 512 : 1);
  st.o.count = { unit: m[3] === 'c' || m[3] === 'b' ? 'bytes' : 'lines', n, from: m[1] === '+' };
  if (m[4]) st.o.follow = 'descriptor';
  return true;
}

function shortCluster(st: State, arg: string, next: () => string | undefined): string | undefined {
  for (let j = 1; j < arg.length; j++) {
    const c = arg[j]!;
    if (c === 'n' || c === 'c' || c === 's') {
      const value = j + 1 < arg.length ? arg.slice(j + 1) : next();
      if (value === undefined) return `tail: option requires an argument -- '${c}'\n${TRY}`;
      return withValue(st, c, value);
    }
    if (c === 'f') st.o.follow ??= 'descriptor';
    else if (c === 'F') {
      st.o.follow = 'name';
      st.o.retry = true;
    } else if (c === 'q') st.o.headers = 'never';
    else if (c === 'v') st.o.headers = 'always';
    else if (c === 'z') return 'tail: -z is not simulated\n';
    else if (/\d/.test(c)) return withValue(st, 'n', arg.slice(j));
    else return `tail: invalid option -- '${c}'\n${TRY}`;
  }
  return undefined;
}

export function parseTailArgs(args: readonly string[], env: ReadonlyMap<string, string>): Parsed {
  const st: State = {
    env,
    o: {
      count: { unit: 'lines', n: 10, from: false }, retry: false, headers: 'auto',
      sleepSeconds: 1, files: [],
    },
  };
  let i = 0;
  const next = () => args[++i];
  if (args.length > 0 && obsolete(st, args[0]!)) i = 1;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    let error: string | undefined;
    if (arg === '--') {
      st.o.files.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) error = longOption(st, arg, next);
    else if (arg.startsWith('-') && arg.length > 1) error = shortCluster(st, arg, next);
    else st.o.files.push(arg);
    if (error) return fail(error);
  }
  return { ok: true, options: st.o };
}

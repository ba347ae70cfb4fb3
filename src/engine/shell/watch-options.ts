/**
 * watch's command line (procps-ng 4.0): getopt with `+` (options end at
 * the first word of the command), the interval as procps reads it (a
 * decimal with `.` or `,`, no exponent, below 0.1 s taken as 0.1 s), and
 * its header line, laid out by procps' rules for a narrow terminal.
 */
import type { OptionSupport } from '../tools/types';

export interface WatchOptions {
  interval: number;
  title: boolean;
  exec: boolean;
  precise: boolean;
  errexit: boolean;
  chgexit: boolean;
  /** -q: stop when the output has not changed for this many cycles. */
  equexit?: number;
  command: string[];
}

export const WATCH_OPTIONS: readonly OptionSupport[] = [
  {
    flag: '-n, --interval SECS', support: 'full',
    note: 'simulated seconds; below 0.1 taken as 0.1; WATCH_INTERVAL sets the default',
  },
  { flag: '-t, --no-title', support: 'full' },
  { flag: '-x, --exec', support: 'full' },
  { flag: '-p, --precise', support: 'full' },
  { flag: '-g, --chgexit', support: 'full' },
  { flag: '-q, --equexit CYCLES', support: 'full' },
  {
    flag: '-e, --errexit', support: 'partial',
    note: 'shows the message and exits 8 at once; the real one waits for a key',
  },
  { flag: '-b, --beep', support: 'partial', note: 'accepted; no bell' },
  { flag: '-c, --color', support: 'partial', note: 'colours reach the terminal as printed' },
  { flag: '-d, --differences[=permanent]', support: 'none', note: 'accepted; changes are not highlighted' },
  { flag: '-w, --no-wrap', support: 'none', note: 'accepted; the terminal wraps long lines' },
];

export const WATCH_VERSION = 'watch from procps-ng 4.0.4\n';

export const WATCH_USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

const UINT_MAX = 4294967295;

/** procps' strtod_nol: a decimal with `.` or `,`; undefined when it is not one. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const value = Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`);
  return Math.min(Math.max(value, 0.1), UINT_MAX);
}

export type WatchParsed =
  | { ok: true; options: WatchOptions }
  | { ok: false; stdout: string; stderr: string; exitCode: number };

const LONG: Record<string, string> = {
  beep: 'b', color: 'c', differences: 'd', errexit: 'e', chgexit: 'g', equexit: 'q',
  interval: 'n', precise: 'p', 'no-title': 't', 'no-wrap': 'w', exec: 'x', help: 'h', version: 'v',
};

const usageError = (message: string): WatchParsed => (
  { ok: false, stdout: '', stderr: message + WATCH_USAGE, exitCode: 1 });
const badNumber = (text: string): WatchParsed => ({
  ok: false, stdout: '', exitCode: 1,
  stderr: `watch: failed to parse argument: '${text}': Invalid argument\n`,
});

/** The long option a (possibly abbreviated) name stands for. */
function longName(name: string): string | undefined {
  if (Object.hasOwn(LONG, name)) return name;
  const hits = Object.keys(LONG).filter((k) => k.startsWith(name));
  return hits.length === 1 ? hits[0] : undefined;
}

export function parseWatchArgs(args: readonly string[], env: ReadonlyMap<string, string>): WatchParsed {
  const fromEnv = env.get('WATCH_INTERVAL');
  const o: WatchOptions = {
    interval: (fromEnv !== undefined ? parseInterval(fromEnv) : undefined) ?? 2,
    title: true, exec: false, precise: false, errexit: false, chgexit: false, command: [],
  };
  const apply = (c: string, value: string | undefined): WatchParsed | undefined => {
    if (c === 'n' || c === 'q') {
      if (value === undefined) return usageError(`watch: option requires an argument -- '${c}'\n`);
      if (c === 'n') {
        const n = parseInterval(value);
        if (n === undefined) return badNumber(value);
        o.interval = n;
      } else {
        if (!/^\d+$/.test(value)) return badNumber(value);
        o.equexit = Number(value);
      }
    } else if (c === 't') o.title = false;
    else if (c === 'x') o.exec = true;
    else if (c === 'p') o.precise = true;
    else if (c === 'e') o.errexit = true;
    else if (c === 'g') o.chgexit = true;
    else if (c === 'h') return { ok: false, stdout: WATCH_USAGE, stderr: '', exitCode: 0 };
    else if (c === 'v') return { ok: false, stdout: WATCH_VERSION, stderr: '', exitCode: 0 };
    return undefined;
  };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    let failed: WatchParsed | undefined;
    if (arg.startsWith('--')) {
      const [raw = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      const name = longName(raw);
      if (!name) return usageError(`watch: unrecognized option '${arg}'\n`);
      const c = LONG[name]!;
      const value = c === 'n' || c === 'q' ? inline ?? args[++i] : undefined;
      if ((c === 'n' || c === 'q') && value === undefined) {
        return usageError(`watch: option '--${name}' requires an argument\n`);
      }
      failed = apply(c, value);
    } else {
      for (let j = 1; j < arg.length && !failed; j++) {
        const c = arg[j]!;
        if (!'bcdeghnpqtvwx'.includes(c)) return usageError(`watch: invalid option -- '${c}'\n`);
        if (c === 'n' || c === 'q') {
          failed = apply(c, j + 1 < arg.length ? arg.slice(j + 1) : args[++i]);
          break;
        }
        // -d takes an optional argument only when attached (-dpermanent).
        if (c === 'd') break;
        failed = apply(c, undefined);
      }
    }
    if (failed) return failed;
  }
  o.command = args.slice(i);
  if (o.command.length === 0) return usageError('');
  return { ok: true, options: o };
}

/**
 * The first line of the screen: `Every 2.0s: CMD` on the left, `HOST: DATE`
 * ending at the last column; a command too long for the space between is
 * cut and followed by `... `, and a terminal narrower than the right part
 * shows nothing. (procps counts the newline that ctime(3) leaves on the date.)
 */
export function watchHeader(width: number, interval: number, command: string, right: string): string {
  const left = `Every ${interval.toFixed(1)}s: `;
  const hlen = left.length;
  const rhlen = right.length + 1;
  if (width < rhlen) return '';
  const row: string[] = new Array<string>(width).fill(' ');
  const put = (at: number, text: string) => {
    for (let k = 0; k < text.length && at + k < width; k++) if (at + k >= 0) row[at + k] = text[k]!;
  };
  if (rhlen + hlen + 1 <= width) {
    put(0, left);
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ');
      else if (width < rhlen + hlen + command.length) {
        const keep = Math.max(0, width - rhlen - hlen - 4);
        put(hlen, command.slice(0, keep));
        put(width - rhlen - 4, '... ');
      } else put(hlen, command);
    }
  }
  put(width - rhlen + 1, right);
  return row.join('').trimEnd();
}

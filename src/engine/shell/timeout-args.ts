/**
 * `timeout`'s command line as coreutils 9.4 reads it: getopt_long with
 * "+k:s:v" (options stop at the first operand), long options that may be
 * shortened to a unique prefix, then DURATION and COMMAND [ARG]...
 * Mistakes print glibc's or timeout's message and the Try line (125).
 */

export interface TimeoutOptions {
  /** Milliseconds of simulated time; 0 disables the timeout. */
  durationMs: number;
  killAfterMs: number;
  signal: number;
  signalName: string;
  verbose: boolean;
  foreground: boolean;
  preserveStatus: boolean;
  command: string[];
}

export type TimeoutParse =
  | { ok: true; options: TimeoutOptions }
  | { ok: false; stdout: string; stderr: string; exitCode: number };

const TRY = "Try 'timeout --help' for more information.\n";
const EXIT_CANCELED = 125;

const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2',
  'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG',
  'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS',
];
const ALIASES = new Map([['IO', 29], ['IOT', 6], ['CLD', 17]]);
const RTMIN = 34;
const RTMAX = 64;

/** A signal's name as sig2str gives it (TERM, RTMIN+2, RTMAX-1), or undefined. */
export function signalName(n: number): string | undefined {
  if (n >= 1 && n <= SIGNALS.length) return SIGNALS[n - 1];
  if (n < RTMIN || n > RTMAX) return undefined;
  const half = (RTMAX - RTMIN) / 2;
  if (n === RTMIN) return 'RTMIN';
  if (n === RTMAX) return 'RTMAX';
  return n - RTMIN <= half ? `RTMIN+${n - RTMIN}` : `RTMAX-${RTMAX - n}`;
}

function namedSignal(name: string): number | undefined {
  const i = SIGNALS.indexOf(name);
  if (i >= 0) return i + 1;
  if (ALIASES.has(name)) return ALIASES.get(name);
  const rt = /^RT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
  if (!rt) return undefined;
  const offset = rt[3] === undefined ? 0 : Number(rt[3]);
  if (rt[1] === 'MIN' && rt[2] !== '-') return RTMIN + offset;
  if (rt[1] === 'MAX' && rt[2] !== '+') return RTMAX - offset;
  return undefined;
}

/** operand2sig: a number (masked as a shell's $? would be) or a name, with or without SIG. */
export function parseSignal(operand: string): number | undefined {
  let n: number | undefined;
  if (/^[0-9]/.test(operand)) {
    n = /^[0-9]+$/.test(operand) ? Number(operand) : undefined;
    if (n !== undefined && n <= 2 ** 31) n &= n >= 0xff ? 0xff : 0x7f;
  } else {
    const up = operand.replace(/[a-z]/g, (c) => c.toUpperCase());
    n = namedSignal(up) ?? (up.startsWith('SIG') ? namedSignal(up.slice(3)) : undefined);
  }
  return n !== undefined && signalName(n) !== undefined ? n : undefined;
}

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration in milliseconds (rounded up), Infinity for inf, or undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?)(.?)$/i.exec(text);
  const unit = m ? UNIT[m[2] ?? ''] : undefined;
  if (!m || unit === undefined) return undefined;
  const seconds = /^inf/i.test(m[1] ?? '') ? Number.POSITIVE_INFINITY : Number(m[1]);
  return Math.ceil(seconds * unit * 1000);
}

const LONG = ['kill-after', 'signal', 'verbose', 'foreground', 'preserve-status', 'help', 'version'];
const WITH_ARG = new Set(['kill-after', 'signal']);

const fail = (stderr: string): TimeoutParse => ({ ok: false, stdout: '', stderr: stderr + TRY, exitCode: EXIT_CANCELED });

/** The long option `--name[=value]` names, by unique prefix (getopt_long). */
function longOption(tok: string): { name: string } | { error: string } {
  const typed = tok.slice(2).split('=')[0] ?? '';
  if (LONG.includes(typed)) return { name: typed };
  const matches = LONG.filter((n) => n.startsWith(typed));
  if (matches.length === 1) return { name: matches[0]! };
  if (matches.length === 0) return { error: `timeout: unrecognized option '${tok}'\n` };
  const all = matches.map((n) => `'--${n}'`).join(' ');
  return { error: `timeout: option '${tok.split('=')[0]}' is ambiguous; possibilities: ${all}\n` };
}

export function parseTimeoutArgs(args: readonly string[]): TimeoutParse {
  const o: TimeoutOptions = {
    durationMs: 0, killAfterMs: 0, signal: 15, signalName: 'TERM', verbose: false,
    foreground: false, preserveStatus: false, command: [],
  };
  const set = (name: string, value: string): string | undefined => {
    if (name === 'k' || name === 'kill-after') {
      const ms = parseDuration(value);
      if (ms === undefined) return `timeout: invalid time interval ‘${value}’\n`;
      o.killAfterMs = ms;
    } else {
      const n = parseSignal(value);
      if (n === undefined) return `timeout: ‘${value}’: invalid signal\n`;
      o.signal = n;
      o.signalName = signalName(n) ?? String(n);
    }
    return undefined;
  };
  let i = 0;
  for (; i < args.length; i++) {
    const tok = args[i]!;
    if (tok === '--') { i++; break; }
    if (!tok.startsWith('-') || tok === '-') break;
    if (tok.startsWith('--')) {
      const found = longOption(tok);
      if ('error' in found) return fail(found.error);
      const eq = tok.indexOf('=');
      if (!WITH_ARG.has(found.name)) {
        if (eq >= 0) return fail(`timeout: option '--${found.name}' doesn't allow an argument\n`);
        if (found.name === 'verbose') o.verbose = true;
        else if (found.name === 'foreground') o.foreground = true;
        else if (found.name === 'preserve-status') o.preserveStatus = true;
        else if (found.name === 'help') return { ok: false, stdout: HELP, stderr: '', exitCode: 0 };
        else return { ok: false, stdout: VERSION, stderr: '', exitCode: 0 };
        continue;
      }
      const value = eq >= 0 ? tok.slice(eq + 1) : args[++i];
      if (value === undefined) return fail(`timeout: option '--${found.name}' requires an argument\n`);
      const bad = set(found.name, value);
      if (bad) return fail(bad);
      continue;
    }
    for (let j = 1; j < tok.length; j++) {
      const ch = tok[j]!;
      if (ch === 'v') { o.verbose = true; continue; }
      if (ch !== 'k' && ch !== 's') return fail(`timeout: invalid option -- '${ch}'\n`);
      const value = j + 1 < tok.length ? tok.slice(j + 1) : args[++i];
      if (value === undefined) return fail(`timeout: option requires an argument -- '${ch}'\n`);
      const bad = set(ch, value);
      if (bad) return fail(bad);
      break;
    }
  }
  // Too few operands: coreutils prints only the Try line.
  if (args.length - i < 2) return fail('');
  const duration = parseDuration(args[i]!);
  if (duration === undefined) return fail(`timeout: invalid time interval ‘${args[i]}’\n`);
  o.durationMs = duration;
  o.command = args.slice(i + 1);
  return { ok: true, options: o };
}

const HELP = 'Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n  or:  timeout [OPTION]\n' +
  'Start COMMAND, and kill it if still running after DURATION.\n' +
  '(The lab runs COMMAND on its simulated clock: DURATION is simulated time.)\n';
const VERSION = 'timeout (GNU coreutils) 9.4\n';

/**
 * journalctl's command line: short options may be bundled (`-xeu ssh`);
 * `-n` takes an optional count (`-n`, `-n5`, `-n 5`, `--lines=5`); FIELD=VALUE
 * words are matches. Errors are worded as systemd words them.
 */
import { parseTimeSpec } from './time-spec';

export interface JournalArgs {
  units: string[];
  idents: string[];
  since?: number;
  until?: number;
  lines?: number;
  reverse: boolean;
  quiet: boolean;
  kernel: boolean;
  boot: boolean;
  minPriority: number;
  maxPriority: number;
  grep?: RegExp;
  output: string;
  fields: [string, string][];
}

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const OUTPUTS = new Set(['short', 'short-iso', 'short-precise', 'cat', 'with-unit', 'short-full']);
const WITH_ARG = new Set(['u', 't', 'S', 'U', 'p', 'g', 'o']);
const LONG: Record<string, string> = {
  unit: 'u', identifier: 't', since: 'S', until: 'U', priority: 'p', grep: 'g', output: 'o',
  lines: 'n', reverse: 'r', quiet: 'q', dmesg: 'k', boot: 'b', 'pager-end': 'e', follow: 'f',
  'no-pager': '', catalog: 'x', 'no-hostname': '', utc: '', all: 'a', full: '',
};

function level(text: string): number | undefined {
  if (/^[0-7]$/.test(text)) return Number(text);
  const i = LEVELS.indexOf(text === 'error' ? 'err' : text === 'warn' ? 'warning' : text);
  return i < 0 ? undefined : i;
}

function unitName(u: string): string {
  return /\.(service|socket|timer|target|mount|scope|slice|path)$/.test(u) ? u : `${u}.service`;
}

function apply(a: JournalArgs, opt: string, value: string, now: number, tz: string): string | undefined {
  switch (opt) {
    case 'u': a.units.push(unitName(value)); return undefined;
    case 't': a.idents.push(value); return undefined;
    case 'S': case 'U': {
      const t = parseTimeSpec(value, now, tz);
      if (t === undefined) return `Failed to parse timestamp: ${value}\n`;
      if (opt === 'S') a.since = t;
      else a.until = t;
      return undefined;
    }
    case 'p': {
      const [lo, hi] = value.includes('..') ? value.split('..') : [undefined, value];
      const max = level(hi ?? '');
      const min = lo === undefined ? 0 : level(lo);
      if (max === undefined || min === undefined) return `Unknown log level ${value}\n`;
      a.minPriority = Math.min(min, max);
      a.maxPriority = Math.max(min, max);
      return undefined;
    }
    case 'g':
      try {
        a.grep = new RegExp(value, value === value.toLowerCase() ? 'i' : '');
      } catch {
        return `Failed to compile pattern "${value}"\n`;
      }
      return undefined;
    case 'o':
      if (!OUTPUTS.has(value)) return `Unknown output format '${value}'.\n`;
      a.output = value === 'short-full' ? 'short' : value;
      return undefined;
    case 'n':
      if (value === 'all') { a.lines = undefined; return undefined; }
      if (!/^\+?\d+$/.test(value)) return `Failed to parse lines '${value}'\n`;
      a.lines = Number(value.replace('+', ''));
      return undefined;
    default: return flag(a, opt);
  }
}

function flag(a: JournalArgs, opt: string): string | undefined {
  if (opt === 'r') a.reverse = true;
  else if (opt === 'q') a.quiet = true;
  else if (opt === 'k') { a.kernel = true; a.boot = true; }
  else if (opt === 'b') a.boot = true;
  else if (opt === 'e') a.lines ??= 1000;
  else if (opt === 'f') a.lines ??= 10;
  else if (opt === 'x' || opt === 'a' || opt === '') return undefined;
  else return `journalctl: invalid option -- '${opt}'\n`;
  return undefined;
}

export function parseJournalArgs(args: string[], now: number, tz: string): JournalArgs | string {
  const a: JournalArgs = {
    units: [], idents: [], reverse: false, quiet: false, kernel: false, boot: false,
    minPriority: 0, maxPriority: 7, output: 'short', fields: [],
  };
  for (let i = 0; i < args.length; i++) {
    const tok = args[i] ?? '';
    const countNext = (): string => {
      const v = args[i + 1];
      if (v !== undefined && /^\d+$/.test(v)) { i++; return v; }
      return '10';
    };
    let err: string | undefined;
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      const name = tok.slice(2, eq < 0 ? undefined : eq);
      if (!Object.hasOwn(LONG, name)) return `journalctl: unrecognized option '${tok}'\n`;
      const opt = LONG[name] ?? '';
      if (opt === 'n') err = apply(a, 'n', eq >= 0 ? tok.slice(eq + 1) : countNext(), now, tz);
      else if (WITH_ARG.has(opt)) {
        const v = eq >= 0 ? tok.slice(eq + 1) : args[++i];
        if (v === undefined) return `journalctl: option '--${name}' requires an argument\n`;
        err = apply(a, opt, v, now, tz);
      } else if (opt === 'b' && args[i + 1] !== undefined && /^-?\d+$|^[0-9a-f]{32}$/.test(args[i + 1] ?? '')) {
        i++;
        a.boot = true;
      } else err = flag(a, opt);
    } else if (tok.startsWith('-') && tok.length > 1) {
      for (let j = 1; j < tok.length && !err; j++) {
        const ch = tok[j] ?? '';
        if (ch === 'n') { err = apply(a, 'n', tok.slice(j + 1) || countNext(), now, tz); break; }
        if (!WITH_ARG.has(ch)) { err = flag(a, ch); continue; }
        const v = tok.slice(j + 1) || args[++i];
        if (v === undefined) return `journalctl: option requires an argument -- '${ch}'\n`;
        err = apply(a, ch, v, now, tz);
        break;
      }
    } else if (/^[A-Z_]+=/.test(tok)) {
      const eq = tok.indexOf('=');
      a.fields.push([tok.slice(0, eq), tok.slice(eq + 1)]);
    } else if (tok.startsWith('/')) {
      a.fields.push(['_EXE', tok]);
    } else return `Failed to add match '${tok}': Invalid argument\n`;
    if (err) return err;
  }
  return a;
}

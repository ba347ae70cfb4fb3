/**
 * journalctl's command line: short options may be bundled (`-xeu ssh`);
 * `-n` takes an optional count (`-n`, `-n5`, `-n 5`, `--lines=5`); FIELD=VALUE
 * words are matches. Errors are worded as systemd words them.
 */
import { parseTimeSpec } from './time-spec';
import { OUTPUT_MODES } from './render';

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
  /** -b's descriptor: a boot id and/or an offset (0 with no id: the current boot). */
  bootId?: string;
  bootOffset: number;
  listBoots: boolean;
  utc: boolean;
  noHostname: boolean;
  minPriority: number;
  maxPriority: number;
  grep?: RegExp;
  output: string;
  fields: [string, string][];
}

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];
const OUTPUTS = new Set<string>(OUTPUT_MODES);
const WITH_ARG = new Set(['u', 't', 'S', 'U', 'p', 'g', 'o']);
const LONG: Record<string, string> = {
  unit: 'u', identifier: 't', since: 'S', until: 'U', priority: 'p', grep: 'g', output: 'o',
  lines: 'n', reverse: 'r', quiet: 'q', dmesg: 'k', boot: 'b', 'pager-end': 'e', follow: 'f',
  'no-pager': '', catalog: 'x', 'no-hostname': 'H', utc: 'Z', all: 'a', full: '', 'no-full': '',
  'list-boots': 'L', system: '', merge: 'm', 'no-tail': '',
};

/** systemd 255 options the lab does not simulate (they are real: they get no "invalid option"). */
const NOT_SIMULATED = new Set([
  'user', 'machine', 'directory', 'file', 'root', 'image', 'image-policy', 'namespace', 'cursor',
  'after-cursor', 'cursor-file', 'user-unit', 'facility', 'case-sensitive', 'output-fields',
  'show-cursor', 'fields', 'field', 'disk-usage', 'vacuum-size', 'vacuum-files', 'vacuum-time',
  'verify', 'sync', 'relinquish-var', 'smart-relinquish-var', 'flush', 'rotate', 'header',
  'list-catalog', 'dump-catalog', 'update-catalog', 'setup-keys', 'interval', 'verify-key', 'force',
  'new-id128', 'version', 'help',
]);
const SHORT_NOT_SIMULATED: Record<string, string> = {
  M: 'machine', D: 'directory', c: 'cursor', F: 'field', N: 'fields', h: 'help',
};
const notSimulated = (what: string): string => `journalctl: ${what} is not simulated in this lab\n`;

/** systemd's parse_boot_descriptor: `all`, an offset, a boot id, or an id with an offset. */
export function bootDescriptor(x: string): { all: true } | { id?: string; offset: number } | undefined {
  if (x === 'all') return { all: true };
  let id: string | undefined;
  let rest = x;
  if (x.length >= 32 && /^[0-9a-fA-F]{32}/.test(x)) {
    id = x.slice(0, 32).toLowerCase();
    rest = x.slice(32);
    if (rest === '') return { id, offset: 0 };
  }
  if (!/^[+-]?\d+$/.test(rest) || (id !== undefined && !/^[+-]/.test(rest))) return undefined;
  const offset = Number(rest);
  return Number.isSafeInteger(offset) ? { ...(id ? { id } : {}), offset } : undefined;
}

function setBoot(a: JournalArgs, d: { all: true } | { id?: string; offset: number }): void {
  if ('all' in d) { a.boot = false; a.bootId = undefined; a.bootOffset = 0; return; }
  a.boot = true;
  a.bootId = d.id;
  a.bootOffset = d.offset;
}

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
      a.output = value;
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
  else if (opt === 'b') { a.boot = true; a.bootId = undefined; a.bootOffset = 0; }
  else if (opt === 'L') a.listBoots = true;
  else if (opt === 'Z') a.utc = true;
  else if (opt === 'H') a.noHostname = true;
  else if (opt === 'm') return undefined;
  else if (Object.hasOwn(SHORT_NOT_SIMULATED, opt)) return notSimulated(`-${opt}`);
  else if (opt === 'e') a.lines ??= 1000;
  else if (opt === 'f') a.lines ??= 10;
  else if (opt === 'x' || opt === 'a' || opt === '') return undefined;
  else return `journalctl: invalid option -- '${opt}'\n`;
  return undefined;
}

export function parseJournalArgs(args: string[], now: number, tz: string): JournalArgs | string {
  const a: JournalArgs = {
    units: [], idents: [], reverse: false, quiet: false, kernel: false, boot: false,
    bootOffset: 0, listBoots: false, utc: false, noHostname: false, minPriority: 0, maxPriority: 7, output: 'short', fields: [],
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
      if (NOT_SIMULATED.has(name)) return notSimulated(`--${name}`);
      if (!Object.hasOwn(LONG, name)) return `journalctl: unrecognized option '${tok}'\n`;
      const opt = LONG[name] ?? '';
      if (opt === 'b' && eq >= 0) {
        const d = bootDescriptor(tok.slice(eq + 1));
        if (!d) return `Failed to parse boot descriptor '${tok.slice(eq + 1)}'\n`;
        setBoot(a, d);
      } else if (opt === 'b') {
        const d = bootDescriptor(args[i + 1] ?? '');
        if (d) i++;
        setBoot(a, d ?? { offset: 0 });
      } else if (opt === 'n') err = apply(a, 'n', eq >= 0 ? tok.slice(eq + 1) : countNext(), now, tz);
      else if (WITH_ARG.has(opt)) {
        const v = eq >= 0 ? tok.slice(eq + 1) : args[++i];
        if (v === undefined) return `journalctl: option '--${name}' requires an argument\n`;
        err = apply(a, opt, v, now, tz);
      } else err = flag(a, opt);
    } else if (tok.startsWith('-') && tok.length > 1) {
      for (let j = 1; j < tok.length && !err; j++) {
        const ch = tok[j] ?? '';
        if (ch === 'n') { err = apply(a, 'n', tok.slice(j + 1) || countNext(), now, tz); break; }
        if (ch === 'b') {
          // -b takes an optional value: joined (-b-1), else the next word if it reads as one.
          const joined = tok.slice(j + 1);
          const d = bootDescriptor(joined || (args[i + 1] ?? ''));
          if (joined && !d) return `Failed to parse boot descriptor '${joined}'\n`;
          if (!joined && d) i++;
          setBoot(a, d ?? { offset: 0 });
          break;
        }
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

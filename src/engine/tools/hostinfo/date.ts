/**
 * date (coreutils 9): the world's clock in the host's zone (or $TZ).
 * `+FORMAT` (the strftime subset of time-format.ts), -u, -R, -I[TIMESPEC],
 * -d/--date with the timestamps journalctl also reads ("1 hour ago",
 * "2026-12-04 13:00", "@EPOCH"), -r FILE. Setting the clock needs root and
 * is not simulated.
 */
import type { Tool, ToolContext, ToolResult } from '../types';
import { dateDefault, strftime } from '../../world/time-format';
import { parseDateString } from './date-parse';

function quote(ctx: ToolContext, s: string): string {
  const loc = ctx.env.get('LC_ALL') || ctx.env.get('LANG') || '';
  return /utf-?8/i.test(loc) ? `\u2018${s}\u2019` : `'${s}'`;
}

const ISO: Record<string, string> = {
  date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

function render(fmt: string, ms: number, tz: string): string {
  const colonZ = strftime('%z', ms, tz).replace(/(\d\d)$/, ':$1');
  return strftime(fmt.replace(/%:z/g, '\u0000'), ms, tz).replace(/\u0000/g, colonZ);
}

/**
 * A file's modification time for `date -r FILE`, or why it has none
 * ("No such file or directory", "Permission denied"); the shell looks the
 * files up before date runs (src/engine/shell/date-reference.ts).
 */
export type FileTimes = (path: string) => number | string | undefined;

/** The files `date -r`/`--reference` names in an argument list. */
export function referencedFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const list = unbundle(args);
  for (let i = 0; i < list.length; i++) {
    const a = list[i] ?? '';
    if (a === '-r' || a === '--reference') out.push(list[++i] ?? '');
    else if (a.startsWith('--reference=')) out.push(a.slice(12));
    else if (a === '-d' || a === '--date' || a === '-s' || a === '--set') i++;
  }
  return out;
}

/**
 * Bundled short options as getopt reads them: `-ur FILE` is -u -r FILE,
 * `-rFILE` and `-d@0` carry their argument, `-Iseconds` stays whole.
 */
function unbundle(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let n = 0; n < args.length; n++) {
    const a = args[n] ?? '';
    if (a === '--') { out.push(...args.slice(n)); break; }
    if (/^-[drs]$|^--(date|reference|set)$/.test(a)) { out.push(a, ...args.slice(n + 1, n + 2)); n++; continue; }
    if (!/^-[^-]/.test(a) || a.length === 2) { out.push(a); continue; }
    for (let i = 1; i < a.length; i++) {
      const f = a[i] ?? '';
      if (f === 'I' || 'drs'.includes(f)) {
        if (f === 'I') out.push(`-I${a.slice(i + 1)}`);
        else out.push(`-${f}`, ...(i + 1 < a.length ? [a.slice(i + 1)] : args.slice(n + 1, n + 2)));
        if (f !== 'I' && i + 1 >= a.length) n++;
        break;
      }
      out.push(`-${f}`);
    }
  }
  return out;
}

function run(ctx: ToolContext): ToolResult {
  return runDate(ctx, () => undefined);
}

export function runDate(ctx: ToolContext, fileTimes: FileTimes): ToolResult {
  const w = ctx.world;
  let tz = ctx.env.get('TZ') || w.host.timezone;
  let when = w.now;
  let format: string | undefined;
  const args = unbundle(ctx.argv.slice(1));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-u' || a === '--utc' || a === '--universal') tz = 'UTC';
    else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (a.startsWith('-I') || a.startsWith('--iso-8601')) {
      const spec = a.replace(/^(-I|--iso-8601=?)/, '') || 'date';
      const f = Object.hasOwn(ISO, spec) ? ISO[spec] : undefined;
      if (!f) return { stdout: '', stderr: `date: invalid argument ${quote(ctx, spec)} for '--iso-8601'\n`, exitCode: 1 };
      format = f;
    } else if (a === '-d' || a === '--date' || a.startsWith('--date=')) {
      const text = a.startsWith('--date=') ? a.slice(7) : args[++i] ?? '';
      const t = parseDateString(text, w.now, tz);
      if (t === undefined) return { stdout: '', stderr: `date: invalid date ${quote(ctx, text)}\n`, exitCode: 1 };
      when = t;
    } else if (a === '-r' || a === '--reference' || a.startsWith('--reference=')) {
      const file = a.startsWith('--reference=') ? a.slice(12) : args[++i] ?? '';
      const t = fileTimes(file) ?? 'No such file or directory';
      if (typeof t === 'string') return { stdout: '', stderr: `date: ${file}: ${t}\n`, exitCode: 1 };
      when = t;
    } else if (a === '-s' || a.startsWith('--set')) {
      const msg = ctx.uid === 0 ? 'setting the clock is not simulated in this lab' : 'cannot set date: Operation not permitted';
      return { stdout: '', stderr: `date: ${msg}\n`, exitCode: 1 };
    } else if (a.startsWith('-')) {
      return { stdout: '', stderr: `date: invalid option -- '${a.slice(1, 2)}'\nTry 'date --help' for more information.\n`, exitCode: 1 };
    } else {
      return { stdout: '', stderr: `date: invalid date ${quote(ctx, a)}\n`, exitCode: 1 };
    }
  }
  const out = format === undefined ? dateDefault(when, tz) : render(format, when, tz);
  return { stdout: `${out}\n`, stderr: '', exitCode: 0 };
}

export const dateTool: Tool = {
  name: 'date', summary: 'print the system date and time',
  options: [
    { flag: '+FORMAT', support: 'partial', note: 'common strftime specifiers and the - _ 0 ^ flags; no field widths (%10s)' },
    { flag: '-u / -R / -I / -d', support: 'full' },
    { flag: '-r FILE / --reference=FILE', support: 'full', note: "the file's modification time, the one time the world keeps" },
    { flag: '-s / --set', support: 'none', note: 'the simulated clock is not set from the shell' },
  ],
  run,
};

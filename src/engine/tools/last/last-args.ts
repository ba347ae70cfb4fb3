/**
 * last's command line as util-linux 2.39 reads it (getopt_long with
 * "hVf:n:RxadFit:p:s:0123456789w"): digits accumulate into the count,
 * -s and -t take util-linux's timestamps, the rest are users and ttys.
 */
import type { HostState } from '../../world/types';
import { fromLocal, localTime, startOfDay } from '../../world/time-format';

export interface LastOpts {
  max?: number;
  hostLast: boolean;
  showHost: boolean;
  wide: boolean;
  full: boolean;
  extended: boolean;
  ip: boolean;
  file?: string;
  since?: number;
  until?: number;
  names: string[];
}

const LONG: ReadonlyMap<string, string> = new Map([
  ['limit', 'n'], ['file', 'f'], ['nohostname', 'R'], ['hostlast', 'a'], ['since', 's'], ['until', 't'],
  ['present', 'p'], ['system', 'x'], ['dns', 'd'], ['ip', 'i'], ['fulltimes', 'F'], ['fullnames', 'w'],
  ['time-format', 'T'], ['help', 'h'], ['version', 'V'],
]);
const WITH_ARG = new Set(['f', 'n', 's', 't', 'p', 'T']);

const UNITS: ReadonlyMap<string, number> = new Map([
  ['s', 1], ['sec', 1], ['second', 1], ['seconds', 1], ['m', 60], ['min', 60], ['minute', 60], ['minutes', 60],
  ['h', 3600], ['hr', 3600], ['hour', 3600], ['hours', 3600], ['d', 86_400], ['day', 86_400], ['days', 86_400],
  ['w', 604_800], ['week', 604_800], ['weeks', 604_800],
]);

/** util-linux's parse_timestamp, for the forms an analyst types; epoch ms or undefined. */
export function parseStamp(text: string, w: HostState): number | undefined {
  const tz = w.host.timezone;
  const t = text.trim();
  const today = startOfDay(w.now, tz);
  const words: Record<string, number> = { now: w.now, today, yesterday: today - 86_400_000, tomorrow: today + 86_400_000 };
  if (Object.hasOwn(words, t)) return words[t];
  const rel = /^([+-])\s*(\d+)\s*([a-z]+)$/.exec(t) ?? /^()(\d+)\s*([a-z]+)\s+ago$/.exec(t);
  if (rel) {
    const unit = UNITS.get(rel[3] ?? '');
    if (unit === undefined) return undefined;
    const sign = rel[1] === '+' ? 1 : -1;
    return w.now + sign * Number(rel[2]) * unit * 1000;
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (d) {
    const [y, mo, da, h, mi, s] = d.slice(1).map((x) => Number(x ?? 0)) as number[];
    if (mo! < 1 || mo! > 12 || da! < 1 || da! > 31 || h! > 23 || mi! > 59 || s! > 60) return undefined;
    return fromLocal(tz, y!, mo! - 1, da!, h, mi, s);
  }
  const c = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (c) {
    const [h, mi, s] = c.slice(1).map((x) => Number(x ?? 0)) as number[];
    if (h! > 23 || mi! > 59 || s! > 60) return undefined;
    const l = localTime(w.now, tz);
    return fromLocal(tz, l.year, l.month, l.day, h, mi, s);
  }
  return undefined;
}

function apply(o: LastOpts, c: string, v: string, prog: string, w: HostState): string | undefined {
  switch (c) {
    case 'R': o.showHost = false; break;
    case 'x': o.extended = true; break;
    case 'a': o.hostLast = true; break;
    case 'F': o.full = true; break;
    case 'i': o.ip = true; break;
    case 'd': break;
    case 'w': o.wide = true; break;
    case 'f': o.file = v; break;
    case 'n':
      if (!/^[+-]?\d+$/.test(v.trim())) return `${prog}: failed to parse number: '${v}'\n`;
      o.max = Number(v);
      break;
    case 's': case 't': case 'p': {
      const at = parseStamp(v, w);
      if (at === undefined) return `${prog}: invalid time value "${v}"\n`;
      if (c === 's') o.since = at;
      if (c === 't') o.until = at;
      break;
    }
    case 'T': return `${prog}: --time-format is not simulated in this lab\n`;
    case 'h': case 'V': return `${prog}: --help and --version are not simulated in this lab\n`;
    default:
      if (/^\d$/.test(c)) o.max = 10 * (o.max ?? 0) + Number(c);
  }
  return undefined;
}

const tryHelp = (prog: string) => `Try '${prog} --help' for more information.\n`;

/** The options, or the message to print (exit 1). */
export function parseLast(args: string[], prog: string, w: HostState): LastOpts | string {
  const o: LastOpts = { hostLast: false, showHost: true, wide: false, full: false, extended: false, ip: false, names: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let err: string | undefined;
    if (a === '--') { o.names.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string?];
      const hits = [...LONG.keys()].filter((k) => k.startsWith(name));
      const key = LONG.has(name) ? name : hits.length === 1 ? hits[0]! : undefined;
      if (key === undefined) return `${prog}: unrecognized option '${a}'\n${tryHelp(prog)}`;
      const c = LONG.get(key)!;
      let v = inline ?? '';
      if (WITH_ARG.has(c) && inline === undefined) {
        if (args[i + 1] === undefined) return `${prog}: option '--${key}' requires an argument\n${tryHelp(prog)}`;
        v = args[++i]!;
      }
      err = apply(o, c, v, prog, w);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (!'hVfnRxadFitps0123456789w'.includes(c)) return `${prog}: invalid option -- '${c}'\n${tryHelp(prog)}`;
        let v = '';
        if (WITH_ARG.has(c)) {
          v = a.slice(j + 1) || (args[++i] ?? '');
          if (a.slice(j + 1) === '' && args[i] === undefined) {
            return `${prog}: option requires an argument -- '${c}'\n${tryHelp(prog)}`;
          }
          j = a.length;
        }
        err = apply(o, c, v, prog, w);
        if (err) break;
      }
    } else o.names.push(a);
    if (err) return err;
  }
  return o;
}

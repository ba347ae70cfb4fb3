/**
 * systemd's text forms: relative timestamps (`17min ago`, `5h 13min left`),
 * CPU time spans (`245ms`, `1min 3.456s`), byte sizes (`12.3M`), the
 * `Fri 2026-12-04 13:11:52 UTC` timestamp, and command-line quoting in the
 * CGroup tree (systemd 252+ quotes arguments that need it).
 */
import { DAYS, localTime, pad2 } from '../../world/time-format';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800_000;
const YEAR = 31_557_600_000;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** format_timestamp_relative: `ms` is the distance, `suffix` "ago" or "left". */
export function relative(ms: number, suffix: string): string {
  const d = Math.max(0, Math.floor(ms));
  const f = Math.floor;
  if (d >= YEAR) return `${plural(f(d / YEAR), 'year', 'years')} ${plural(f((d % YEAR) / MONTH), 'month', 'months')} ${suffix}`;
  if (d >= MONTH) return `${plural(f(d / MONTH), 'month', 'months')} ${plural(f((d % MONTH) / DAY), 'day', 'days')} ${suffix}`;
  if (d >= WEEK) return `${plural(f(d / WEEK), 'week', 'weeks')} ${plural(f((d % WEEK) / DAY), 'day', 'days')} ${suffix}`;
  if (d >= 2 * DAY) return `${f(d / DAY)} days ${suffix}`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAY) / HOUR)}h ${suffix}`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ${suffix}`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ${suffix}`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ${suffix}`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ${suffix}`;
  if (d >= SEC) return `${f(d / SEC)}s ${suffix}`;
  if (d > 0) return `${d}ms ${suffix}`;
  return 'now';
}

/** format_timespan at millisecond accuracy: `245ms`, `3.456s`, `1w 2d 3h 1min 3.456s`. */
export function timespan(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms === 0) return '0';
  const parts: string[] = [];
  const units: [number, string][] = [[YEAR, 'y'], [MONTH, 'month'], [WEEK, 'w'], [DAY, 'd'], [HOUR, 'h'],
    [MIN, 'min']];
  for (const [size, name] of units) {
    if (ms >= size) {
      parts.push(`${Math.floor(ms / size)}${name}`);
      ms %= size;
    }
  }
  if (ms >= SEC) {
    const frac = ms % SEC;
    parts.push(frac ? `${Math.floor(ms / SEC)}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${ms / SEC}s`);
  } else if (ms > 0) parts.push(`${ms}ms`);
  return parts.join(' ');
}

/** format_bytes: `12.3M` from kilobytes. */
export function bytes(kb: number): string {
  const units = ['K', 'M', 'G', 'T'];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)}${units[i]}`;
}

/** `Fri 2026-12-04 13:11:52 UTC`. */
export function stamp(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ` +
    `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.zone}`;
}

/** One argument, quoted the way systemd 252 prints command lines. */
export function quoteArg(arg: string): string {
  if (/^[A-Za-z0-9_\-+=:,./@%]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["\\])/g, '\\$1')}"`;
}

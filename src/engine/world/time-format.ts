/**
 * Date and time formatting in the host's time zone, as the real tools print
 * it: ps START/lstart/etime/TIME, `last` and `w` login times, rsyslog's RFC
 * 3339 and classic forms, journalctl's short form, date(1) and `date +FMT`,
 * uptime. Every function takes epoch milliseconds and an IANA zone name; the
 * clock is the world's (`world.now`), never the machine's.
 *
 * Local fields come from Intl.DateTimeFormat, so any IANA zone works. An
 * unknown zone falls back to UTC rather than throwing (scenario input).
 * Zone abbreviations for `date` are "UTC" for UTC and Intl's short name
 * otherwise (Intl says "GMT+1" where glibc says "CET").
 */

export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = [
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
  'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
];
const LONG_DAYS = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
];
const LONG_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December',
];

/** Broken-down local time, like struct tm (month 0-11, wday 0 = Sunday). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  wday: number;
  /** Day of the year, 0-365. */
  yday: number;
  /** Offset from UTC in minutes (east positive). */
  offsetMin: number;
  zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(tz: string): Intl.DateTimeFormat | null {
  if (tz === 'UTC' || tz === 'Etc/UTC') return null;
  if (formatters.has(tz)) return formatters.get(tz) ?? null;
  let f: Intl.DateTimeFormat | null = null;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      timeZoneName: 'short',
    });
  } catch {
    f = null;
  }
  formatters.set(tz, f);
  return f;
}

function fromUtcFields(ms: number, offsetMin: number, zone: string): LocalTime {
  const d = new Date(ms + offsetMin * 60_000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(), wday: d.getUTCDay(),
    yday: Math.round((dayStart - start) / 86_400_000), offsetMin, zone,
  };
}

/** Local time of `ms` in zone `tz`. */
export function localTime(ms: number, tz: string): LocalTime {
  const f = formatterFor(tz);
  if (!f) return fromUtcFields(ms, 0, 'UTC');
  const parts = f.formatToParts(ms);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const zone = parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'),
    get('hour') % 24, get('minute'), get('second'));
  const offsetMin = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  return fromUtcFields(ms, offsetMin, zone);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
const sp2 = (n: number): string => String(n).padStart(2, ' ');

/** `Fri Dec  4 13:28:36 2026`: ps lstart, ctime(3). */
export function ctimeForm(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${MONTHS[t.month]} ${sp2(t.day)} ` +
    `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.year}`;
}

/** ps START/STIME: `HH:MM` within 24 h, `MonDD` within a year, else the year. */
export function psStart(start: number, now: number, tz: string): string {
  const t = localTime(start, tz);
  const ago = (now - start) / 1000;
  if (ago > 365 * 86_400) return ` ${t.year}`;
  if (ago > 86_400) return `${MONTHS[t.month]}${pad2(t.day)}`;
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** ps etime: `[[dd-]hh:]mm:ss`. */
export function etime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const base = `${pad2(m)}:${pad2(s % 60)}`;
  if (d > 0) return `${pad2(d)}-${pad2(h)}:${base}`;
  if (h > 0) return `${pad2(h)}:${base}`;
  return base;
}

/** ps TIME for -f/-o time: `[dd-]hh:mm:ss`. */
export function cputimeLong(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const hms = `${pad2(Math.floor((s % 86_400) / 3600))}:${pad2(Math.floor((s % 3600) / 60))}` +
    `:${pad2(s % 60)}`;
  return d > 0 ? `${d}-${hms}` : hms;
}

/** ps aux TIME (BSD form): `M:SS`. */
export function cputimeBsd(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
}

/** `last` and `w`-style `Fri Dec  4 13:28`. */
export function lastForm(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${MONTHS[t.month]} ${sp2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

/** `HH:MM` and `HH:MM:SS` in local time. */
export function hhmm(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}
export function hhmmss(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

function offsetText(offsetMin: number, colon: boolean): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${sign}${pad2(Math.floor(a / 60))}${colon ? ':' : ''}${pad2(a % 60)}`;
}

/** rsyslog RFC 3339 with microseconds: `2026-12-04T13:18:40.123456+00:00`. */
export function rfc3339Micro(ms: number, tz: string, micros?: number): string {
  const t = localTime(ms, tz);
  const us = micros ?? t.ms * 1000;
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}T${pad2(t.hour)}:` +
    `${pad2(t.minute)}:${pad2(t.second)}.${String(us).padStart(6, '0')}` +
    offsetText(t.offsetMin, true);
}

/** Classic syslog `Dec  4 13:18:40`. */
export function syslogClassic(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${MONTHS[t.month]} ${sp2(t.day)} ${hhmmss(ms, tz)}`;
}

/** journalctl short: `Dec 04 13:18:40`. */
export function journalShort(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${MONTHS[t.month]} ${pad2(t.day)} ${hhmmss(ms, tz)}`;
}

/** journalctl -o short-iso: `2026-12-04T13:18:40+00:00`. */
export function isoSeconds(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}T${hhmmss(ms, tz)}` +
    offsetText(t.offsetMin, true);
}

/** `2026-12-04 13:28` as who(1) prints it. */
export function isoMinutes(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${hhmm(ms, tz)}`;
}

/** date(1) default: `Fri Dec  4 13:28:56 UTC 2026`. */
export function dateDefault(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${MONTHS[t.month]} ${sp2(t.day)} ${hhmmss(ms, tz)} ` +
    `${t.zone} ${t.year}`;
}

type Spec = (t: LocalTime, ms: number) => string;

const SPECS: Record<string, Spec> = {
  a: (t) => DAYS[t.wday] ?? '', A: (t) => LONG_DAYS[t.wday] ?? '',
  b: (t) => MONTHS[t.month] ?? '', h: (t) => MONTHS[t.month] ?? '',
  B: (t) => LONG_MONTHS[t.month] ?? '',
  d: (t) => pad2(t.day), e: (t) => sp2(t.day), m: (t) => pad2(t.month + 1),
  Y: (t) => String(t.year), y: (t) => pad2(t.year % 100),
  C: (t) => pad2(Math.floor(t.year / 100)),
  H: (t) => pad2(t.hour), k: (t) => sp2(t.hour), M: (t) => pad2(t.minute),
  S: (t) => pad2(t.second),
  I: (t) => pad2(((t.hour + 11) % 12) + 1), l: (t) => sp2(((t.hour + 11) % 12) + 1),
  p: (t) => (t.hour < 12 ? 'AM' : 'PM'), P: (t) => (t.hour < 12 ? 'am' : 'pm'),
  j: (t) => String(t.yday + 1).padStart(3, '0'),
  u: (t) => String(t.wday === 0 ? 7 : t.wday), w: (t) => String(t.wday),
  s: (_t, ms) => String(Math.floor(ms / 1000)),
  N: (t) => String(t.ms * 1_000_000).padStart(9, '0'),
  z: (t) => offsetText(t.offsetMin, false), Z: (t) => t.zone,
  F: (t) => `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}`,
  D: (t) => `${pad2(t.month + 1)}/${pad2(t.day)}/${pad2(t.year % 100)}`,
  T: (t) => `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`,
  R: (t) => `${pad2(t.hour)}:${pad2(t.minute)}`,
  r: (t) => `${pad2(((t.hour + 11) % 12) + 1)}:${pad2(t.minute)}:${pad2(t.second)} ` +
    (t.hour < 12 ? 'AM' : 'PM'),
  n: () => '\n', t: () => '\t', '%': () => '%',
};
SPECS.c = (t, ms) => `${DAYS[t.wday]} ${MONTHS[t.month]} ${sp2(t.day)} ` +
  `${SPECS.T?.(t, ms)} ${t.year}`;

/** GNU padding flags: `-` no padding, `_` spaces, `0` zeros, `^` upper case. */
function withFlag(text: string, flag: string): string {
  if (flag === '^') return text.toUpperCase();
  const m = /^([0 ]*)(\d.*)$/.exec(text);
  if (!m || !flag) return text;
  const [, lead = '', rest = ''] = m;
  if (flag === '-') return rest;
  return (flag === '_' ? ' ' : '0').repeat(lead.length) + rest;
}

/**
 * strftime(3) subset used by `date +FORMAT`, with GNU's `-`, `_`, `0` and
 * `^` flags; unknown specifiers print as typed.
 */
export function strftime(fmt: string, ms: number, tz: string): string {
  const t = localTime(ms, tz);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch !== '%' || i + 1 >= fmt.length) {
      out += ch;
      continue;
    }
    let flag = '';
    if ('-_0^'.includes(fmt[i + 1] ?? 'x') && i + 2 < fmt.length) flag = fmt[++i] ?? '';
    const spec = fmt[++i] ?? '';
    const fn = Object.hasOwn(SPECS, spec) ? SPECS[spec] : undefined;
    out += fn ? withFlag(fn(t, ms), flag) : `%${flag}${spec}`;
  }
  return out;
}

/** uptime/w: `up 17 min`, `up  3:04`, `up 2 days,  3:04`, `up 1 day, 12 min`. */
export function uptimeShort(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const mins = Math.floor((s % 3600) / 60);
  let out = 'up ';
  if (days > 0) out += `${days} day${days === 1 ? '' : 's'}, `;
  if (hours > 0) out += `${sp2(hours)}:${pad2(mins)}`;
  else out += `${mins} min`;
  return out;
}

/** uptime -p: `up 17 minutes`, `up 1 week, 2 days, 3 hours, 4 minutes`. */
export function uptimePretty(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const parts: [number, string][] = [
    [Math.floor(s / 604_800), 'week'],
    [Math.floor((s % 604_800) / 86_400), 'day'],
    [Math.floor((s % 86_400) / 3600), 'hour'],
    [Math.floor((s % 3600) / 60), 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
  return `up ${shown.length ? shown.join(', ') : '0 minutes'}`;
}

/** Midnight (local) of the day containing `ms`, as epoch ms. */
export function startOfDay(ms: number, tz: string): number {
  const t = localTime(ms, tz);
  return Date.UTC(t.year, t.month, t.day) - t.offsetMin * 60_000;
}

/** Epoch ms of a local wall-clock time in `tz` (for "2026-12-04 13:00"). */
export function fromLocal(
  tz: string, year: number, month: number, day: number, h = 0, m = 0, s = 0,
): number {
  const guess = Date.UTC(year, month, day, h, m, s);
  const off = localTime(guess, tz).offsetMin;
  return guess - off * 60_000;
}

/**
 * journalctl's --since/--until values, as systemd parses timestamps:
 * "2026-12-04 13:00[:SS]", "2026-12-04", "13:00[:SS]" (today), "today",
 * "yesterday", "tomorrow", "now", "1 hour ago", "30min ago", "-1h", "+5m",
 * "@EPOCH". Returns epoch ms, or undefined when the text does not parse.
 */
import { fromLocal, localTime, startOfDay } from '../../world/time-format';

const UNITS: [RegExp, number][] = [
  [/^(us|usec|usecs)$/, 0.001], [/^(ms|msec|msecs)$/, 1],
  [/^(s|sec|secs|second|seconds)$/, 1000], [/^(m|min|mins|minute|minutes)$/, 60_000],
  [/^(h|hr|hrs|hour|hours)$/, 3_600_000], [/^(d|day|days)$/, 86_400_000],
  [/^(w|week|weeks)$/, 604_800_000], [/^(M|month|months)$/, 2_629_800_000],
  [/^(y|year|years)$/, 31_557_600_000],
];

/** "1h 30min", "90s": a systemd time span in ms. */
export function parseSpan(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)\s*([a-zA-Z]*)/g;
  let total = 0;
  let seen = false;
  let rest = text.trim();
  for (const m of text.trim().matchAll(re)) {
    const unit = m[2] === '' ? 's' : m[2] ?? 's';
    const mult = UNITS.find(([r]) => r.test(unit))?.[1];
    if (mult === undefined) return undefined;
    total += Number(m[1]) * mult;
    seen = true;
    rest = rest.replace(m[0], '');
  }
  return seen && rest.trim() === '' ? total : undefined;
}

export function parseTimeSpec(text: string, now: number, tz: string): number | undefined {
  const s = text.trim();
  const day = startOfDay(now, tz);
  if (s === 'now') return now;
  if (s === 'today') return day;
  if (s === 'yesterday') return startOfDay(day - 1, tz);
  if (s === 'tomorrow') return startOfDay(day + 86_400_000 + 3_600_000, tz);
  if (/^@\d+$/.test(s)) return Number(s.slice(1)) * 1000;
  const ago = /^(.+?)\s+ago$/.exec(s);
  if (ago?.[1]) {
    const span = parseSpan(ago[1]);
    return span === undefined ? undefined : now - span;
  }
  if (/^[+-]/.test(s)) {
    const span = parseSpan(s.slice(1));
    return span === undefined ? undefined : s.startsWith('-') ? now - span : now + span;
  }
  const full = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (full) {
    const [, y, mo, d, h, mi, se] = full.map((x) => (x === undefined ? 0 : Number(x)));
    return fromLocal(tz, y ?? 0, (mo ?? 1) - 1, d ?? 1, h, mi, se);
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) {
    const t = localTime(now, tz);
    return fromLocal(tz, t.year, t.month, t.day, Number(clock[1]), Number(clock[2]),
      Number(clock[3] ?? 0));
  }
  return undefined;
}

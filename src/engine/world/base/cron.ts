/**
 * A small cron schedule matcher (minute hour day-of-month month day-of-week,
 * with *, N, N-M, lists and /step; @hourly, @daily, @weekly, @monthly,
 * @yearly; @reboot), evaluated on local wall-clock minutes (pass the epoch
 * ms shifted by the zone's offset). Enough to place the CRON log lines of
 * the jobs a host has. Unsupported text never matches.
 */

type Field = (value: number) => boolean;

function field(text: string, min: number, max: number): Field | null {
  const parts = text.split(',');
  const tests: Field[] = [];
  for (const part of parts) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) return null;
    const step = m[2] ? Number(m[2]) : 1;
    let lo = min;
    let hi = max;
    if (m[1] !== '*') {
      const [a = '0', b] = (m[1] as string).split('-');
      lo = Number(a);
      hi = b === undefined ? (m[2] ? max : lo) : Number(b);
    }
    if (step < 1) return null;
    tests.push((v) => v >= lo && v <= hi && (v - lo) % step === 0);
  }
  return (v) => tests.some((t) => t(v));
}

const MACROS: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

/** A schedule as tables: which minutes and hours match, and a test of the day. */
export interface CronFields {
  /** 60 entries, minute of the hour. */
  minute: boolean[];
  /** 24 entries, hour of the day. */
  hour: boolean[];
  /** Does the day of local wall-clock ms `t` (UTC fields read as local) match? */
  day(t: number): boolean;
}

const table = (f: Field, from: number, count: number): boolean[] =>
  Array.from({ length: count }, (_, i) => f(from + i));

/** The fields of a schedule, or null for @reboot or unreadable text. */
export function cronFields(schedule: string): CronFields | null {
  const text = MACROS[schedule.trim()] ?? schedule.trim();
  const f = text.split(/\s+/);
  if (f.length !== 5) return null;
  const [mi, ho, dm, mo, dw] = [
    field(f[0] as string, 0, 59),
    field(f[1] as string, 0, 23),
    field(f[2] as string, 1, 31),
    field(f[3] as string, 1, 12),
    field((f[4] as string).replace(/\b7\b/, '0'), 0, 6),
  ];
  if (!mi || !ho || !dm || !mo || !dw) return null;
  const domStar = f[2] === '*';
  const dowStar = f[4] === '*';
  return {
    minute: table(mi, 0, 60),
    hour: table(ho, 0, 24),
    day(t) {
      const d = new Date(t);
      if (!mo(d.getUTCMonth() + 1)) return false;
      const dom = dm(d.getUTCDate());
      const dow = dw(d.getUTCDay());
      if (domStar || dowStar) return dom && dow;
      return dom || dow;
    },
  };
}

/** A predicate on local wall-clock ms (UTC fields read as local), or null for @reboot or unreadable text. */
export function cronMatcher(schedule: string): ((t: number) => boolean) | null {
  const f = cronFields(schedule);
  if (!f) return null;
  // Minute and hour by arithmetic: most minutes fail here, without a Date.
  return (t) => f.minute[Math.floor(t / 60_000) % 60] === true &&
    f.hour[Math.floor(t / 3_600_000) % 24] === true && f.day(t);
}

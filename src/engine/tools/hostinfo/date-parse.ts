/**
 * The forms of `date -d STRING` that GNU's parse_datetime reads and
 * journalctl's time specs do not, or read differently: "today",
 * "yesterday" and "tomorrow" keep the time of day, "@EPOCH" may have a
 * fraction, and ISO 8601 may join date and time with T and end with a zone
 * (Z, +HH:MM, +HHMM). Anything else goes to the shared time specs.
 */
import { fromLocal } from '../../world/time-format';
import { parseTimeSpec } from '../journalctl/time-spec';

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d\d:?\d\d)?$/i;

function iso(s: string, tz: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3)) || 0;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)] as const;
  if (fields[1] > 11 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) return undefined;
  if (!zone) return fromLocal(tz, ...fields) + ms;
  const utc = Date.UTC(...fields) + ms;
  if (/^(z|utc)$/i.test(zone)) return utc;
  const digits = zone.replace(':', '');
  const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  return digits.startsWith('-') ? utc + offset : utc - offset;
}

export function parseDateString(text: string, now: number, tz: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === '' || s === 'now' || s === 'today') return now;
  if (s === 'yesterday') return now - DAY;
  if (s === 'tomorrow') return now + DAY;
  const epoch = /^@(-?\d+)(?:[.,](\d+))?$/.exec(s);
  if (epoch) return Number(epoch[1]) * 1000 + Number((epoch[2] ?? '').padEnd(3, '0').slice(0, 3));
  return iso(text.trim(), tz) ?? parseTimeSpec(text, now, tz);
}

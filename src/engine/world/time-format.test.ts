import { describe, expect, it } from 'vitest';
import {
  cputimeBsd, cputimeLong, ctimeForm, dateDefault, etime, isoMinutes, journalShort, lastForm,
  psStart, rfc3339Micro, startOfDay, strftime, syslogClassic, uptimePretty, uptimeShort, fromLocal,
} from './time-format';

const t = Date.parse('2026-12-04T13:28:56.250Z');

describe('time formatting', () => {
  it('ps forms', () => {
    expect(psStart(t - 60_000, t, 'UTC')).toBe('13:27');
    expect(psStart(Date.parse('2026-11-28T09:00:00Z'), t, 'UTC')).toBe('Nov28');
    expect(psStart(Date.parse('2025-01-01T00:00:00Z'), t, 'UTC')).toBe(' 2025');
    expect(ctimeForm(t, 'UTC')).toBe('Fri Dec  4 13:28:56 2026');
    expect(etime(19)).toBe('00:19');
    expect(etime(3600 + 61)).toBe('01:01:01');
    expect(etime(2 * 86_400 + 5)).toBe('02-00:00:05');
    expect(cputimeLong(3725)).toBe('01:02:05');
    expect(cputimeLong(90_000)).toBe('1-01:00:00');
    expect(cputimeBsd(125)).toBe('2:05');
  });

  it('log and login forms', () => {
    expect(rfc3339Micro(t, 'UTC', 123456)).toBe('2026-12-04T13:28:56.123456+00:00');
    expect(rfc3339Micro(t, 'UTC')).toBe('2026-12-04T13:28:56.250000+00:00');
    expect(syslogClassic(t, 'UTC')).toBe('Dec  4 13:28:56');
    expect(journalShort(t, 'UTC')).toBe('Dec 04 13:28:56');
    expect(lastForm(t, 'UTC')).toBe('Fri Dec  4 13:28');
    expect(isoMinutes(t, 'UTC')).toBe('2026-12-04 13:28');
  });

  it('time zones', () => {
    expect(rfc3339Micro(t, 'Europe/Paris', 0)).toBe('2026-12-04T14:28:56.000000+01:00');
    expect(rfc3339Micro(t, 'America/New_York', 0)).toBe('2026-12-04T08:28:56.000000-05:00');
    expect(syslogClassic(t, 'Asia/Kolkata')).toBe('Dec  4 18:58:56');
    expect(dateDefault(t, 'No/Such_Zone')).toBe('Fri Dec  4 13:28:56 UTC 2026');
    expect(startOfDay(t, 'UTC')).toBe(Date.parse('2026-12-04T00:00:00Z'));
    expect(startOfDay(t, 'Europe/Paris')).toBe(Date.parse('2026-12-03T23:00:00Z'));
    expect(fromLocal('Europe/Paris', 2026, 11, 4, 13, 0)).toBe(Date.parse('2026-12-04T12:00:00Z'));
  });

  it('date(1) default and +FORMAT', () => {
    expect(dateDefault(t, 'UTC')).toBe('Fri Dec  4 13:28:56 UTC 2026');
    expect(strftime('%Y-%m-%d %H:%M:%S', t, 'UTC')).toBe('2026-12-04 13:28:56');
    expect(strftime('%s', t, 'UTC')).toBe(String(Math.floor(t / 1000)));
    expect(strftime('%a %b %e %j %u %Z %z %F %T %%', t, 'UTC')).toBe('Fri Dec  4 338 5 UTC +0000 2026-12-04 13:28:56 %');
    expect(strftime('%I:%M %p %N', t, 'UTC')).toBe('01:28 PM 250000000');
    expect(strftime('%q', t, 'UTC')).toBe('%q');
    expect(strftime('%-d/%-m %_H %0e %^a', Date.parse('2026-03-04T05:06:07Z'), 'UTC')).toBe('4/3  5 04 WED');
  });

  it('uptime', () => {
    expect(uptimeShort(17 * 60 + 16)).toBe('up 17 min');
    expect(uptimeShort(3 * 3600 + 4 * 60)).toBe('up  3:04');
    expect(uptimeShort(2 * 86_400 + 3 * 3600 + 4 * 60)).toBe('up 2 days,  3:04');
    expect(uptimeShort(86_400 + 12 * 60)).toBe('up 1 day, 12 min');
    expect(uptimePretty(17 * 60)).toBe('up 17 minutes');
    expect(uptimePretty(8 * 86_400 + 3600 + 60)).toBe('up 1 week, 1 day, 1 hour, 1 minute');
  });
});

import { describe, expect, it } from 'vitest';
import { localTime } from '../time-format';
import { cronFields } from './cron';
import { CronRuns, hourOffsets } from './cron-runs';

const START = Date.parse('2026-03-20T10:17:00Z');
const DAYS = 12 * 86_400_000;

/** The count by the memo agrees with walking the minutes, in any zone. */
function check(schedule: string, tz: string, first = START + 7_000) {
  const offsets = hourOffsets((t) => localTime(t, tz).offsetMin);
  const runs = new CronRuns(cronFields(schedule)!, first, START + DAYS, offsets);
  const all = runs.runsIn(-Infinity, Infinity);
  for (let i = 0; i < 40; i++) {
    const t = START + Math.floor((DAYS * 1.1 * i) / 40) + (i % 7) * 13_001;
    expect(runs.countBefore(t)).toBe(all.filter((m) => m < t).length);
  }
  return all.length;
}

describe('cron runs: counted from tables, as the minutes say', () => {
  it('counts hourly, daily, weekly and stepped jobs over days', () => {
    expect(check('17 * * * *', 'UTC')).toBe(12 * 24 - 1); // the first minute is before `first`
    expect(check('25 6 * * *', 'UTC')).toBe(12);
    expect(check('47 6 * * 7', 'UTC')).toBeGreaterThan(0);
    expect(check('*/5 9-17 * * 1-5', 'UTC')).toBeGreaterThan(0);
  });

  it('agrees across a DST change and a half-hour zone', () => {
    check('17 * * * *', 'Europe/Berlin');
    check('30 2 * * *', 'Europe/Berlin');
    check('*/7 * * * *', 'Asia/Kolkata');
    check('0 0 1 * *', 'Australia/Adelaide');
  });

  it('answers far and missing times without walking them', () => {
    const runs = new CronRuns(cronFields('17 * * * *')!, START, Infinity);
    expect(runs.countBefore(Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(runs.countBefore(Number.NaN)).toBe(0);
    expect(runs.countBefore(START + 1e13)).toBeGreaterThan(runs.countBefore(START + 1e12));
  });
});

import { describe, expect, it } from 'vitest';
import { CronRuns } from './base/cron-runs';
import { cronFields } from './base/cron';
import { counterAt } from './counter-model';
import { PidCounter } from './pid-counter';

const BOOT = Date.parse('2026-12-04T10:00:00Z');
const MIN = 60_000;
const model = { bootTime: BOOT, base: 300, burst: 400, burstMs: 30_000, perSecond: 0.05 };

function counter(): PidCounter {
  const c = new PidCounter(model);
  c.declare('late', BOOT + 3_600_000, 2);
  c.declare('early', BOOT + 600_000, 3);
  c.periodic('beacon', { start: BOOT + 60 * MIN, end: Infinity, interval: MIN, per: 4 });
  c.periodic('tool', { start: BOOT + 60 * MIN, end: Infinity, interval: MIN, per: 1,
    delay: (k) => 2_000 + (k % 5) * 1_000, maxDelay: 7_000 });
  return c;
}

describe('pid counter: one counter, pids in start order', () => {
  it('gives a step declared later but starting earlier the smaller pids', () => {
    const c = counter();
    const late = c.take('late', BOOT + 3_600_000, 2);
    const early = c.take('early', BOOT + 600_000, 3);
    expect(early[2]! < late[0]!).toBe(true);
    expect(late[1]).toBe(late[0]! + 1);
  });

  it('places check-ins between the steps by their times, without overlap', () => {
    const c = counter();
    const v = c.view();
    const late = c.take('late', BOOT + 3_600_000, 2);
    // The step at 60 min ties with check-in 0: steps come first at an instant.
    expect(v.occurrence('beacon', 0)).toEqual([2, 3, 4, 5].map((i) => late[0]! + i));
    const k0 = v.occurrence('tool', 0)[0]!;
    const k1 = v.occurrence('beacon', 1)[0]!;
    expect(k0).toBeGreaterThan(late[1]! + 4);
    expect(k1).toBeGreaterThan(k0);
    // 10 s into the hour: check-in 0 and its tool have forked, check-in 1 has not.
    expect(v.last(BOOT + 3_610_000)).toBeGreaterThanOrEqual(k0);
    expect(v.last(BOOT + 3_610_000)).toBeLessThan(k1);
  });

  it('skips pids the scenario wrote, and lifts later pids above them', () => {
    const c = new PidCounter(model);
    c.declare('a', BOOT + 60_000, 3);
    c.declare('b', BOOT + 120_000, 1);
    c.declare('c', BOOT + 40_000, 1);
    c.reserve(5000);
    c.lift(5000, BOOT + 100_000);
    const first = counterAt(model, BOOT + 60_000) + 1; // 'c' took one before
    c.reserve(first + 1);
    const a = c.take('a', BOOT + 60_000, 3);
    expect(a).toEqual([first, first + 2, first + 3]);
    expect(c.take('b', BOOT + 120_000, 1)[0]).toBeGreaterThan(5000);
    expect(c.take('c', BOOT + 40_000, 1)[0]).toBeLessThan(first);
  });

  it('counts cron runs since they began, and orders uses at one instant', () => {
    const c = new PidCounter(model);
    const hourly = new CronRuns(cronFields('17 * * * *')!, BOOT, Infinity);
    c.schedule('hourly', hourly, 2, 1_200);
    c.schedule('again', new CronRuns(cronFields('17 * * * *')!, BOOT, Infinity), 2, 1_200);
    const v = c.view();
    const run = (h: number) => BOOT + h * 3_600_000 + 17 * MIN + 1_200;
    const a = v.scheduled('hourly', run(5));
    const b = v.scheduled('again', run(5));
    expect(b[0]).toBe(a[1]! + 1);
    expect(v.scheduled('hourly', run(6))[0]).toBeGreaterThan(b[1]!);
    expect(v.last(run(5))).toBe(b[1]);
  });

  it('gives an undeclared step numbers nobody else has', () => {
    const c = counter();
    const late = c.take('late', BOOT + 3_600_000, 2);
    const extra = c.take('unknown', BOOT + 3_600_000, 2);
    expect(extra.some((p) => late.includes(p))).toBe(false);
    expect(c.view().occurrence('beacon', 0).some((p) => extra.includes(p))).toBe(false);
  });
});

describe('pid counter: hostile times', () => {
  it('answers a time that is not a number without hanging', () => {
    const c = counter();
    expect(c.take('nan', Number.NaN, 2)).toHaveLength(2);
    expect(c.take('nan-again', Number.NaN, 1)).toHaveLength(1);
    expect(Number.isFinite(c.view().last(Number.NaN))).toBe(true);
    expect(c.view([{ key: 'x', at: Number.NaN, n: 1 }]).extra('x')).toBeUndefined();
  });
});

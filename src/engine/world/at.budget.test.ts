import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compileText } from './behaviours/testkit';

const text = flagship;

/** The flagship with the beacon installed `hours` before now instead. */
const withBeaconAge = (hours: number) => text.replace(
  /(- id: beacon\n\s+kind: beacon\n\s+at: )-1h52m/, `$1-${hours}h`,
);

describe('worldAt cost does not grow with the history', () => {
  it('produces the same number of objects after 1 h and after 23 h of beacons', () => {
    const short = compileText(withBeaconAge(1));
    const long = compileText(withBeaconAge(23));
    expect(long.byId('beacon', 'beacon').at).toBe(long.base.now - 23 * 3_600_000);
    for (const dt of [0, 17_000, 45_500]) {
      const a = short.at(short.base.now + dt);
      const b = long.at(long.base.now + dt);
      const count = (w: typeof a) => [w.processes.length, w.sockets.length, w.flows.length, w.cron.length];
      expect(count(b)).toEqual(count(a));
    }
  });

  it('generates log lines for the window asked, not for the whole history', () => {
    const long = compileText(withBeaconAge(23));
    const w = long.at(long.base.now);
    const minute = w.logs(long.base.now - 60_000, long.base.now).filter((l) => l.ident === 'CRON');
    const day = w.logs(long.base.historyStart, long.base.now).filter((l) => l.message.includes('.sysupdate.sh'));
    expect(minute.length).toBeLessThanOrEqual(6);
    expect(day.length).toBeGreaterThanOrEqual(23 * 60 - 1);
  });
});

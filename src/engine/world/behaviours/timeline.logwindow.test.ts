import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

// The beacon starts 1h52m before now; with a 1h history, its earlier lines are out.
const text = flagship.replace('  history: 24h', '  history: 1h');

describe('timeline log and packet windows start with the history', () => {
  const c = compiledOnce(text);
  const w = c.at(c.base.now);
  const start = c.base.historyStart;

  it('gives nothing before the history start for an open window', () => {
    expect(start).toBe(c.base.now - 3_600_000);
    const logs = w.logs(0, c.base.now + 1);
    expect(logs.filter((l) => l.time < start)).toEqual([]);
    expect(logs.length).toBe(w.logs(start, c.base.now + 1).length);
    const pkts = w.packets(-Infinity, c.base.now + 1);
    expect(pkts.filter((p) => p.time < start)).toEqual([]);
    expect(pkts.length).toBe(w.packets(start, c.base.now + 1).length);
  });

  it('still gives the beacon lines inside the history', () => {
    const cmds = w.logs(0, c.base.now + 1).filter((l) => l.ident === 'CRON' && l.message.includes(' CMD ('));
    expect(cmds.length).toBeGreaterThanOrEqual(59);
  });
});

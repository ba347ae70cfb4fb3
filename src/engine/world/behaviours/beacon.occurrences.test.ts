import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compileText } from './testkit';
import { compiledOnce } from './flagship.fixture';

const text = flagship;

describe('beacon via cron: occurrences, jitter, TIME-WAIT', () => {
  const c = compiledOnce(text);
  const b = c.byId('beacon', 'beacon');
  const c2 = { addr: `${c.vars.get('c2_addr')}`, port: Number(c.vars.get('beacon_port')) };

  it('runs on every minute from the one after install, with CRON CMD lines', () => {
    expect(b.first % 60_000).toBe(0);
    expect(b.first).toBeGreaterThan(b.at);
    const from = c.base.now - 3_600_000;
    const cmds = c.at(c.base.now).logs(from, c.base.now + 1)
      .filter((l) => l.ident === 'CRON' && l.message === `(${b.user}) CMD (${b.script} >/dev/null 2>&1)`);
    expect(cmds).toHaveLength(60);
    expect(cmds.every((l) => l.time % 60_000 === 4)).toBe(true);
  });

  it('draws the same jitter and ports for the same seed, other ones for another seed', () => {
    const ports = (x: typeof c) => x.at(x.base.now).sockets
      .filter((s) => s.remote.port === c2.port).map((s) => [s.local.port, s.state]);
    const again = compileText(text);
    expect(ports(again)).toEqual(ports(c));
    const other = compileText(text, 7);
    expect(JSON.stringify(ports(other))).not.toEqual(JSON.stringify(ports(c)));
  });

  it('leaves the check-ins of the last 60 s in TIME-WAIT and of the last 120 s in conntrack', () => {
    for (let t = c.base.now - 600_000; t < c.base.now; t += 7_919) {
      const w = c.at(t);
      const tw = w.sockets.filter((s) => s.state === 'TIME-WAIT' && s.remote.addr === c2.addr);
      const flows = w.flows.filter((f) => f.state === 'TIME_WAIT' && f.orig.dport === c2.port);
      expect(tw.length).toBeGreaterThanOrEqual(0);
      expect(tw.length).toBeLessThanOrEqual(2);
      expect(flows.length).toBeGreaterThanOrEqual(1);
      expect(flows.length).toBeLessThanOrEqual(3);
      for (const s of tw) expect(s.timer!.expiresMs).toBeLessThanOrEqual(60_000);
      for (const f of flows) expect(f.timeout).toBeLessThanOrEqual(120);
    }
  });

  it('counts a TIME_WAIT flow down as the clock runs', () => {
    const t = c.base.now;
    const flows = (at: number) => c.at(at).flows.filter((f) => f.state === 'TIME_WAIT' && f.orig.dport === c2.port);
    const first = flows(t).sort((x, y) => y.timeout - x.timeout)[0]!;
    expect(first.timeout).toBeGreaterThan(10);
    const later = flows(t + 5_000).find((f) => f.orig.sport === first.orig.sport);
    expect(later?.timeout).toBe(first.timeout - 5);
  });

  it('shows the crontab line, the script and the check-in processes while they run', () => {
    const w = c.at(b.first + 60_000 * 10 + 1_000);
    expect(w.cron).toContainEqual({ source: { kind: 'user', user: b.user }, schedule: '* * * * *',
      user: b.user, command: `${b.script} >/dev/null 2>&1` });
    expect(w.files.find((f) => f.path === b.script)?.content).toContain('curl -fsSk');
    const mine = w.processes.filter((p) => p.origin === 'beacon');
    expect(mine.map((p) => p.comm).slice(0, 3)).toEqual(['cron', 'sh', '.sysupdate.sh']);
    expect(mine[0]!.ppid).toBe(b.cronPid);
  });

  it('costs the same objects however long it has been running', () => {
    const n = (t: number) => {
      const w = c.at(t);
      return w.sockets.length + w.flows.length + w.processes.length;
    };
    const early = n(b.first + 30 * 60_000 + 59_000);
    const late = n(b.first + 100 * 60_000 + 59_000);
    expect(Math.abs(early - late)).toBeLessThanOrEqual(6);
  });
});

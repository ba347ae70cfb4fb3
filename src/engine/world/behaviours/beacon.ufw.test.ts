import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../types';
import { compiledOnce } from './flagship.fixture';
import { occurrence } from './beacon-occ';
import { contextFor } from '../at';

describe('beacon under ufw', () => {
  const c = compiledOnce(flagship);
  const b = c.byId('beacon', 'beacon');
  const c2 = `${c.vars.get('c2_addr')}`;
  const port = Number(c.vars.get('beacon_port'));
  const t = c.base.now - 600_000;
  const ufw = (to: string, action: 'DENY' | 'REJECT'): WorldEvent[] => [
    { type: 'ufw', at: t, op: { kind: 'enable' } },
    ...[false, true].map((v6): WorldEvent => ({ type: 'ufw', at: t, op: { kind: 'rule',
      rule: { to, action, direction: 'OUT', from: 'Anywhere', v6 } } })),
  ];
  const outcomes = (actions: WorldEvent[]) => {
    const ctx = contextFor(c.base, c.timeline, actions);
    const k = Math.ceil((t + 60_000 - b.first) / b.interval);
    return [0, 1, 2].map((i) => occurrence(b, ctx, k + i).outcome);
  };

  it('a ufw deny out to the C2 (with or without a port) stops the check-ins', () => {
    expect(outcomes([])).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes(ufw(c2, 'DENY'))).toEqual(['dropped-out', 'dropped-out', 'dropped-out']);
    expect(outcomes(ufw(`${c2} ${port}/tcp`, 'DENY')))
      .toEqual(['dropped-out', 'dropped-out', 'dropped-out']);
    expect(outcomes(ufw(`${c2} ${port}/tcp`, 'REJECT'))).toEqual(['refused', 'refused', 'refused']);
  });

  it('leaves no ESTABLISHED check-in socket to the C2 after the deny', () => {
    const w = c.at(t + 300_000, ufw(`${c2} ${port}/tcp`, 'DENY'));
    const ok = w.sockets.filter((s) => s.remote.addr === c2 && s.remote.port === port
      && (s.state === 'ESTABLISHED' || s.state === 'TIME-WAIT'));
    expect(ok).toEqual([]);
  });
});

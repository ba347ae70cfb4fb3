import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';
import type { WorldEvent } from './types';
import { contextFor } from './at';
import { occurrence } from './behaviours/beacon-occ';

describe('worldAt: dropping the C2\'s replies in INPUT', () => {
  const c = compiledOnce(flagship);
  const now = c.base.now;
  const b = c.byId('beacon', 'beacon');
  const c2 = `${c.vars.get('c2_addr')}`;
  const rule = { source: c2, target: 'DROP', packets: 0, bytes: 0 };
  const inputRule = (w: ReturnType<typeof c.at>, i: number) =>
    w.firewall.tables.find((t) => t.name === 'filter')!.chains.find((x) => x.name === 'INPUT')!.rules[i]!;
  const k = Math.ceil((now + 3 * 60_000 - b.first) / b.interval);
  const nominal = b.first + k * b.interval;

  it('does nothing when appended after the RELATED,ESTABLISHED accept (replies match it first)', () => {
    const append: WorldEvent = { type: 'firewall', at: now, table: 'filter', op: { kind: 'append', chain: 'INPUT', rule } };
    const w = c.at(nominal + 30_000, [append]);
    expect(w.sockets.some((s) => s.state === 'TIME-WAIT' && s.remote.addr === c2 && s.remote.port === b.to.port)).toBe(true);
    expect(inputRule(w, 6).packets).toBe(0);
  });

  it('inserted first: SYN-ACKs are dropped, the check-in hangs and the rule counts them', () => {
    const insert: WorldEvent = { type: 'firewall', at: now, table: 'filter',
      op: { kind: 'insert', chain: 'INPUT', position: 1, rule } };
    const connect = occurrence(b, contextFor(c.base, c.timeline, [insert]), k).connect;
    const during = c.at(connect + 7_500, [insert]);
    const hanging = during.sockets.filter((s) => s.state === 'SYN-SENT' && s.remote.port === b.to.port);
    expect(hanging.map((s) => s.timer?.retrans)).toEqual([3]);
    expect(during.flows.filter((f) => f.state === 'SYN_RECV' && f.orig.dport === b.to.port)).toHaveLength(1);
    const wire = during.packets(connect, connect + 10_000).filter((p) => p.dport === b.to.port || p.sport === b.to.port);
    expect(wire.map((p) => p.flags)).toEqual(['S', 'S.', 'S', 'S.', 'S', 'S.', 'S', 'S.']);
    expect(inputRule(c.at(nominal + 60_000, [insert]), 0).packets
      - inputRule(c.at(nominal - 1, [insert]), 0).packets).toBe(4);
  });
});

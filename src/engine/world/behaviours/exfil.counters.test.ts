import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { Socket, WorldEvent } from '../types';
import { compiledOnce } from './flagship.fixture';

describe('exfil socket: tcp_info numbers add up', () => {
  const c = compiledOnce(flagship);
  const b = c.byId('exfil', 'exfil');
  const c2 = `${c.vars.get('c2_addr')}`;
  const drop: WorldEvent[] = [{ type: 'firewall', at: b.at + 60_000, table: 'filter', op: {
    kind: 'insert', chain: 'OUTPUT', position: 1,
    rule: { target: 'DROP', destination: `${c2}/32`, packets: 0, bytes: 0 } } }];
  const sockets = (a: WorldEvent[]): Socket[] => {
    const out: Socket[] = [];
    for (let t = b.at + 1_000; t < c.base.now; t += 7_333) {
      const s = c.at(t, a).sockets.find((x) => x.id === b.id && x.state === 'ESTABLISHED');
      if (s) out.push(s);
    }
    return out;
  };

  const check = (s: Socket) => {
    const i = s.info!;
    const retrans = i.bytesRetrans ?? 0;
    expect(s.sendQ).toBe(i.bytesSent - retrans - (i.bytesAcked - 1) + (i.notsent ?? 0));
    if (i.bytesRetrans) {
      expect(i.retrans).toBeDefined();
      expect(i.retrans![1] * i.mss).toBe(i.bytesRetrans);
    } else expect(i.retrans).toBeUndefined();
    expect(i.unacked).toBe(Math.ceil((i.bytesSent - retrans - (i.bytesAcked - 1)) / i.mss));
    expect(i.delivered).toBeGreaterThan(0);
    expect(i.deliveryRate).toBe(b.rate);
    expect(i.pacingRate).toBeGreaterThan(0);
  };

  it('Send-Q is what is in flight plus what is not sent yet, as the kernel reports', () => {
    const all = sockets([]);
    expect(all.length).toBeGreaterThan(20);
    all.forEach(check);
  });

  it('a stalled transfer shows its retransmissions as a retrans pair', () => {
    const all = sockets(drop).filter((s) => s.timer?.retrans);
    expect(all.length).toBeGreaterThan(5);
    all.forEach(check);
    expect(all.at(-1)!.info!.retrans![0]).toBe(1);
  });
});

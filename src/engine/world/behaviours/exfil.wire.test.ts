import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { Packet } from '../types';
import { compiledOnce } from './flagship.fixture';

const c = compiledOnce(flagship);
const tsOf = (p: Packet) => /TS val (\d+) ecr (\d+)/.exec(p.options ?? '')!.slice(1).map(Number);

describe('the wire: both directions, timestamps echoed', () => {
  it('the upload alternates data segments and the peer ACK of the segment before the last', () => {
    const ex = c.byId('exfil', 'exfil');
    const t = ex.at + 60_000;
    const pkts = c.at(t).packets(t, t + 20).filter((p) => p.sport === ex.localPort || p.dport === ex.localPort);
    expect(pkts.length).toBeGreaterThan(10);
    pkts.forEach((p, i) => {
      const prev = pkts[i - 1];
      if (p.src === ex.to.addr) {
        expect([p.flags, p.length, p.win]).toEqual(['.', 0, 12]);
        // Two segments in flight: the ACK covers all but the one just sent.
        if (prev) expect(p.ack).toBe(prev.seq);
        const acked = pkts[i - 3];
        if (acked) expect([p.ack, tsOf(p)[1]]).toEqual([acked.seqEnd, tsOf(acked)[0]]);
      } else {
        expect([p.flags, p.length]).toEqual(['.', 1448]);
        if (prev) expect([p.seq, tsOf(p)[1]]).toEqual([(prev.ack! + 1448) >>> 0, tsOf(prev)[0]]);
      }
      if (prev) expect(p.src).not.toBe(prev.src);
    });
  });

  it('a beacon echoes the TSval of the last segment the other side had received', () => {
    const b = c.byId('beacon', 'beacon');
    const now = c.base.now;
    const all = c.at(now).packets(now - 120_000, now).filter((p) => p.dport === b.to.port || p.sport === b.to.port);
    const synAck = all.find((p) => p.flags === 'S.')!;
    const ack = all[all.indexOf(synAck) + 1]!;
    expect(tsOf(ack)[1]).toBe(tsOf(synAck)[0]);
    let heard: number | undefined;
    for (const p of all.slice(all.indexOf(synAck))) {
      if (p.src === b.to.addr) heard = tsOf(p)[0];
      else if (p.flags !== 'S') expect(tsOf(p)[1]).toBe(heard);
      if (p.flags?.includes('F') && p.src !== b.to.addr) break;
    }
  });
});

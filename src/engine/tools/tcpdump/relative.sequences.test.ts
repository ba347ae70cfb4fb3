import { describe, expect, it } from 'vitest';
import type { Packet } from '../../world/types';
import { relativeSequences } from './relative';

const seg = (src: string, sport: number, dst: string, dport: number, flags: string, seq: number, ack?: number): Packet => ({
  time: 0, iface: 'eth0', family: 'inet', proto: 'tcp', src, dst, sport, dport, flags, seq, ack, length: 0,
});

describe('tcpdump relative sequence numbers', () => {
  it('keeps the handshake absolute and counts from it afterwards, per direction', () => {
    const a = '10.0.0.5', b = '198.51.100.9';
    const out = relativeSequences([
      seg(a, 40000, b, 443, 'S', 4_000_000_000),
      seg(b, 443, a, 40000, 'S.', 7, 4_000_000_001),
      seg(a, 40000, b, 443, '.', 4_000_000_001, 8),
      seg(b, 443, a, 40000, 'F.', 195, 4_000_000_093),
      seg(a, 40000, b, 443, 'F.', (4_000_000_093 + 300_000_000) >>> 0, 196),
    ]);
    expect(out.map((p) => [p.seq, p.ack])).toEqual([
      [4_000_000_000, undefined],
      [7, 4_000_000_001],
      [1, 1],
      [188, 93],
      [300_000_093, 189],
    ]);
  });
});

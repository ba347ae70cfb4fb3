import { describe, expect, it } from 'vitest';
import { expiryAt, retransTimes, retriesTimeout, stallAt, stallEnd } from './tcp-cut';

describe('retransmission backoff (RFC 6298, Linux 6.8 limits)', () => {
  it('models tcp_retries2 and tcp_orphan_retries as the kernel does from TCP_RTO_MIN', () => {
    expect([retriesTimeout(15), retriesTimeout(8), retriesTimeout(0)]).toEqual([924_600, 102_200, 200]);
  });

  it('doubles the RTO from its base up to 120 s', () => {
    expect([1, 2, 3, 10, 11].map((k) => expiryAt(200, k))).toEqual([200, 600, 1400, 204_600, 324_600]);
    expect(stallAt({ first: 1000, base: 204, orphanAt: Infinity }, 4000))
      .toEqual({ retrans: 3, rto: 1632, nextIn: 60, last: 2428 });
  });

  it('gives up on a held socket after 15 retransmissions, on an orphan after 8', () => {
    const held = { first: 0, base: 200, orphanAt: Infinity };
    expect(stallEnd(held)).toBe(924_600);
    expect(retransTimes(held, Infinity)).toHaveLength(15);
    const orphan = { first: 0, base: 204, orphanAt: 0 };
    expect(stallEnd(orphan)).toBe(204 * 511);
    expect(retransTimes(orphan, Infinity)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((k) => 204 * (2 ** k - 1)));
  });

  it('destroys an orphan at its next expiry once the RTO has reached the cap (no retries left)', () => {
    const s = { first: 0, base: 200, orphanAt: 500_000 };
    expect(stallEnd(s)).toBe(564_600);
    expect(retransTimes(s, Infinity).at(-1)).toBe(444_600);
  });

  it('never ends a sender that was never stalled', () => {
    expect(stallEnd({ first: Infinity, base: 200, orphanAt: 0 })).toBe(Infinity);
  });
});

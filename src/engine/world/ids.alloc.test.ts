import { describe, expect, it } from 'vitest';
import { counterAt, createIds, EPHEMERAL_HIGH, EPHEMERAL_LOW, macFor, stream } from './ids';

const BOOT = Date.parse('2026-12-04T10:00:00Z');

describe('stream', () => {
  it('is reproducible per seed and key, and independent across keys', () => {
    const a = [stream(1, 'x').next(), stream(1, 'x').next()];
    expect(a[0]).toBe(a[1]);
    expect(stream(1, 'x').next()).not.toBe(stream(1, 'y').next());
    expect(stream(1, 'x').next()).not.toBe(stream(2, 'x').next());
  });
});

describe('inodes', () => {
  it('grow with time since boot', () => {
    const ids = createIds(1, BOOT);
    const early = ids.inodes.one(BOOT + 5_000);
    const late = ids.inodes.one(BOOT + 3_600_000);
    expect(late).toBeGreaterThan(early);
    expect(counterAt(ids.inodes.model, BOOT + 7_200_000)).toBeGreaterThan(
      counterAt(ids.inodes.model, BOOT + 3_600_000),
    );
  });

  it('are consecutive for sockets created at the same instant', () => {
    const ids = createIds(1, BOOT);
    const [a, b, c] = ids.inodes.alloc(BOOT + 60_000, 3);
    expect([b, c]).toEqual([(a as number) + 1, (a as number) + 2]);
  });

  it('never reuse a reserved inode or one already handed out', () => {
    const ids = createIds(1, BOOT);
    const t = BOOT + 60_000;
    const at = counterAt(ids.inodes.model, t);
    expect(ids.inodes.reserve(at)).toBe(true);
    expect(ids.inodes.reserve(at)).toBe(false);
    expect(ids.inodes.one(t)).toBe(at + 1);
    expect(ids.inodes.one(t)).toBe(at + 2);
  });
});

describe('ports, MACs, cookies', () => {
  it('draws ephemeral ports in 32768-60999, distinct per address', () => {
    const ids = createIds(3, BOOT);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const p = ids.ports.ephemeral(`k${i % 5}`, '10.0.0.1');
      expect(p).toBeGreaterThanOrEqual(EPHEMERAL_LOW);
      expect(p).toBeLessThanOrEqual(EPHEMERAL_HIGH);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
    }
  });

  it('makes locally administered unicast MACs, stable per key', () => {
    for (let seed = 0; seed < 50; seed++) {
      const mac = macFor(seed, 'eth0');
      expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      const first = parseInt(mac.slice(0, 2), 16);
      expect(first & 0b11).toBe(0b10);
      expect(macFor(seed, 'eth0')).toBe(mac);
    }
  });

  it('hands out socket cookies in order', () => {
    const ids = createIds(1, BOOT);
    const a = ids.cookies.next();
    expect(ids.cookies.next()).toBe(a + 1);
  });
});

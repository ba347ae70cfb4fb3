/**
 * Deterministic identifiers for the simulated host.
 *
 * Every number the kernel would hand out (pids, inodes, ephemeral ports, MAC
 * addresses, socket cookies) comes from here, as a pure function of the
 * scenario's seed and the entity asking for it, so that the same scenario and
 * seed give the same world on every machine.
 *
 * The model:
 *
 * - Random streams. `stream(seed, key)` is a PRNG (splitmix32) seeded by a
 *   hash of the seed and a string key, usually the entity id ("var:c2_port",
 *   "mac:eth0", "port:revshell"). Adding an entity opens a new stream and does
 *   not shift the values drawn by the others. `draw(seed, key)` is one value
 *   from the same hash, for hot paths (per-day timer delays).
 * - Pids. One counter for the whole host (pid-counter.ts): it grows with
 *   time since boot (a burst while the system boots, then a steady rate of
 *   forks nobody sees) and with every process the world shows, so a process
 *   started later has a larger pid. Pids written in the scenario are
 *   reserved and never handed out. The counter never wraps (pid_max is
 *   4194304 on these distributions).
 * - Inodes. Socket inodes come from a counter of the same shape, with a
 *   higher base and rate (every pipe, socket and anonymous inode takes one);
 *   `inodes.alloc(t)` returns the first free inodes at or above its value.
 * - Ephemeral ports are drawn from 32768-60999 (net.ipv4.ip_local_port_range)
 *   by the entity's stream, skipping ports already in use.
 * - MACs are locally administered unicast (second-lowest bit of the first
 *   octet set, lowest clear), drawn from the interface's stream.
 * - Socket cookies (`ss -e` sk:) are a global counter handed out in order.
 */
import { ClaimedNumbers, counterAt, type CounterModel } from './counter-model';
import { PidCounter } from './pid-counter';

export { counterAt, type CounterModel } from './counter-model';

/** A uniform random source: each call gives a float in [0, 1). */
export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the UTF-16 code units of a string, 32 bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class SplitMix implements Rng {
  private state: number;

  constructor(state: number) {
    this.state = state;
  }

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix(this.state);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

function mix(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 4294967296;
}

/** A splitmix32 stream keyed by the seed and a string. */
export function stream(seed: number, key: string): Rng {
  return new SplitMix(hash32(`${seed >>> 0}\u0000${key}`));
}

/** One draw in [0, 1) for a key, without making a stream (hot paths). */
export function draw(seed: number, key: string): number {
  return mix((hash32(`${seed >>> 0}\u0000${key}`) + 0x9e3779b9) | 0);
}

/**
 * Hands out numbers that follow a counter model, honouring reserved numbers
 * and never giving the same number twice.
 */
export class TimeCounter extends ClaimedNumbers {
  constructor(readonly model: CounterModel) {
    super();
  }

  /** `count` consecutive-as-possible free numbers, from the value at t. */
  alloc(t: number, count = 1): number[] {
    const out: number[] = [];
    let n = counterAt(this.model, t);
    while (out.length < count) {
      if (!this.used.has(n)) {
        this.used.add(n);
        out.push(n);
      }
      n++;
    }
    return out;
  }

  one(t: number): number {
    return this.alloc(t, 1)[0] as number;
  }
}

export const EPHEMERAL_LOW = 32768;
export const EPHEMERAL_HIGH = 60999;

/** Ephemeral ports, drawn per entity, distinct per local address. */
export class PortAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly seed: number) {}

  reserve(addr: string, port: number): boolean {
    const key = `${addr}|${port}`;
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }

  /** A free port in the ephemeral range for `addr`, drawn by `key`'s stream. */
  ephemeral(key: string, addr: string): number {
    const rng = stream(this.seed, `port:${key}`);
    for (let i = 0; i < 64; i++) {
      const port = rng.int(EPHEMERAL_LOW, EPHEMERAL_HIGH);
      if (this.reserve(addr, port)) return port;
    }
    for (let port = EPHEMERAL_LOW; port <= EPHEMERAL_HIGH; port++) {
      if (this.reserve(addr, port)) return port;
    }
    return 0;
  }
}

/** A locally administered unicast MAC address drawn from `key`'s stream. */
export function macFor(seed: number, key: string): string {
  const rng = stream(seed, `mac:${key}`);
  const bytes = Array.from({ length: 6 }, () => rng.int(0, 255));
  bytes[0] = ((bytes[0] as number) & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Socket cookies, as `ss -e` prints after `sk:`. */
export class CookieCounter {
  private value: number;

  constructor(start: number) {
    this.value = start;
  }

  next(): number {
    return this.value++;
  }
}

/** All the allocators of one host, shared by the base and the behaviours. */
export interface IdAllocators {
  readonly seed: number;
  readonly pids: PidCounter;
  readonly inodes: TimeCounter;
  readonly ports: PortAllocator;
  readonly cookies: CookieCounter;
  /** A random stream for an entity or purpose. */
  stream(key: string): Rng;
  /** A MAC for an interface or neighbour. */
  mac(key: string): string;
}

/** The allocators for a host that booted at `bootTime`. */
export function createIds(seed: number, bootTime: number): IdAllocators {
  const rng = stream(seed, 'host:counters');
  const pids = new PidCounter({
    bootTime,
    base: rng.int(280, 420),
    burst: rng.int(300, 600),
    burstMs: 30_000,
    perSecond: rng.int(30, 120) / 1000,
  });
  const inodes = new TimeCounter({
    bootTime,
    base: rng.int(12_000, 16_000),
    burst: rng.int(8_000, 14_000),
    burstMs: 30_000,
    perSecond: rng.int(200, 900) / 1000,
  });
  return {
    seed,
    pids,
    inodes,
    ports: new PortAllocator(seed),
    cookies: new CookieCounter(rng.int(0x20, 0x60)),
    stream: (key) => stream(seed, key),
    mac: (key) => macFor(seed, key),
  };
}

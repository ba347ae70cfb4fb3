/**
 * The character devices in /dev that a program may read: /dev/null and
 * /dev/tty read as nothing, /dev/zero as zero bytes, /dev/random and
 * /dev/urandom as bytes from a generator seeded by the host and the time.
 *
 * The real zero and random devices never end. just-bash reads a whole file
 * before a program sees it, so here they end after `DEVICE_READ_BYTES`:
 * enough for `head -c` and `od` to take what they ask for, and more than
 * the session's output cap, so `cat /dev/zero` ends with the shell's
 * "output cut" message instead of running out of memory.
 */

/** How many bytes a read of /dev/zero or /dev/urandom returns (1 MiB). */
export const DEVICE_READ_BYTES = 1 << 20;

export interface DeviceNode {
  name: string;
  /** The bytes a read returns (the text is the same bytes, one char each). */
  bytes(): Uint8Array;
}

let zeros: Uint8Array | undefined;

function zeroBytes(): Uint8Array {
  return (zeros ??= new Uint8Array(DEVICE_READ_BYTES));
}

/** FNV-1a over a string: the generator's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Bytes from xorshift32, the same for the same seed. */
export function randomBytes(seed: string, n = DEVICE_READ_BYTES): Uint8Array {
  const out = new Uint8Array(n);
  let x = hash(seed) || 0x9e3779b9;
  for (let i = 0; i < n; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (x >>> (8 * k)) & 0xff;
  }
  return out;
}

/**
 * The devices of one host at one moment; `seed` names the host (its
 * hostname and boot time) and the moment, so two reads at one instant
 * agree and a read a second later differs.
 */
export function devices(seed: string): DeviceNode[] {
  let random: Uint8Array | undefined;
  const randomOnce = () => (random ??= randomBytes(seed));
  return [
    { name: 'null', bytes: () => new Uint8Array(0) },
    { name: 'tty', bytes: () => new Uint8Array(0) },
    { name: 'zero', bytes: zeroBytes },
    { name: 'random', bytes: randomOnce },
    { name: 'urandom', bytes: randomOnce },
  ];
}

/** Bytes as a string of one char per byte (latin1), as just-bash carries binary text. */
export function byteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/**
 * OpenSSH public keys drawn from a seed, in the real wire format: the blob
 * is the key type as an SSH string, then the key's fields (ED25519: a
 * 32-byte point; ECDSA P-256: the curve name and an uncompressed point;
 * RSA 3072: e and n as mpints), base64 in a `TYPE BLOB COMMENT` line. The
 * fingerprint is OpenSSH's: SHA-256 of the blob, base64 without padding,
 * so the key in authorized_keys is the one whose fingerprint sshd logs.
 * The key material is bytes of a hash of the seed, not a real key pair.
 */
import { sha256 } from './sha256';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const utf8 = new TextEncoder();

/** Standard base64, with '=' padding unless `pad` is false. */
export function base64(bytes: Uint8Array, pad = true): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64[(n >> (18 - 6 * j)) & 63];
    if (pad) out += '='.repeat(4 - chars);
  }
  return out;
}

/** `count` bytes that are stable for `seed`: SHA-256 of the seed and a counter, joined. */
export function seededBytes(seed: string, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0, block = 0; i < count; block++) {
    const digest = sha256(utf8.encode(`${seed}\u0000${block}`));
    out.set(digest.subarray(0, Math.min(32, count - i)), i);
    i += 32;
  }
  return out;
}

/** Base64 characters of seeded bytes: a key body that is stable for its seed. */
export function seededBase64(seed: string, chars: number): string {
  return base64(seededBytes(seed, Math.ceil((chars * 3) / 4)), false).slice(0, chars);
}

/** An SSH wire string (or mpint body): a 32-bit big-endian length, then the bytes. */
function wire(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? utf8.encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + 4 + b.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const b of bytes) {
    view.setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

type KeyType = 'ED25519' | 'ECDSA' | 'RSA';

/** The key type's name in the blob and the line. */
export const KEY_NAMES: Readonly<Record<KeyType, string>> = {
  ED25519: 'ssh-ed25519', ECDSA: 'ecdsa-sha2-nistp256', RSA: 'ssh-rsa',
};

/** The public key blob of a key of `keyType` drawn from `seed`. */
export function keyBlob(keyType: string, seed: string): Uint8Array {
  const bytes = (n: number) => seededBytes(`${keyType}:${seed}`, n);
  if (keyType === 'ECDSA') {
    const point = bytes(65);
    point[0] = 0x04; // uncompressed: 0x04 || X || Y
    return wire([KEY_NAMES.ECDSA, 'nistp256', point]);
  }
  if (keyType === 'RSA') {
    // A 3072-bit odd modulus with its top bit set: a leading zero keeps the mpint positive.
    const n = bytes(385);
    n[0] = 0;
    n[1] = n[1]! | 0x80;
    n[384] = n[384]! | 1;
    return wire([KEY_NAMES.RSA, new Uint8Array([1, 0, 1]), n]);
  }
  return wire([KEY_NAMES.ED25519, bytes(32)]);
}

/** OpenSSH's fingerprint of a blob: `SHA256:` and the unpadded base64 of its digest. */
export const keyFingerprint = (blob: Uint8Array): string => `SHA256:${base64(sha256(blob), false)}`;

export interface PublicKey {
  /** ED25519, ECDSA or RSA, as sshd names the type in its log. */
  type: string;
  /** The blob in base64, as authorized_keys holds it. */
  body: string;
  fingerprint: string;
}

/** A key of `keyType` drawn from `seed`: its blob and fingerprint. */
export function publicKeyOf(keyType: string, seed: string): PublicKey {
  const type = Object.hasOwn(KEY_NAMES, keyType) ? keyType : 'ED25519';
  const blob = keyBlob(type, seed);
  return { type, body: base64(blob), fingerprint: keyFingerprint(blob) };
}

/** One public key line: `TYPE BLOB COMMENT` (`TYPE BLOB` without a comment). */
export function keyLine(key: PublicKey, comment?: string): string {
  const line = `${KEY_NAMES[key.type as KeyType]} ${key.body}`;
  return comment === undefined ? line : `${line} ${comment}`;
}

/** The public key line of a key drawn from `seed`. */
export function publicKeyLine(keyType: string, seed: string, comment: string): string {
  return keyLine(publicKeyOf(keyType, seed), comment);
}

/** The trainee's own key (from the jump host), in their authorized_keys and in sshd's Accepted line. */
export const traineeKey = (user: string, from: string): PublicKey => publicKeyOf('ED25519', `${user}@${from}`);

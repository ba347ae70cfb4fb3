/**
 * OpenSSH public key lines with bodies drawn from a seed: the shape of a
 * real key of each type (the blob's fixed start, its length), stable for
 * the seed, so authorized_keys and the host keys read the same each time.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of seeded bytes: a key body that is stable for its seed. */
export function seededBase64(seed: string, chars: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < chars; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    out += B64[h & 63];
  }
  return out;
}

const KEY_PREFIX: Record<string, [string, string, number]> = {
  // type name, the blob's fixed start, base64 characters after it.
  ED25519: ['ssh-ed25519', 'AAAAC3NzaC1lZDI1NTE5AAAAI', 43],
  ECDSA: ['ecdsa-sha2-nistp256', 'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB', 88],
  RSA: ['ssh-rsa', 'AAAAB3NzaC1yc2EAAAADAQABAAABgQ', 514],
};

/** One public key line: `TYPE BLOB COMMENT`, the blob stable for its seed. */
export function publicKeyLine(keyType: string, seed: string, comment: string): string {
  const [name, prefix, rest] = KEY_PREFIX[keyType] ?? KEY_PREFIX.ED25519!;
  const body = seededBase64(seed, rest);
  return `${name} ${prefix}${body} ${comment}`;
}


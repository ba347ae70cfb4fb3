import { describe, expect, it } from 'vitest';
import { base64, keyBlob, keyFingerprint, keyLine, publicKeyOf } from './ssh-keys';

const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('ssh public keys', () => {
  it('fingerprints a blob as ssh-keygen -l does', () => {
    // A key made with `ssh-keygen -t ed25519`; `ssh-keygen -lf` printed this fingerprint.
    const blob = decode('AAAAC3NzaC1lZDI1NTE5AAAAIKRdhtAxlQu6iXXPNTcFHoU6aFv4pzTYSacNttZMj5yE');
    expect(keyFingerprint(blob)).toBe('SHA256:0hl1uo4eGgJZgj85J+0A7hHMBlP+IDz1z1tRQ7xbksU');
  });

  it('writes base64 with and without padding', () => {
    const bytes = new TextEncoder().encode('any carnal pleas');
    expect(base64(bytes)).toBe('YW55IGNhcm5hbCBwbGVhcw==');
    expect(base64(bytes, false)).toBe('YW55IGNhcm5hbCBwbGVhcw');
    expect(base64(bytes.subarray(0, 15))).toBe('YW55IGNhcm5hbCBwbGVh');
  });

  it('lays a blob out as the wire format: type string, then the key fields', () => {
    const ed = keyBlob('ED25519', 'x');
    expect([...ed.subarray(0, 4)]).toEqual([0, 0, 0, 11]);
    expect(new TextDecoder().decode(ed.subarray(4, 15))).toBe('ssh-ed25519');
    expect([...ed.subarray(15, 19)]).toEqual([0, 0, 0, 32]);
    expect(ed).toHaveLength(51);
    const rsa = keyBlob('RSA', 'x');
    expect([...rsa.subarray(11, 22)]).toEqual([0, 0, 0, 3, 1, 0, 1, 0, 0, 1, 0x81]);
    expect(rsa[22]).toBe(0);
    expect(rsa).toHaveLength(407);
    expect(keyBlob('ECDSA', 'x')).toHaveLength(104);
  });

  it('gives a line whose blob has the fingerprint it reports, stable for its seed', () => {
    for (const type of ['ED25519', 'ECDSA', 'RSA']) {
      const key = publicKeyOf(type, 'seed');
      const [, body] = keyLine(key, 'c').split(' ');
      expect(keyFingerprint(decode(body!))).toBe(key.fingerprint);
      expect(publicKeyOf(type, 'seed')).toEqual(key);
      expect(publicKeyOf(type, 'other').fingerprint).not.toBe(key.fingerprint);
    }
    expect(keyLine(publicKeyOf('ED25519', 's'), 'me@h')).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\S{43} me@h$/);
  });
});

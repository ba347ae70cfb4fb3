import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../world/ssh-keys';
import { flagshipRootShell } from './testkit';

describe('authorized_keys and the auth log', () => {
  it('hold the keys whose fingerprints sshd logs for each key login', async () => {
    for (const seed of [1, 7]) {
      const s = await flagshipRootShell(seed);
      const keys = (await s.exec('cat /home/*/.ssh/authorized_keys')).stdout.trim().split('\n');
      const byUser = new Map(keys.map((line) => {
        const [type, body, comment] = line.split(' ');
        const blob = new Uint8Array(Buffer.from(body!, 'base64'));
        expect(type).toBe('ssh-ed25519');
        return [`${comment!.split('@')[0]}`, keyFingerprint(blob)] as const;
      }));
      const accepted = (await s.exec("grep 'Accepted publickey' /var/log/auth.log")).stdout.trim().split('\n');
      expect(accepted.length).toBeGreaterThan(1);
      for (const line of accepted) {
        const m = / for (\S+) from .* ssh2: ED25519 (SHA256:\S{43})$/.exec(line);
        expect(m, line).not.toBeNull();
        expect(byUser.get(m![1]!), line).toBe(m![2]);
      }
    }
  });
});

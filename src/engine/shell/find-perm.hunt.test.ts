import { describe, expect, it } from 'vitest';
import { parseMode, splitPerm } from './find-perm';
import { flagshipRootShell } from './testkit';

describe('find -perm with the special bits', () => {
  it('reads octal and symbolic modes as GNU find does', () => {
    expect(parseMode('4000')).toBe(0o4000);
    expect(parseMode('u=s')).toBe(0o4000);
    expect(parseMode('g+s')).toBe(0o2000);
    expect(parseMode('u=s,g=s')).toBe(0o6000);
    expect(parseMode('o+w')).toBe(0o002);
    expect(parseMode('+t')).toBe(0o1000);
    expect(parseMode('u=q')).toBeUndefined();
  });

  it('takes over only a plain conjunction that needs it', () => {
    expect(splitPerm(['/', '-perm', '-4000', '-type', 'f'])).toEqual({ tests: [{ mode: 0o4000, match: 'all' }], rest: ['/', '-type', 'f'] });
    expect(splitPerm(['/', '-perm', '644'])).toBeUndefined();
    expect(splitPerm(['/', '-perm', '-4000', '-o', '-name', 'x'])).toBeUndefined();
    expect(splitPerm(['/', '-perm', '-4000', '-exec', 'ls', '{}', ';'])).toBeUndefined();
  });

  it('finds the set-user-id programs, and only them', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('find /usr/bin -perm -4000')).toEqual({ stdout: '/usr/bin/mount\n/usr/bin/passwd\n/usr/bin/su\n/usr/bin/sudo\n/usr/bin/umount\n', stderr: '', exitCode: 0 });
    expect((await s.exec('find /usr/bin -perm -u=s -type f')).stdout).toBe('/usr/bin/mount\n/usr/bin/passwd\n/usr/bin/su\n/usr/bin/sudo\n/usr/bin/umount\n');
    expect((await s.exec('find /usr/bin -perm /6000 -name "su*"')).stdout).toBe('/usr/bin/su\n/usr/bin/sudo\n');
    expect((await s.exec('find /tmp /etc/passwd -maxdepth 0 -perm -1000')).stdout).toBe('/tmp\n');
    expect((await s.exec('ls -l /usr/bin/sudo')).stdout).toMatch(/^-rwsr-xr-x 1 root root /);
  });
});

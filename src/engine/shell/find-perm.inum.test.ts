import { describe, expect, it } from 'vitest';
import { splitPerm } from './find-perm';
import { flagshipRootShell } from './testkit';

describe('find -inum', () => {
  it('takes -inum N, +N and -N out of a plain conjunction', () => {
    expect(splitPerm(['/', '-inum', '42', '-type', 'f'])).toEqual({ tests: [{ inum: 42, cmp: '=' }], rest: ['/', '-type', 'f'] });
    expect(splitPerm(['/', '-inum', '+42'])?.tests).toEqual([{ inum: 42, cmp: '+' }]);
    expect(splitPerm(['/', '-inum', 'x'])).toBeUndefined();
    expect(splitPerm(['/', '-inum', '42', '-o', '-name', 'x'])).toBeUndefined();
  });

  it('finds the file whose inode stat and lsof give', async () => {
    const s = await flagshipRootShell();
    const ino = (await s.exec('stat -c %i /usr/bin/bash')).stdout.trim();
    expect(await s.exec(`find /usr -inum ${ino}`)).toEqual({ stdout: '/usr/bin/bash\n', stderr: '', exitCode: 0 });
    const listed = (await s.exec('ls -i /usr/bin | grep " ba"')).stdout.trim().split('\n')
      .map((l) => l.trim().split(' ')).map(([i, n]) => ({ ino: Number(i), path: `/usr/bin/${n}` }));
    const below = listed.filter((f) => f.ino < Number(ino) + 1).map((f) => `${f.path}\n`).join('');
    const above = listed.filter((f) => f.ino > Number(ino)).map((f) => `${f.path}\n`).join('');
    expect(below).toContain('/usr/bin/bash\n');
    expect(above).not.toBe('');
    expect((await s.exec(`find /usr/bin -name 'ba*' -inum -${Number(ino) + 1} | sort`)).stdout).toBe(below);
    expect((await s.exec(`find /usr/bin -name 'ba*' -inum +${ino} | sort`)).stdout).toBe(above);
  });
});

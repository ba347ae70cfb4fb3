import { describe, expect, it } from 'vitest';
import { sha256, toHex } from '../world/sha256';
import { elfStub } from './view-files';
import { parseFileArgs } from './file-type';
import { flagshipRootShell } from './testkit';

const buildId = (path: string) => toHex(sha256(new TextEncoder().encode(elfStub(path)))).slice(0, 40);
const pie = (path: string, special = '') => `${special}ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), `
  + 'dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, '
  + `BuildID[sha1]=${buildId(path)}, for GNU/Linux 3.2.0, stripped`;

describe('file on the host', () => {
  it('describes a program as file 5.45 does, padding names so descriptions line up', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('file /usr/bin/bash /etc/passwd /bin /nope /usr/bin/sudo')).toEqual({
      stdout: `/usr/bin/bash: ${pie('/usr/bin/bash')}\n`
        + '/etc/passwd:   ASCII text\n'
        + '/bin:          symbolic link to usr/bin\n'
        + "/nope:         cannot open `/nope' (No such file or directory)\n"
        + `/usr/bin/sudo: ${pie('/usr/bin/sudo', 'setuid ')}\n`,
      stderr: '', exitCode: 0,
    });
  });

  it('gives one program one build id by any path, and another program another', async () => {
    const s = await flagshipRootShell();
    expect((await s.exec('file -b /bin/bash')).stdout).toBe(`${pie('/usr/bin/bash')}\n`);
    expect(buildId('/usr/bin/bash')).not.toBe(buildId('/usr/bin/tar'));
    expect((await s.exec('file -L /usr/bin/nc')).stdout).toBe(`/usr/bin/nc: ${pie('/usr/bin/nc.openbsd')}\n`);
    expect((await s.exec('file -i /usr/bin/nc /usr/bin/tar')).stdout)
      .toBe('/usr/bin/nc:  inode/symlink; charset=binary\n/usr/bin/tar: application/x-pie-executable; charset=binary\n');
  });

  it('leaves options it does not know to just-bash', () => {
    expect(parseFileArgs(['-bL', 'x'])).toEqual({ brief: true, follow: true, mime: false, files: ['x'] });
    expect(parseFileArgs(['-z', 'x'])).toBeUndefined();
    expect(parseFileArgs([])).toBeUndefined();
  });
});

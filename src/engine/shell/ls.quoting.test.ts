import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

/** A directory of names that need quoting, and one that does not. */
async function dir() {
  const s = createLabSession({ scenario: web01Scenario() });
  await s.exec(`mkdir q && cd q && touch 'my notes' plain $'a\\nb' "it's" '#x'`);
  return s;
}

const line = (name: string) => `-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 ${name}`;

describe('ls quotes names on a terminal as coreutils 9.4 does', () => {
  it('ls -l: quoted names and a space before the others so the names line up', async () => {
    const s = await dir();
    expect(await s.exec('ls -l')).toEqual({
      stdout: ['total 0', line("'#x'"), line("'a'$'\\n''b'"), line('"it\'s"'), line("'my notes'"),
        line(' plain'), ''].join('\n'),
      stderr: '', exitCode: 0,
    });
  });

  it('plain ls aligns as its columns do; -1 does not; -i pads the inode', async () => {
    const s = await dir();
    const names = ["'#x'", "'a'$'\\n''b'", '"it\'s"', "'my notes'"];
    expect((await s.exec('ls')).stdout).toBe([...names, ' plain', ''].join('\n'));
    expect((await s.exec('ls -1')).stdout).toBe([...names, 'plain', ''].join('\n'));
    expect((await s.exec('ls -i plain /etc/hostname')).stdout).toBe(' 440568 /etc/hostname\n3063374 plain\n');
  });

  it('prints names as they are when the output is piped', async () => {
    const s = await dir();
    expect((await s.exec('ls | cat')).stdout).toBe("#x\na\nb\nit's\nmy notes\nplain\n");
    expect((await s.exec('ls -l | cat')).stdout).toBe(['total 0', line('#x'), line('a\nb'), line("it's"),
      line('my notes'), line('plain'), ''].join('\n'));
  });

  it('quotes a link target and a directory header, not a listing without quoted names', async () => {
    const s = await dir();
    await s.exec("ln -s 'my notes' link");
    expect((await s.exec('ls -l link')).stdout).toBe(
      "lrwxrwxrwx 1 deploy deploy 8 Dec  4 13:28 link -> 'my notes'\n");
    await s.exec("mkdir 'sub dir' && touch 'sub dir/x'");
    expect((await s.exec("ls 'sub dir' plain")).stdout).toBe("plain\n\n'sub dir':\nx\n");
  });
});

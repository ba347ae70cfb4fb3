import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import type { HostState } from '../world/types';

function rootNote(world: HostState): void {
  world.files.push({ path: '/root/notes.txt', content: 'root only\n', mode: 0o644, uid: 0, gid: 0, mtime: world.now });
}

const session = () => createLabSession({ scenario: web01Scenario(rootNote) });

describe('programs that may not open a file say Permission denied, as GNU words it', () => {
  it('cat, head, wc and grep on a file the user may not read or reach', async () => {
    const s = session();
    expect(await s.exec('cat /etc/shadow /root/notes.txt /nosuch')).toEqual({
      stdout: '',
      stderr: 'cat: /etc/shadow: Permission denied\ncat: /root/notes.txt: Permission denied\n'
        + 'cat: /nosuch: No such file or directory\n',
      exitCode: 1,
    });
    expect(await s.exec('head -1 /etc/shadow')).toEqual({
      stdout: '', stderr: "head: cannot open '/etc/shadow' for reading: Permission denied\n", exitCode: 1,
    });
    expect(await s.exec('cd /; wc -l root/notes.txt')).toEqual({
      stdout: '', stderr: 'wc: root/notes.txt: Permission denied\n', exitCode: 1,
    });
    expect(await s.exec('grep -c x /etc/shadow')).toEqual({
      stdout: '', stderr: 'grep: /etc/shadow: Permission denied\n', exitCode: 2,
    });
  });

  it('root reads them; a missing file is still missing', async () => {
    const s = session();
    await s.exec('sudo -i');
    expect(await s.exec('cat /root/notes.txt; head -c 5 /etc/shadow; echo; cat /nosuch')).toEqual({
      stdout: 'root only\nroot:\n', stderr: 'cat: /nosuch: No such file or directory\n', exitCode: 1,
    });
  });
});

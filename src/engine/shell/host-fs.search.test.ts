import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import type { HostState } from '../world/types';

/**
 * The trainee (deploy) cannot search /root (0700) nor /home/ops (0750
 * ops:ops); the files inside are world-readable, which must not matter.
 */
function lockedFiles(world: HostState): void {
  world.accounts.push({ name: 'ops', uid: 1000, gid: 1000, gecos: '', home: '/home/ops', shell: '/bin/bash', groups: [] });
  const file = (path: string) => ({ path, content: 'secret\n', mode: 0o644, uid: 1000, gid: 1000, mtime: world.now });
  world.files.push(file('/root/.ssh/id_ed25519.pub'), file('/home/ops/.cache/run.sh'), file('/srv/open/run.sh'));
}

const session = async (asRoot: boolean) => {
  const s = createLabSession({ scenario: web01Scenario(lockedFiles) });
  if (asRoot) await s.exec('sudo -i');
  return s;
};

describe('search permission on the directories above a path', () => {
  it('reading, listing and stat through /root are refused', async () => {
    const s = await session(false);
    expect(await s.exec('ls /root/.ssh/id_ed25519.pub')).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/root/.ssh/id_ed25519.pub': Permission denied\n",
      exitCode: 2,
    });
    expect(await s.exec('ls -la /root/.ssh/')).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/root/.ssh/': Permission denied\n",
      exitCode: 2,
    });
    expect(await s.exec('ls /root')).toEqual({
      stdout: '',
      stderr: "ls: cannot open directory '/root': Permission denied\n",
      exitCode: 2,
    });
    expect(await s.exec('cat /root/.ssh/id_ed25519.pub')).toEqual({
      stdout: '', stderr: 'cat: /root/.ssh/id_ed25519.pub: Permission denied\n', exitCode: 1,
    });
    expect((await s.exec('test -e /root/.ssh/id_ed25519.pub && echo yes || echo no')).stdout).toBe('no\n');
  });

  it('a home directory of another user (0750) cannot be passed through', async () => {
    const s = await session(false);
    expect(await s.exec('ls -la /home/ops/.cache/; stat /home/ops/.cache/run.sh >/dev/null || echo refused')).toEqual({
      stdout: 'refused\n',
      stderr: "ls: cannot access '/home/ops/.cache/': Permission denied\n" +
        "stat: cannot statx '/home/ops/.cache/run.sh': Permission denied\n",
      exitCode: 0,
    });
  });

  it('writing below a directory that may not be searched is refused', async () => {
    const s = await session(false);
    expect(await s.exec('echo x > /root/.ssh/new')).toEqual({
      stdout: '', stderr: 'bash: /root/.ssh/new: Permission denied\n', exitCode: 1,
    });
  });

  it('root reads everything; open directories, /tmp and /proc still work', async () => {
    const root = await session(true);
    expect(await root.exec('cat /root/.ssh/id_ed25519.pub /home/ops/.cache/run.sh')).toEqual({
      stdout: 'secret\nsecret\n', stderr: '', exitCode: 0,
    });
    const s = await session(false);
    expect(await s.exec('cat /srv/open/run.sh; echo hi > /tmp/t; cat /tmp/t; cat /proc/22713/comm')).toEqual({
      stdout: 'secret\nhi\nbash\n', stderr: '', exitCode: 0,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import type { HostState } from '../world/types';

/** The captured host plus kthreadd, whose /proc/2/exe has no target. */
function withKthreadd(world: HostState): void {
  const sshd = world.processes.find((p) => p.pid === 22570)!;
  world.processes.push({ ...sshd, pid: 2, ppid: 0, comm: 'kthreadd', argv: [], exe: '', fds: [] });
}

const session = async (asRoot: boolean) => {
  const s = createLabSession({ scenario: web01Scenario(withKthreadd) });
  if (asRoot) await s.exec('sudo -i');
  return s;
};

const PROC_2 = `total 0
-r--r--r-- 1 root root 0 Dec  4 13:28 cmdline
-r--r--r-- 1 root root 0 Dec  4 13:28 comm
lrwxrwxrwx 1 root root 0 Dec  4 13:28 cwd -> /
-r-------- 1 root root 0 Dec  4 13:28 environ
lrwxrwxrwx 1 root root 0 Dec  4 13:28 exe
dr-x------ 2 root root 0 Dec  4 13:28 fd
-r--r--r-- 1 root root 0 Dec  4 13:28 loginuid
lrwxrwxrwx 1 root root 0 Dec  4 13:28 root -> /
-r--r--r-- 1 root root 0 Dec  4 13:28 stat
-r--r--r-- 1 root root 0 Dec  4 13:28 status
dr-xr-xr-x 3 root root 0 Dec  4 13:28 task
`;

describe('links whose target cannot be read', () => {
  it('ls -l on a kernel thread exe operand: the line without a target, the error, exit 2', async () => {
    const s = await session(true);
    expect(await s.exec('ls -l /proc/2/exe')).toEqual({
      stdout: 'lrwxrwxrwx 1 root root 0 Dec  4 13:28 /proc/2/exe\n',
      stderr: "ls: cannot read symbolic link '/proc/2/exe': No such file or directory\n",
      exitCode: 2,
    });
  });

  it('an entry of a listed directory is a minor problem: exit 1, named DIR/entry', async () => {
    const s = await session(true);
    expect(await s.exec('ls -l /proc/2/')).toEqual({
      stdout: PROC_2,
      stderr: "ls: cannot read symbolic link '/proc/2/exe': No such file or directory\n",
      exitCode: 1,
    });
    expect(await s.exec('cd /proc/2 && ls -l')).toEqual({
      stdout: PROC_2,
      stderr: "ls: cannot read symbolic link 'exe': No such file or directory\n",
      exitCode: 1,
    });
  });

  it('readlink prints nothing and exits 1; a plain ls names the link and succeeds', async () => {
    const s = await session(true);
    expect(await s.exec('readlink /proc/2/exe')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(await s.exec('ls /proc/2/exe')).toEqual({ stdout: '/proc/2/exe\n', stderr: '', exitCode: 0 });
    expect(await s.exec('readlink /proc/22570/exe')).toEqual({ stdout: '/usr/sbin/sshd\n', stderr: '', exitCode: 0 });
  });

  it("another user's exe is Permission denied for the trainee, their own shell's is readable", async () => {
    const s = await session(false);
    expect(await s.exec('ls -l /proc/22570/exe')).toEqual({
      stdout: 'lrwxrwxrwx 1 root root 0 Dec  4 13:28 /proc/22570/exe\n',
      stderr: "ls: cannot read symbolic link '/proc/22570/exe': Permission denied\n",
      exitCode: 2,
    });
    expect(await s.exec('readlink /proc/22570/exe')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(await s.exec('readlink /proc/22713/exe')).toEqual({ stdout: '/usr/bin/bash\n', stderr: '', exitCode: 0 });
  });
});

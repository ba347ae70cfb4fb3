import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState } from '../../world/types';
import { inodeOf } from '../../shell/ls';
import { statFile } from './filedata';
import { lsofTool } from './lsof';
import { LSOF_USAGE } from './usage';

function world(): HostState {
  const w = web01();
  const bash = w.processes.find((p) => p.pid === 22713)!;
  w.processes.push({ ...bash, pid: 2, ppid: 0, uid: 0, comm: 'kthreadd', argv: [], exe: '', fds: [], cwd: '/' });
  w.processes.push({
    ...bash, pid: 30001, comm: 'tar', argv: ['tar', 'czf', '-', '/srv/app'], exe: '/usr/bin/tar',
    fds: [{ fd: 3, kind: 'file', target: '/srv/app/conf/db.yml', mode: 'r' }],
  });
  w.files.push({ path: '/srv/app/conf/db.yml', content: 'x'.repeat(96), mode: 0o644, uid: 0, gid: 0, mtime: 0 });
  return w;
}

function run(args: string[], cwd = '/') {
  return lsofTool.run({
    argv: ['lsof', ...args], stdin: '', world: world(), uid: 0, user: 'root', cwd,
    env: new Map(), shellPid: 1,
  });
}

const TAR_DB = 'tar     30001 deploy    3r   REG  254,0       96 1270537 /srv/app/conf/db.yml\n';
const HEAD = 'COMMAND   PID   USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME\n';

describe('lsof file names, +d and +D', () => {
  it('lists the processes that have a named file open, by path or relative name', () => {
    expect(run(['/srv/app/conf/db.yml'])).toEqual({ stdout: HEAD + TAR_DB, stderr: '', exitCode: 0 });
    expect(run(['conf/db.yml'], '/srv/app').stdout).toBe(HEAD + TAR_DB);
  });

  it('+D walks the tree, +d only the directory itself and its entries', () => {
    const py = 'python3 22571   root  cwd    DIR  254,0     4096  756343 /srv/www\n';
    expect(run(['+D', '/srv'])).toEqual({ stdout: HEAD + py + TAR_DB, stderr: '', exitCode: 0 });
    expect(run(['+D', '/srv/app'])).toEqual({ stdout: HEAD + TAR_DB, stderr: '', exitCode: 0 });
    expect(run(['+d', '/srv/app'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(['+d', '/srv/app/conf']).stdout).toBe(HEAD + TAR_DB);
  });

  it('a missing name is a status error (exit 1), a missing +D dir a usage error', () => {
    expect(run(['/nope'])).toEqual({
      stdout: '', stderr: 'lsof: status error on /nope: No such file or directory\n', exitCode: 1,
    });
    const r = run(['/nope', '/srv/app/conf/db.yml']);
    expect([r.stdout, r.exitCode]).toEqual([HEAD + TAR_DB, 1]);
    expect(run(['+D', '/nope'])).toEqual({
      stdout: '', exitCode: 1,
      stderr: `lsof: WARNING: can't stat(/nope): No such file or directory\n${LSOF_USAGE}`,
    });
    expect(run(['+d', '/srv/app/conf/db.yml']).stderr.split('\n')[0]).toBe(
      'lsof: WARNING: not a directory: /srv/app/conf/db.yml');
  });

  it('/ is a mount point: every file on the root file system', () => {
    const names = run(['-p', '30001', '-a', '/']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[3]);
    expect(names).toEqual(['FD', 'cwd', 'rtd', 'txt', '3r']);
  });
});

describe('lsof +L and kernel threads', () => {
  it('+L adds NLINK; +L1 keeps files linked fewer than once, of which the world has none', () => {
    expect(run(['+L', '-p', '2'])).toEqual({
      stdout:
        'COMMAND  PID USER  FD      TYPE DEVICE SIZE/OFF NLINK NODE NAME\n' +
        'kthreadd   2 root cwd       DIR  254,0     4096     2    2 /\n' +
        'kthreadd   2 root rtd       DIR  254,0     4096     2    2 /\n' +
        'kthreadd   2 root txt   unknown                            /proc/2/exe\n',
      stderr: '', exitCode: 0,
    });
    expect(run(['+L1'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(['+L', '1', '-a', '-p', '30001']).exitCode).toBe(1);
    expect(run(['+L', '1', '-p', '30001']).stdout.split('\n')).toHaveLength(6);
    expect(run(['-L1']).stderr.split('\n')[0]).toBe('lsof: no number may follow -L');
  });

  it('inodes agree with the shell ls -i', () => {
    const w = world();
    for (const p of ['/srv/app/conf/db.yml', '/var/www/app', '/usr/bin/tar', '/usr/bin/bash']) {
      expect(statFile(w, p, false).inode).toBe(inodeOf(p, w));
    }
  });
});

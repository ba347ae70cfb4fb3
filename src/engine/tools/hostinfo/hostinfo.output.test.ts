import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { dateTool, hostnameTool, idTool, unameTool, uptimeTool, whoamiTool } from './hostinfo';
import type { Tool, ToolContext } from '../types';

const run = (tool: Tool, argv: string[], opts: { uid?: number; env?: [string, string][] } = {}) => {
  const world = web01();
  world.groups.push({ name: 'adm', gid: 4, members: ['deploy'] });
  const ctx: ToolContext = {
    argv, stdin: '', world, uid: opts.uid ?? 0, user: opts.uid ? 'deploy' : 'root', cwd: '/',
    env: new Map(opts.env ?? []), shellPid: 1,
  };
  return tool.run(ctx);
};
const out = (tool: Tool, argv: string[], opts = {}): string => run(tool, argv, opts).stdout;

describe('host identity', () => {
  it('uname', () => {
    expect(out(unameTool, ['uname'])).toBe('Linux\n');
    expect(out(unameTool, ['uname', '-a'])).toBe('Linux web01 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n');
    expect(out(unameTool, ['uname', '-rm'])).toBe('6.1.0-28-amd64 x86_64\n');
    expect(out(unameTool, ['uname', '-n', '-s'])).toBe('Linux web01\n');
    expect(run(unameTool, ['uname', '-z']).stderr).toBe("uname: invalid option -- 'z'\nTry 'uname --help' for more information.\n");
  });

  it('hostname, whoami, id', () => {
    expect(out(hostnameTool, ['hostname'])).toBe('web01\n');
    expect(out(hostnameTool, ['hostname', '-I'])).toBe('172.17.0.1 10.8.0.2 10.10.0.5 2001:db8:10::5 \n');
    expect(run(hostnameTool, ['hostname', 'evil'], { uid: 1001 }).stderr).toBe('hostname: you must be root to change the host name\n');
    expect(out(whoamiTool, ['whoami'], { uid: 1001 })).toBe('deploy\n');
    expect(out(idTool, ['id'])).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(out(idTool, ['id', 'deploy'])).toBe('uid=1001(deploy) gid=1001(deploy) groups=1001(deploy),4(adm)\n');
    expect(out(idTool, ['id', '-un'], { uid: 1001 })).toBe('deploy\n');
    expect(out(idTool, ['id', '-Gn', 'deploy'])).toBe('deploy adm\n');
    expect(run(idTool, ['id', 'ghost'])).toEqual({ stdout: '', stderr: "id: 'ghost': no such user\n", exitCode: 1 });
  });

  it('date', () => {
    expect(out(dateTool, ['date'])).toBe('Fri Dec  4 13:28:56 UTC 2026\n');
    expect(out(dateTool, ['date', '+%F %T'])).toBe('2026-12-04 13:28:56\n');
    expect(out(dateTool, ['date', '-R'])).toBe('Fri, 04 Dec 2026 13:28:56 +0000\n');
    expect(out(dateTool, ['date', '-Iseconds'])).toBe('2026-12-04T13:28:56+00:00\n');
    expect(out(dateTool, ['date', '-d', '1 hour ago', '+%H:%M'])).toBe('12:28\n');
    expect(out(dateTool, ['date', '+%H:%M %z'], { env: [['TZ', 'Europe/Paris']] })).toBe('14:28 +0100\n');
    expect(out(dateTool, ['date', '-u', '+%H'], { env: [['TZ', 'Europe/Paris']] })).toBe('13\n');
    expect(run(dateTool, ['date', '-d', 'soonish']).stderr).toBe("date: invalid date 'soonish'\n");
    expect(run(dateTool, ['date', '-s', '12:00'], { uid: 1001 }).stderr).toBe('date: cannot set date: Operation not permitted\n');
  });

  it('uptime', () => {
    expect(out(uptimeTool, ['uptime'])).toBe(' 13:28:56 up 17 min,  1 user,  load average: 0.12, 0.38, 0.26\n');
    expect(out(uptimeTool, ['uptime', '-p'])).toBe('up 17 minutes\n');
    expect(out(uptimeTool, ['uptime', '-s'])).toBe('2026-12-04 13:11:40\n');
  });
});

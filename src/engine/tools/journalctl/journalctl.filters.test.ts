import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { journalctlTool } from './journalctl';
import { parseTimeSpec } from './time-spec';
import type { HostState, LogEntry } from '../../world/types';
import type { ToolContext } from '../types';

const at = (s: string): number => Date.parse(`2026-12-04T${s}Z`);
const LOGS: LogEntry[] = [
  { time: Date.parse('2026-12-03T22:00:00Z'), ident: 'CRON', pid: 901, facility: 'cron', unit: 'cron.service', message: 'old' },
  { time: at('13:11:41'), ident: 'kernel', facility: 'kern', message: 'Linux version 6.1.0-28-amd64', priority: 5 },
  { time: at('13:18:40'), ident: 'sshd', pid: 22704, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy' },
  { time: at('13:20:01'), ident: 'CRON', pid: 22650, facility: 'cron', unit: 'cron.service', message: '(deploy) CMD (curl -s http://198.51.100.23:8443/)', priority: 6 },
  { time: at('13:28:35'), ident: 'sshd', pid: 22705, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy', priority: 3 },
];

function run(argv: string[], uid = 0, mutate?: (w: HostState) => void) {
  const world = web01();
  world.logs = (from, to) => LOGS.filter((e) => e.time >= from && e.time <= to);
  mutate?.(world);
  const ctx: ToolContext = { argv: ['journalctl', ...argv], stdin: '', world, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 1 };
  return journalctlTool.run(ctx);
}

describe('journalctl', () => {
  it('short format, unit filter, -n', () => {
    expect(run(['-u', 'ssh', '--no-pager']).stdout).toBe(
      'Dec 04 13:18:40 web01 sshd[22704]: Accepted publickey for deploy\n' +
      'Dec 04 13:28:35 web01 sshd[22705]: Accepted publickey for deploy\n');
    expect(run(['-n', '1']).stdout).toBe('Dec 04 13:28:35 web01 sshd[22705]: Accepted publickey for deploy\n');
    expect(run(['-n1', '-r', '-t', 'CRON']).stdout).toBe('Dec 04 13:20:01 web01 CRON[22650]: (deploy) CMD (curl -s http://198.51.100.23:8443/)\n');
    expect(run(['-k']).stdout).toBe('Dec 04 13:11:41 web01 kernel: Linux version 6.1.0-28-amd64\n');
  });

  it('--since/--until, priorities, grep, output modes', () => {
    expect(run(['--since', '2026-12-04 13:19', '--until', '13:25']).stdout.split('\n').length).toBe(2);
    expect(run(['--since', 'today']).stdout.split('\n').length).toBe(5);
    expect(run(['-S', 'yesterday', '-U', 'today']).stdout).toBe('Dec 03 22:00:00 web01 CRON[901]: old\n');
    expect(run(['-p', 'err']).stdout).toBe('Dec 04 13:28:35 web01 sshd[22705]: Accepted publickey for deploy\n');
    expect(run(['-g', 'curl', '-o', 'cat']).stdout).toBe('(deploy) CMD (curl -s http://198.51.100.23:8443/)\n');
    expect(run(['_PID=22704', '-o', 'short-iso']).stdout).toBe('2026-12-04T13:18:40+0000 web01 sshd[22704]: Accepted publickey for deploy\n');
  });

  it('no entries, errors, non-root and the 249 header', () => {
    expect(run(['-u', 'nginx'])).toEqual({ stdout: '-- No entries --\n', stderr: '', exitCode: 0 });
    expect(run(['--since', 'soon'])).toEqual({ stdout: '', stderr: 'Failed to parse timestamp: soon\n', exitCode: 1 });
    expect(run(['--bogus']).stderr).toBe("journalctl: unrecognized option '--bogus'\n");
    expect(run(['-p', 'loud']).stderr).toBe('Unknown log level loud\n');
    const user = run([], 1001);
    expect(user.stdout).toBe('-- No entries --\n');
    expect(user.stderr.split('\n')[0]).toBe('Hint: You are currently not seeing messages from other users and the system.');
    const jammy = run(['-n', '1'], 0, (w) => { w.host.distro = 'ubuntu-22.04'; });
    expect(jammy.stdout.split('\n')[0]).toBe('-- Journal begins at Thu 2026-12-03 22:00:00 UTC, ends at Fri 2026-12-04 13:28:35 UTC. --');
  });

  it('time specs', () => {
    const now = at('13:28:56');
    expect(parseTimeSpec('1 hour ago', now, 'UTC')).toBe(at('12:28:56'));
    expect(parseTimeSpec('-30min', now, 'UTC')).toBe(at('12:58:56'));
    expect(parseTimeSpec('2h 5min ago', now, 'UTC')).toBe(at('11:23:56'));
    expect(parseTimeSpec('2026-12-04', now, 'UTC')).toBe(at('00:00:00'));
    expect(parseTimeSpec('@0', now, 'UTC')).toBe(0);
    expect(parseTimeSpec('13:00:30', now, 'Europe/Paris')).toBe(at('12:00:30'));
    expect(parseTimeSpec('3 fortnights ago', now, 'UTC')).toBeUndefined();
  });
});

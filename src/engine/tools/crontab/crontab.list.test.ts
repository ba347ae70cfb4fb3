import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { crontabTool } from './crontab';
import type { ToolContext } from '../types';

const w = web01();
w.cron = [
  { source: { kind: 'user', user: 'deploy' }, schedule: '* * * * *', user: 'deploy', command: 'curl -s http://198.51.100.23:8443/index.html >/dev/null' },
  { source: { kind: 'file', path: '/etc/cron.d/e2scrub_all' }, schedule: '30 3 * * 0', user: 'root', command: 'test -e /run/systemd/system || /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron' },
];
const run = (argv: string[], uid: number, stdin = '') => {
  const ctx: ToolContext = { argv, stdin, world: w, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 1 };
  return crontabTool.run(ctx);
};

describe('crontab', () => {
  it('lists the caller\'s or, for root, another user\'s crontab', () => {
    const line = '* * * * * curl -s http://198.51.100.23:8443/index.html >/dev/null\n';
    const listed = (user: string, by: string) => [{ type: 'crontab-list', at: w.now, user, by }];
    expect(run(['crontab', '-l'], 1001)).toEqual({ stdout: line, stderr: '', exitCode: 0, events: listed('deploy', 'deploy') });
    expect(run(['crontab', '-l', '-u', 'deploy'], 0)).toEqual({ stdout: line, stderr: '', exitCode: 0, events: listed('deploy', 'root') });
    expect(run(['crontab', '-l'], 0)).toEqual({ stdout: '', stderr: 'no crontab for root\n', exitCode: 1, events: listed('root', 'root') });
    expect(run(['crontab', '-u', 'root', '-l'], 1001)).toEqual({ stdout: '', stderr: 'must be privileged to use -u\n', exitCode: 1 });
  });

  it('-r returns a crontab-remove event', () => {
    expect(run(['crontab', '-r', '-u', 'deploy'], 0).events).toEqual([{ type: 'crontab-remove', at: w.now, user: 'deploy', by: 'root' }]);
    expect(run(['crontab', '-ri'.slice(0, 2), '-i'], 1001, 'n\n').events).toBeUndefined();
    expect(run(['crontab', '-r'], 0).stderr).toBe('no crontab for root\n');
  });

  it('usage errors', () => {
    expect(run(['crontab'], 0).stderr.split('\n')[0]).toBe('crontab: usage error: file name or - (for stdin) must be specified');
    expect(run(['crontab', '-z'], 0).stderr.split('\n').slice(0, 2)).toEqual(["crontab: invalid option -- 'z'", 'crontab: usage error: unrecognized option']);
  });
});

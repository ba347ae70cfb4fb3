/**
 * who, w and last with utmp populated (the captured lab had none; these are
 * the layouts of coreutils who, procps w and util-linux last), on web01 as a
 * machine that booted rather than the captured container.
 */
import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { wTool } from './w';
import { whoTool } from '../who/who';
import { lastTool } from '../last/last';
import type { Tool, ToolContext } from '../types';

const run = (tool: Tool, argv: string[]): string => {
  const world = web01();
  delete world.host.container;
  const ctx: ToolContext = { argv, stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 };
  return tool.run(ctx).stdout;
};

describe('sessions', () => {
  it('w', () => {
    expect(run(wTool, ['w'])).toBe(
      ' 13:28:56 up 17 min,  1 user,  load average: 0.12, 0.38, 0.26\n' +
      'USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n' +
      'deploy   pts/0    203.0.113.45     13:28   19.00s  0.00s  0.00s bash -i\n');
    expect(run(wTool, ['w', '-h', '-s'])).toBe('deploy   pts/0    203.0.113.45     19.00s bash -i\n');
  });

  it('who', () => {
    expect(run(whoTool, ['who'])).toBe('deploy   pts/0        2026-12-04 13:28 (203.0.113.45)\n');
    expect(run(whoTool, ['who', '-H', '-u'])).toBe(
      'NAME     LINE         TIME             IDLE          PID COMMENT\n' +
      // utmp's pid is sshd's session child (sshd: deploy@pts/0), see who/utmp.ts.
      'deploy   pts/0        2026-12-04 13:28   .         22709 (203.0.113.45)\n');
    expect(run(whoTool, ['who', '-q'])).toBe('deploy\n# users=1\n');
    expect(run(whoTool, ['who', '-b'])).toBe('         system boot  2026-12-04 13:11\n');
  });

  it('last: still logged in while the leader lives with the login uid', () => {
    expect(run(lastTool, ['last', '-n', '1'])).toBe(
      'deploy   pts/0        203.0.113.45     Fri Dec  4 13:28   still logged in\n\nwtmp begins Fri Dec  4 13:11:40 2026\n');
    expect(run(lastTool, ['last', '-F', '-2']).split('\n')[1]).toBe(
      'deploy   pts/0        203.0.113.45     Fri Dec  4 13:18:40 2026 - Fri Dec  4 13:28:30 2026  (00:09)');
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { lastlogTool } from './lastlog';
import type { ToolContext } from '../types';

const run = (argv: string[]) => {
  const ctx: ToolContext = { argv, stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 };
  return lastlogTool.run(ctx);
};

describe('lastlog', () => {
  it('lists every account with its latest login', () => {
    expect(run(['lastlog']).stdout).toBe(
      'Username         Port     From             Latest\n' +
      'root                                       **Never logged in**\n' +
      'deploy           pts/0    203.0.113.45     Fri Dec  4 13:28:35 +0000 2026\n');
    expect(run(['lastlog', '-u', 'nobody'])).toEqual({ stdout: '', stderr: 'lastlog: Unknown user or range: nobody\n', exitCode: 1 });
  });
});

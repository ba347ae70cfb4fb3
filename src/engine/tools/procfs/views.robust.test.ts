/**
 * Every process/login/log/system view answers any command line with a
 * result, never an exception (command lines are untrusted input).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { web01 } from '../../../../test/fixtures/web01';
import type { Tool, ToolContext } from '../types';
import { psTool } from '../ps/ps';
import { pstreeTool } from '../pstree/pstree';
import { whoTool } from '../who/who';
import { wTool } from '../w/w';
import { lastTool } from '../last/last';
import { lastlogTool } from '../last/lastlog';
import { journalctlTool } from '../journalctl/journalctl';
import { crontabTool } from '../crontab/crontab';
import { systemctlTool } from '../systemctl/systemctl';
import { conntrackTool } from '../conntrack/conntrack';
import { tcpdumpTool } from '../tcpdump/tcpdump';
import { dateTool, hostnameTool, idTool, unameTool, uptimeTool, whoamiTool } from '../hostinfo/hostinfo';
import { killTool } from '../kill/kill';
import { killallTool, pgrepTool, pkillTool } from '../kill/pkill';
import { procPidEntry } from './pid';

const TOOLS: Tool[] = [
  psTool, pstreeTool, whoTool, wTool, lastTool, lastlogTool, journalctlTool, crontabTool,
  systemctlTool, conntrackTool, tcpdumpTool, dateTool, hostnameTool, idTool, unameTool,
  uptimeTool, whoamiTool, killTool, killallTool, pgrepTool, pkillTool,
];

const WORDS = [
  '-', '--', '-e', '-f', '-p', '-o', '-u', '-n', '-c', '-i', '-a', '-l', '-s', '-9', '--sort',
  '--since', 'aux', 'f', 'pid,cmd', 'user=', '22713', '0', '-1', 'deploy', 'root', 'status',
  'ssh', 'tcp', 'port', 'and', 'or', 'not', '(', ')', '[', ']', 'tcp[13]', '&', '!=', '%',
  '+%Y', 'today', '1 hour ago', '\0', 'é', '*', '.*(', 'eth0', 'any', '-L', '-C', '-r',
];

describe('robustness', () => {
  it('no tool throws on arbitrary arguments', () => {
    const world = web01();
    fc.assert(fc.property(
      fc.constantFrom(...TOOLS),
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })), { maxLength: 6 }),
      fc.constantFrom(0, 1001),
      (tool, args, uid) => {
        const ctx: ToolContext = {
          argv: [tool.name, ...args], stdin: '', world, uid, user: uid ? 'deploy' : 'root',
          cwd: '/', env: new Map([['COLUMNS', '80']]), shellPid: 30000,
        };
        const r = tool.run(ctx);
        expect(typeof r.stdout).toBe('string');
        expect(Number.isInteger(r.exitCode)).toBe(true);
      },
    ), { numRuns: 3000 });
  });

  it('procPidEntry answers any relative path', () => {
    const world = web01();
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (rel) => {
      procPidEntry(world, 22713, rel);
    }), { numRuns: 500 });
  });
});

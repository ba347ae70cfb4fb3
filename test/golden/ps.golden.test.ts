/**
 * ps and pstree against the captures, on the web01 fixture. Two facts of the
 * captured host are set here because the fixture does not hold them:
 * - the capture host had far more memory than the fixture's 4 GB (every
 *   %MEM is 0.0 there), so memTotalKb is raised to 32 GB;
 * - bash -i started at 13:28:36.6 (lstart 13:28:36, etime 00:19 at
 *   13:28:56); the fixture rounds it to 13:28:37.
 */
import { describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { psTool } from '../../src/engine/tools/ps/ps';
import { pstreeTool } from '../../src/engine/tools/pstree/pstree';
import type { Tool, ToolContext } from '../../src/engine/tools/types';
import type { HostState } from '../../src/engine/world/types';
import { lineShare, normalise, readCapture } from './helpers';

function capturedWorld(): HostState {
  const w = web01();
  w.host.memTotalKb = 32_000_000;
  const bash = w.processes.find((p) => p.pid === 22713);
  if (bash) bash.startTime = Date.parse('2026-12-04T13:28:36.600Z');
  return w;
}

function run(tool: Tool, argv: string[], world = capturedWorld()): string {
  const ctx: ToolContext = {
    argv, stdin: '', world, uid: 0, user: 'root', cwd: '/root',
    env: new Map(), shellPid: 30000,
  };
  const r = tool.run(ctx);
  expect(r.stderr).toBe('');
  return normalise(r.stdout);
}

/** Keeps the header and the subtree whose first row's command starts with `root`. */
function subtree(text: string, root: string): string {
  const lines = text.split('\n');
  const at = (lines[0] ?? '').indexOf('COMMAND');
  const start = lines.findIndex((l) => l.slice(at).startsWith(root));
  let end = start + 1;
  while (end < lines.length && (lines[end] ?? '').slice(at).startsWith(' ')) end++;
  return [lines[0], ...lines.slice(start, end)].join('\n');
}

function report(name: string, actual: string, expected: string): void {
  const { same, total } = lineShare(actual, expected);
  process.stdout.write(`golden ${name}: ${same}/${total} lines identical\n`);
}

describe('ps golden', () => {
  it('ps auxf, sshd subtree', () => {
    const cap = readCapture('ps-auxf-sshd.txt');
    const argv = cap.argv.slice(0, cap.argv.indexOf('#'));
    const out = subtree(run(psTool, argv), 'sshd: /usr/sbin/sshd');
    report('ps auxf', out, cap.output);
    expect(out).toBe(cap.output);
  });

  it('ps -o pid,ppid,user,lstart,etime,cmd -p 22713', () => {
    const cap = readCapture('ps-p.txt');
    const out = run(psTool, cap.argv);
    report('ps -o', out, cap.output);
    expect(out).toBe(cap.output);
  });

  it('pstree -ap 22570', () => {
    const cap = readCapture('pstree-sshd.txt');
    const out = run(pstreeTool, ['pstree', '-ap', '22570']);
    report('pstree', out, cap.output);
    expect(out).toBe(cap.output);
  });
});

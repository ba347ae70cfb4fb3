/**
 * conntrack -L against the capture. The fixture has no flows, so the test
 * gives it the eight flows of the captured state (reverse shell, four
 * beacon connections in TIME_WAIT, two SSH logins, the exfil). The capture
 * file holds stderr (unbuffered) before stdout, which is how the shell
 * wrote them to the file; the test joins them in that order.
 */
import { describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { conntrackTool } from '../../src/engine/tools/conntrack/conntrack';
import type { Flow } from '../../src/engine/world/types';
import type { ToolContext } from '../../src/engine/tools/types';
import { lineShare, normalise, readCapture } from './helpers';

const flow = (timeout: number, state: string, src: string, dst: string, sport: number, dport: number): Flow => ({
  proto: 'tcp', state, timeout, assured: true, mark: 0,
  orig: { src, dst, sport, dport }, reply: { src: dst, dst: src, sport: dport, dport: sport },
});

export const FLOWS: Flow[] = [
  flow(431980, 'ESTABLISHED', '10.10.0.5', '198.51.100.23', 54880, 4444),
  flow(107, 'TIME_WAIT', '10.10.0.5', '198.51.100.23', 53334, 8443),
  flow(102, 'TIME_WAIT', '10.10.0.5', '198.51.100.23', 52398, 8443),
  flow(431980, 'ESTABLISHED', '203.0.113.45', '10.10.0.5', 40531, 22),
  flow(117, 'TIME_WAIT', '10.10.0.5', '198.51.100.23', 56652, 8443),
  flow(112, 'TIME_WAIT', '10.10.0.5', '198.51.100.23', 53336, 8443),
  flow(431980, 'ESTABLISHED', '203.0.113.45', '10.10.0.5', 45713, 22),
  flow(299, 'ESTABLISHED', '10.10.0.5', '198.51.100.23', 37346, 9001),
];

function ctx(argv: string[], uid = 0): ToolContext {
  const world = web01();
  world.flows = FLOWS;
  return { argv, stdin: '', world, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 30000 };
}

describe('conntrack golden', () => {
  it('conntrack -L', () => {
    const cap = readCapture('conntrack.txt');
    const r = conntrackTool.run(ctx(cap.argv));
    const out = normalise(r.stderr + r.stdout);
    const { same, total } = lineShare(out, cap.output);
    process.stdout.write(`golden conntrack -L: ${same}/${total} lines identical\n`);
    expect(out).toBe(cap.output);
    expect(r.exitCode).toBe(0);
  });

  it('conntrack -C, filters and errors', () => {
    expect(conntrackTool.run(ctx(['conntrack', '-C'])).stdout).toBe('8\n');
    const r = conntrackTool.run(ctx(['conntrack', '-L', '-p', 'tcp', '--dport', '4444']));
    expect(r.stdout).toBe(`${normalise(readCapture('conntrack.txt').output).split('\n')[1]}\n`);
    expect(r.stderr).toBe('conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n');
    expect(conntrackTool.run(ctx(['conntrack', '-L'], 1001))).toEqual({
      stdout: '', exitCode: 1,
      stderr: 'conntrack v1.4.7 (conntrack-tools): Operation failed: Operation not permitted\n',
    });
  });
});

/**
 * netstat (net-tools 2.10) against the captures. The connection captures
 * were taken when the exfil socket had 92944 bytes queued; the test moves
 * the world there. netstat without -t/-u also prints the UNIX section; the
 * captures name their protocols, so no UNIX data is needed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import type { HostState } from '../../src/engine/world/types';
import { netstatTool } from '../../src/engine/tools/netstat/netstat';
import { ShareReport, normalise, readCapture, rootContext } from './helpers';

const report = new ShareReport('netstat');
afterAll(() => report.print());

const exfilQueue =
  (n: number) =>
  (w: HostState): void => {
    const s = w.sockets.find((x) => x.id === 'exfil');
    if (s) s.sendQ = n;
  };

const CASES: { file: string; tweak?: (w: HostState) => void }[] = [
  { file: 'netstat-antp.txt', tweak: exfilQueue(92944) },
  { file: 'netstat-i.txt' },
  { file: 'netstat-rn.txt' },
  { file: 'netstat-tn.txt', tweak: exfilQueue(92944) },
  { file: 'netstat-tulpn.txt' },
];

describe('netstat golden', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const cap = readCapture(c.file);
      const world = web01();
      c.tweak?.(world);
      const r = netstatTool.run(rootContext(world, cap.argv));
      const actual = normalise(r.stdout);
      report.add(actual, cap.output);
      expect(r.stderr).toBe('');
      expect(actual).toBe(cap.output);
    });
  }
});

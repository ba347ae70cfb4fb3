/**
 * /proc/net/tcp, tcp6 and udp against the captures. The capture of
 * /proc/net/tcp was taken at its own moment: the exfil socket was in a
 * zero-window probe (timer 4, 40 ms) with 92944 bytes queued, and the SSH
 * keepalives had 7180.71 s left; the test moves the world there. Two fields
 * are not in the world model and are masked on both sides: the hashed
 * kernel pointer (%pK) and, for the SSH sessions, the quick-ack counter.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import type { HostState, Socket } from '../../src/engine/world/types';
import { procNetTcp, procNetUdp } from '../../src/engine/tools/procnet/procnet';
import { ShareReport, normalise, readCapture } from './helpers';

const report = new ShareReport('procnet');
afterAll(() => report.print());

function sock(w: HostState, id: string): Socket {
  const s = w.sockets.find((x) => x.id === id);
  if (!s) throw new Error(`no socket ${id}`);
  return s;
}

function atProcMoment(w: HostState): void {
  const exfil = sock(w, 'exfil');
  exfil.sendQ = 92944;
  exfil.timer = { kind: 'persist', expiresMs: 40, retrans: 0 };
  for (const id of ['login1', 'login2']) {
    const s = sock(w, id);
    s.timer = { kind: 'keepalive', expiresMs: 7180710, retrans: 0 };
  }
}

/** Mask, in place, the hashed pointer and (TCP) the quick-ack field after rto and ato. */
function mask(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(
          / ([0-9a-f]{16})( \d+ \d+ )(\d+)( )/,
          (_m, _p, mid, _q, end) => ` PTR${mid}Q${end}`,
        )
        .replace(/ ([0-9a-f]{16})( \d+)$/, ' PTR$2'),
    )
    .join('\n');
}

const CASES: [string, (w: HostState) => string][] = [
  ['proc-net-tcp.txt', (w) => procNetTcp(w, 'inet')],
  ['proc-net-tcp6.txt', (w) => procNetTcp(w, 'inet6')],
  ['proc-net-udp.txt', (w) => procNetUdp(w, 'inet')],
];

describe('procnet golden', () => {
  for (const [file, render] of CASES) {
    it(file, () => {
      const cap = readCapture(file);
      const world = web01();
      atProcMoment(world);
      const actual = mask(normalise(render(world)));
      const expected = mask(cap.output);
      report.add(actual, expected);
      expect(actual).toBe(expected);
    });
  }
});

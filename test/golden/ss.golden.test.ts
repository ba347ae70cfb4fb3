/**
 * ss against the captures in test/golden/captures (iproute2 6.1, Debian 12).
 *
 * Each capture runs on web01(); where a capture was taken at another moment
 * the world is moved to that moment first (the exfil socket's Send-Q and
 * timer differ between captures). Where the fixture lacks data the capture
 * needs, the test adds that data to its copy of the world and says why:
 * unix sockets for ss -a, unallocated TCP sockets for ss -s, and the tcp_info
 * fields the world model does not carry for ss -i. Netlink sockets are not
 * modelled at all, so ss -a's `nl` lines are left out of the expected text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import type { HostState, Socket, UnixSocket } from '../../src/engine/world/types';
import { ssTool } from '../../src/engine/tools/ss/ss';
import type { TcpInfoExtra } from '../../src/engine/tools/ss/tcpinfo';
import { ShareReport, applyPipe, normalise, readCapture, rootContext } from './helpers';

const report = new ShareReport('ss');
afterAll(() => report.print());

function sock(w: HostState, id: string): Socket {
  const s = w.sockets.find((x) => x.id === id);
  if (!s) throw new Error(`no socket ${id}`);
  return s;
}

/** The exfil socket's queue at the moment of a capture. */
const sendQ = (n: number) => (w: HostState) => {
  sock(w, 'exfil').sendQ = n;
};

/** The unix sockets that were open when ss -a was captured. */
function addUnixPairs(w: HostState): void {
  const u = (inode: number, peer: number, kind: UnixSocket['kind']): UnixSocket => ({
    id: `u${inode}`,
    inode,
    kind,
    state: 'ESTAB',
    peerInode: peer,
    recvQ: 0,
    sendQ: 0,
  });
  w.unixSockets.push(
    u(46712, 0, 'stream'),
    u(46709, 0, 'stream'),
    u(46634, 46635, 'dgram'),
    u(47825, 47824, 'stream'),
    u(47824, 47825, 'stream'),
    u(46635, 46634, 'dgram'),
    u(46716, 46717, 'stream'),
    u(46717, 46716, 'stream'),
  );
}

/** ss -s was taken with 7 allocated, unhashed TCP sockets and 5 other sockets. */
function addSummaryExtras(w: HostState): void {
  const base = sock(w, 'http');
  for (let i = 0; i < 7; i++) {
    w.sockets.push({
      ...base,
      id: `closed${i}`,
      inode: 50000 + i,
      state: 'CLOSE',
      local: { addr: '0.0.0.0', port: 0 },
      remote: { addr: '0.0.0.0', port: 0 },
      sendQ: 0,
    });
  }
  for (let i = 0; i < 5; i++) {
    w.unixSockets.push({
      id: `ux${i}`,
      inode: 51000 + i,
      kind: 'stream',
      state: 'ESTAB',
      peerInode: 0,
      recvQ: 0,
      sendQ: 0,
    });
  }
}

/** Kernel tcp_info fields the world model lacks, as the kernel reported them. */
const EXTRA: Record<string, Partial<TcpInfoExtra>> = {
  exfil: {
    bbr: { bw: 3902480 / 8, mrtt: 2.968, pacingGain: 1.25, cwndGain: 2 },
    pacingRate: 4829320 / 8,
    deliveryRate: 3902960 / 8,
    delivered: 231,
    rwndLimitedMs: 16612,
    unacked: 1,
    retrans: [0, 1],
    dsackDups: 1,
  },
  login2: {
    bbr: { bw: 1103238024 / 8, mrtt: 0.015, pacingGain: 739 / 256, cwndGain: 739 / 256 },
    pacingRate: 22070233680 / 8,
    deliveryRate: 1103238088 / 8,
    delivered: 12,
  },
  revshell: {
    bbr: { bw: 429036776 / 8, mrtt: 0.027, pacingGain: 739 / 256, cwndGain: 739 / 256 },
    pacingRate: 5339571832 / 8,
    deliveryRate: 429037032 / 8,
    delivered: 2,
  },
  login1: {
    bbr: { bw: 1448000000 / 8, mrtt: 0.008, pacingGain: 739 / 256, cwndGain: 739 / 256 },
    pacingRate: 4138169056 / 8,
    deliveryRate: 1448000000 / 8,
    delivered: 11,
  },
};

function addTcpInfoExtras(w: HostState): void {
  for (const [id, extra] of Object.entries(EXTRA)) Object.assign(sock(w, id).info ?? {}, extra);
}

interface Case {
  file: string;
  tweak?: (w: HostState) => void;
  /** Drop expected lines the world cannot produce. */
  expected?: (text: string) => string;
}

const CASES: Case[] = [
  { file: 'ss-4t.txt' },
  { file: 'ss-6t.txt' },
  { file: 'ss-H.txt' },
  {
    file: 'ss-a.txt',
    tweak: (w) => {
      sendQ(92944)(w);
      addUnixPairs(w);
    },
    // Netlink sockets are not modelled; their lines do not change any width here.
    expected: (t) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith('nl '))
        .join('\n'),
  },
  { file: 'ss-dst.txt' },
  { file: 'ss-filter.txt' },
  { file: 'ss-lntp.txt' },
  { file: 'ss-s.txt', tweak: addSummaryExtras },
  { file: 'ss-tan.txt', tweak: sendQ(82352) },
  { file: 'ss-tanp.txt', tweak: sendQ(82352) },
  { file: 'ss-tanpe.txt' },
  {
    file: 'ss-tanpo.txt',
    tweak: (w) => {
      sendQ(95840)(w);
      sock(w, 'exfil').timer = { kind: 'on', expiresMs: 236, retrans: 0 };
    },
  },
  { file: 'ss-timewait.txt' },
  { file: 'ss-tnp-estab.txt', tweak: sendQ(82352) },
  { file: 'ss-tnpi.txt', tweak: addTcpInfoExtras },
  { file: 'ss-tulpn.txt' },
  { file: 'ss-tunlp.txt' },
  { file: 'ss-ua.txt' },
  { file: 'ss-x.txt' },
];

describe('ss golden', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const cap = readCapture(c.file);
      const world = web01();
      c.tweak?.(world);
      const r = ssTool.run(rootContext(world, cap.argv));
      const actual = normalise(applyPipe(r.stdout, cap.pipe));
      const expected = c.expected ? c.expected(cap.output) : cap.output;
      report.add(actual, cap.output);
      expect(r.stderr).toBe('');
      expect(actual).toBe(expected);
    });
  }
});

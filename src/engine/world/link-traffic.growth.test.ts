import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';
import { compileText } from './behaviours/testkit';
import { promptText } from './behaviours/shell-wire';
import { chainTotals, filterChain } from './base/traffic';
import type { HostState, LinkStats, Packet, WorldEvent } from './types';

const MSS = 1448;
const IP_TCP = 52;
const ETH = 14;

const eth = (w: HostState): LinkStats => w.interfaces.find((i) => i.name === 'eth0')!.stats;

function delta(a: HostState, b: HostState) {
  const [x, y] = [eth(a), eth(b)];
  return { rxPackets: y.rxPackets - x.rxPackets, rxBytes: y.rxBytes - x.rxBytes,
    txPackets: y.txPackets - x.txPackets, txBytes: y.txBytes - x.txBytes };
}

/** A packet's frame on the wire: payload, TCP and IP headers (a SYN's options), Ethernet. */
const frame = (p: Packet) => p.length + IP_TCP + (p.flags?.includes('S') ? 8 : 0) + ETH;

describe('interface counters grow with the traffic the world carries', () => {
  const c = compiledOnce(flagship);
  const exfil = c.byId('exfil', 'exfil');
  const beacon = c.byId('beacon', 'beacon');
  const host = c.base.interfaces.find((i) => i.name === 'eth0')!.addresses[0]!.address;
  // A minute from just before a check-in's minute: that one check-in and a minute of upload.
  const k = Math.floor((c.base.now - beacon.first) / beacon.interval);
  const t1 = beacon.first + k * beacon.interval - 1;
  const t2 = t1 + 60_000;
  const segs = (t: number) => Math.floor(((t - exfil.at) * exfil.rate) / 1000 / MSS);

  it('adds, a minute apart, the upload\'s segments and the check-in\'s packets, exactly', () => {
    const [a, b] = [c.at(t1), c.at(t2)];
    const checkIn = b.packets(t1, t2).filter((p) => p.sport === beacon.to.port || p.dport === beacon.to.port);
    const out = checkIn.filter((p) => p.src === host);
    const back = checkIn.filter((p) => p.dst === host);
    expect([out.length, back.length]).toEqual([8, 6]);
    const data = segs(t2) - segs(t1);
    // The upload is held to a one-segment window: the peer ACKs every segment.
    const acks = data;
    expect(data).toBeGreaterThan(25_000);
    expect(delta(a, b)).toEqual({
      txPackets: data + out.length,
      txBytes: data * (MSS + IP_TCP + ETH) + out.reduce((n, p) => n + frame(p), 0),
      rxPackets: acks + back.length,
      rxBytes: acks * (IP_TCP + ETH) + back.reduce((n, p) => n + frame(p), 0),
    });
  });

  it('rises with the firewall\'s counters: RX is what INPUT saw, TX what OUTPUT let out', () => {
    const [a, b] = [c.at(t1), c.at(t2)];
    const d = delta(a, b);
    const chain = (w: HostState, name: string) => chainTotals(filterChain(w.firewall, name), name === 'INPUT');
    const input = { p: chain(b, 'INPUT').packets - chain(a, 'INPUT').packets,
      b: chain(b, 'INPUT').bytes - chain(a, 'INPUT').bytes };
    const output = { p: chain(b, 'OUTPUT').packets - chain(a, 'OUTPUT').packets,
      b: chain(b, 'OUTPUT').bytes - chain(a, 'OUTPUT').bytes };
    expect([d.rxPackets, d.rxBytes]).toEqual([input.p, input.b + ETH * input.p]);
    expect([d.txPackets, d.txBytes]).toEqual([output.p, output.b + ETH * output.p]);
  });

  it('shows a DROP to the C2 as no more TX, while the rule counts what it stopped', () => {
    const at = t1 - 30_000;
    const drop: WorldEvent[] = [{ type: 'firewall', at, table: 'filter', op: { kind: 'insert',
      chain: 'OUTPUT', position: 1, rule: { target: 'DROP', destination: `${beacon.to.addr}/32`, packets: 0, bytes: 0 } } }];
    const [a, b] = [c.at(t1, drop), c.at(t2, drop)];
    expect(delta(a, b)).toEqual({ txPackets: 0, txBytes: 0, rxPackets: 0, rxBytes: 0 });
    const rule = (w: HostState) => filterChain(w.firewall, 'OUTPUT')!.rules[0]!.packets;
    expect(rule(b) - rule(a)).toBeGreaterThan(0);
  });

  it('adds what an SSH session\'s socket sent and received, with its headers', () => {
    const s = c.byId('ops-morning', 'ssh-login');
    const last = c.at(s.until! - 1).sockets.find((x) => x.id === s.id)!.info!;
    const d = delta(c.at(s.at - 1), c.at(s.until! + 1));
    expect(d).toEqual({
      txPackets: last.segsOut, txBytes: last.bytesSent + (IP_TCP + ETH) * last.segsOut,
      rxPackets: last.segsIn, rxBytes: last.bytesReceived! + (IP_TCP + ETH) * last.segsIn + 8,
    });
  });

  it('counts an upload of N bytes as about N more TX bytes', () => {
    const text = flagship.replace(/\n {2}# Persistence and C2[\s\S]*?\n {2}# Exfiltration/, '\n  # Exfiltration');
    const quiet = compileText(text);
    expect(quiet.timeline.some((x) => x.kind === 'beacon')).toBe(false);
    const up = quiet.byId('exfil', 'exfil');
    const d = delta(quiet.at(up.at - 1), quiet.at(up.until! + 1_000));
    const all = Math.floor(((up.until! - up.at) * up.rate) / 1000 / MSS);
    // The reverse shell the pipeline was typed into writes tar's warning, then its prompt at the end.
    const shell = quiet.byId('revshell', 'reverse-shell');
    const w = quiet.at(up.until! + 1_000);
    const own = [...w.packets(up.at - 1, up.at + 1_000), ...w.packets(up.until! - 1, up.until! + 1_000)]
      .filter((p) => p.sport === shell.localPort && p.src === host);
    const prompt = new TextEncoder().encode(promptText(shell, quiet.base.host.hostname)).length;
    expect(own.map((p) => p.length)).toEqual([44, prompt]);
    expect(d.txPackets).toBe(1 + all + own.length);
    expect(d.txBytes).toBe(60 + ETH + all * (MSS + IP_TCP + ETH) + own.reduce((n, p) => n + frame(p), 0));
    expect(d.txBytes / up.volume).toBeGreaterThan(1);
    expect(d.txBytes / up.volume).toBeLessThan(1.05);
  });
});

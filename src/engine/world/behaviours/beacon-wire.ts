/**
 * What a beacon leaves on the wire and in the logs: cron's lines for each
 * run (with PAM's session lines in auth.log), the packets of each check-in
 * as tcpdump sees them on the host's interface (absolute sequence numbers;
 * tcpdump makes them relative), and the firewall counters its packets
 * raise. Only the occurrences in the window asked about are generated.
 */
import type { PacketMeta } from '../firewall';
import type { LogEntry, Packet } from '../types';
import { intFor } from './alloc';
import {
  isActive, kRange, occurrence, outcomeUnder, stopAt, synsSent, type Occurrence, type Outcome,
} from './beacon-occ';
import type { WorldCtx } from './context';
import { inWindow, type Collector } from './module';
import type { Beacon } from './types';

const cronLine = (time: number, pid: number, message: string, facility: LogEntry['facility']): LogEntry =>
  ({ time, ident: 'CRON', pid, message, facility, unit: 'cron.service' });

export function beaconLogs(b: Beacon, ctx: WorldCtx, from: number, to: number, out: LogEntry[]): void {
  if (b.via !== 'cron') return;
  const u = b.user;
  inWindow(out, from, to, { time: b.at - 350, ident: 'crontab', pid: b.crontabPid,
    message: `(${u}) LIST (${u})`, facility: 'cron' });
  inWindow(out, from, to, { time: b.at, ident: 'crontab', pid: b.crontabPid,
    message: `(${u}) REPLACE (${u})`, facility: 'cron' });
  inWindow(out, from, to, { time: b.first, ident: 'cron', pid: ctx.mainPidAt('cron.service', b.first) ?? b.cronPid,
    message: `(${u}) RELOAD (crontabs/${u})`, facility: 'cron', unit: 'cron.service' });
  const command = b.cronLine.split(' ').slice(5).join(' ');
  const [lo, hi] = kRange(b, from - b.timeout - b.jitter - 1000, to);
  for (let k = lo; k <= hi; k++) {
    if (!isActive(b, ctx, k)) continue;
    const o = occurrence(b, ctx, k);
    const pid = o.pids[0]!;
    const open = `pam_unix(cron:session): session opened for user ${u}(uid=${b.uid}) by (uid=0)`;
    inWindow(out, from, to, cronLine(o.nominal + 2, pid, open, 'authpriv'));
    // cron logs CMD from the child that becomes the job's shell.
    inWindow(out, from, to, cronLine(o.nominal + 4, o.pids[1]!, `(${u}) CMD (${command})`, 'cron'));
    inWindow(out, from, to, cronLine(o.close + 3, pid,
      `pam_unix(cron:session): session closed for user ${u}`, 'authpriv'));
  }
}

interface Seg { dt: number; out: boolean; flags: string; seq: number; len: number; ack?: number; win: number; opt?: string }

/** The TLS/HTTP exchange of one successful check-in (round trip `r` ms), client first to close. */
function exchange(b: Beacon, r: number): Seg[] {
  const hello = b.protocol === 'https' ? 517 : b.requestBytes;
  const srv1 = b.protocol === 'https' ? 2618 : b.responseBytes;
  const req = b.protocol === 'https' ? 64 + b.requestBytes : 0;
  const resp = b.protocol === 'https' ? b.responseBytes : 0;
  const c = 1;
  const s = 1;
  const segs: Seg[] = [
    { dt: r, out: true, flags: '.', seq: c, len: 0, ack: s, win: 502 },
    { dt: r + 0.2, out: true, flags: 'P.', seq: c, len: hello, ack: s, win: 502 },
    { dt: 2 * r + 0.3, out: false, flags: '.', seq: s, len: 0, ack: c + hello, win: 509 },
  ];
  if (srv1 > 1448) {
    segs.push({ dt: 2 * r + 1.5, out: false, flags: '.', seq: s, len: 1448, ack: c + hello, win: 509 });
    segs.push({ dt: 2 * r + 1.6, out: false, flags: 'P.', seq: s + 1448, len: srv1 - 1448, ack: c + hello, win: 509 });
  } else {
    segs.push({ dt: 2 * r + 1.5, out: false, flags: 'P.', seq: s, len: srv1, ack: c + hello, win: 509 });
  }
  const cs = c + hello;
  const ss = s + srv1;
  segs.push({ dt: 2 * r + 1.7, out: true, flags: '.', seq: cs, len: 0, ack: ss, win: 501 });
  let cEnd = cs;
  let sEnd = ss;
  if (req > 0) {
    segs.push({ dt: 2 * r + 2.4, out: true, flags: 'P.', seq: cs, len: req, ack: ss, win: 501 });
    segs.push({ dt: 3 * r + 3.1, out: false, flags: 'P.', seq: ss, len: resp, ack: cs + req, win: 509 });
    cEnd = cs + req;
    sEnd = ss + resp;
    segs.push({ dt: 3 * r + 3.3, out: true, flags: 'P.', seq: cEnd, len: 24, ack: sEnd, win: 501 });
    cEnd += 24;
  }
  segs.push({ dt: 3 * r + 3.4, out: true, flags: 'F.', seq: cEnd, len: 0, ack: sEnd, win: 501 });
  segs.push({ dt: 4 * r + 3.9, out: false, flags: 'F.', seq: sEnd, len: 0, ack: cEnd + 1, win: 509 });
  segs.push({ dt: 4 * r + 4.0, out: true, flags: '.', seq: cEnd + 1, len: 0, ack: sEnd + 1, win: 501 });
  return segs;
}

export function beaconPackets(b: Beacon, ctx: WorldCtx, from: number, to: number, out: Packet[]): void {
  const [lo, hi] = kRange(b, from - b.timeout - b.jitter - 1000, to);
  for (let k = lo; k <= hi; k++) {
    if (!isActive(b, ctx, k)) continue;
    const o = occurrence(b, ctx, k);
    for (const p of occurrencePackets(b, ctx, o)) if (p.time >= from && p.time < to) out.push(p);
  }
}

function occurrencePackets(b: Beacon, ctx: WorldCtx, o: Occurrence): Packet[] {
  if (o.outcome === 'dropped-out' || o.outcome === 'refused') return [];
  const tsC = intFor(ctx.seed, `${b.id}:tsc:${o.k}`, 1, 0x7fffffff);
  const tsS = intFor(ctx.seed, `${b.id}:tss:${o.k}`, 1, 0x7fffffff);
  const ts = (base: number, ms: number) => (base + Math.floor(ms)) >>> 0;
  const mk = (dt: number, outbound: boolean, rest: Partial<Packet>): Packet => ({
    time: o.connect + dt, iface: ctx.iface, family: 'inet', proto: 'tcp',
    src: outbound ? ctx.hostAddr : b.to.addr, dst: outbound ? b.to.addr : ctx.hostAddr,
    sport: outbound ? o.port : b.to.port, dport: outbound ? b.to.port : o.port, length: 0, ...rest,
  });
  const pkts: Packet[] = [];
  const syns = o.outcome === 'ok' ? 1 : synsSent(b.timeout - 1);
  for (let i = 0, at = 0; i < syns; i++, at = at * 2 + 1000) {
    pkts.push(mk(at, true, { flags: 'S', seq: o.isnClient, win: 64240,
      options: `mss 1460,sackOK,TS val ${ts(tsC, at)} ecr 0,nop,wscale 7` }));
    pkts.push(mk(at + o.rtt, false, { flags: 'S.', seq: o.isnServer, ack: (o.isnClient + 1) >>> 0, win: 65160,
      options: `mss 1460,sackOK,TS val ${ts(tsS, at + o.rtt)} ecr ${ts(tsC, at)},nop,wscale 7` }));
  }
  if (o.outcome !== 'ok') return pkts;
  // Each side echoes the TSval of the last segment it received: ours is the
  // last inbound one seen here; the peer's, the last outbound one sent a
  // round trip before (it reached the peer half a round trip later).
  const sent: { dt: number; val: number }[] = [{ dt: 0, val: ts(tsC, 0) }];
  let heard = ts(tsS, o.rtt);
  for (const s of exchange(b, o.rtt)) {
    const mine = s.out ? o.isnClient : o.isnServer;
    const theirs = s.out ? o.isnServer : o.isnClient;
    const tv = ts(s.out ? tsC : tsS, s.dt);
    let te = heard;
    if (s.out) sent.push({ dt: s.dt, val: tv });
    else {
      heard = tv;
      te = sent.filter((x) => x.dt <= s.dt - o.rtt).at(-1)?.val ?? ts(tsC, 0);
    }
    pkts.push(mk(s.dt, s.out, { flags: s.flags, seq: (mine + s.seq) >>> 0, seqEnd: (mine + s.seq + s.len) >>> 0,
      ack: (theirs + (s.ack ?? 0)) >>> 0, win: s.win, options: `nop,nop,TS val ${tv} ecr ${te}`, length: s.len }));
  }
  return pkts;
}

/** IP bytes of a segment: 20 of IP, 32 of TCP with timestamps (40 with a SYN's options). */
const SYN_BYTES = 60;
const SEG_HEADER = 52;

/**
 * Packets per check-in by direction and conntrack state, for the counters:
 * a successful one is the SYN, the SYN-ACK and the exchange, as tcpdump
 * shows them.
 */
function perCheckIn(b: Beacon, o: Outcome, syns: number) {
  if (o === 'ok') {
    const segs = exchange(b, 0);
    const sum = (out: boolean) => segs.filter((s) => s.out === out)
      .reduce((n, s) => n + SEG_HEADER + s.len, 0);
    return { outNew: 1, outEst: segs.filter((s) => s.out).length, outBytes: sum(true),
      inEst: 1 + segs.filter((s) => !s.out).length, inBytes: SYN_BYTES + sum(false) };
  }
  if (o === 'refused') return { outNew: 1, outEst: 0, inEst: 0, outBytes: 0, inBytes: 0 };
  return { outNew: syns, outEst: 0, inEst: o === 'dropped-in' ? syns : 0, outBytes: 0, inBytes: 0 };
}

/** Adds the beacon's packets up to t to the firewall counters, epoch by epoch. */
export function countTraffic(b: Beacon, ctx: WorldCtx, t: number, out: Collector): void {
  const stop = Math.min(stopAt(b, ctx), t);
  const starts = ctx.epochStarts;
  for (let e = 0; e < starts.length; e++) {
    const from = Math.max(starts[e]!, b.first);
    const until = Math.min(starts[e + 1] ?? Infinity, stop);
    if (until <= from) continue;
    const [lo, hi] = kRange(b, from, until - 1);
    if (hi < lo) continue;
    const sample = occurrence(b, ctx, lo);
    const fw = ctx.firewallAt(from);
    const outcome = outcomeUnder(fw, ctx, b, sample.port);
    const full = Math.max(0, hi - lo - 1);
    add(ctx, b, e, out, sample.port, perCheckIn(b, outcome, synsSent(b.timeout - 1)), full);
    for (let k = Math.max(lo, hi - 1); k <= hi; k++) {
      const o = occurrence(b, ctx, k);
      if (t < o.connect) continue;
      add(ctx, b, e, out, o.port, perCheckIn(b, outcome, synsSent(Math.min(t - o.connect, b.timeout - 1))), 1);
    }
  }
}

function add(
  ctx: WorldCtx, b: Beacon, epoch: number, out: Collector, sport: number,
  n: ReturnType<typeof perCheckIn>, times: number,
): void {
  if (times <= 0) return;
  const o: PacketMeta = { proto: 'tcp', src: ctx.hostAddr, dst: b.to.addr, sport, dport: b.to.port,
    outIface: ctx.iface, ctstate: 'NEW' };
  const i: PacketMeta = { proto: 'tcp', src: b.to.addr, dst: ctx.hostAddr, sport: b.to.port, dport: sport,
    inIface: ctx.iface, ctstate: 'ESTABLISHED' };
  if (n.outNew) out.count(epoch, 'OUTPUT', o, n.outNew * times, SYN_BYTES * n.outNew * times);
  if (n.outEst) out.count(epoch, 'OUTPUT', { ...o, ctstate: 'ESTABLISHED' }, n.outEst * times, n.outBytes * times);
  if (n.inEst) out.count(epoch, 'INPUT', i, n.inEst * times, (n.inBytes || SYN_BYTES * n.inEst) * times);
}

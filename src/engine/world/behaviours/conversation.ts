/**
 * The packets of an interactive TCP connection (an SSH session, a reverse
 * shell), for the firewall's counters and through them the interfaces'.
 * A connection is described by what each side had sent at a few moments
 * (its tcp_info: payload bytes and segments, as `ss -ti` shows them), so
 * the counters and the socket agree; each increase is counted in the
 * firewall epoch it happened in, with 52 bytes of IP and TCP header (with
 * timestamps) per segment. The opener's first segment is its SYN (60
 * bytes, conntrack NEW); everything else is ESTABLISHED.
 */
import type { PacketMeta } from '../firewall';
import type { Endpoint } from '../types';
import type { WorldCtx } from './context';
import type { Collector } from './module';

/** What each side had sent by `at` (cumulative). */
export interface Tally {
  at: number;
  bytesOut: number;
  segsOut: number;
  bytesIn: number;
  segsIn: number;
}

export interface Conversation {
  local: Endpoint;
  remote: Endpoint;
  /** True when the far end opened it (the host is the server). */
  server: boolean;
}

export const HEADER = 52;
const SYN = 60;

export function countConversation(
  ctx: WorldCtx, out: Collector, c: Conversation, tallies: readonly Tally[], t: number,
): void {
  const o: PacketMeta = { proto: 'tcp', src: c.local.addr, dst: c.remote.addr, sport: c.local.port,
    dport: c.remote.port, outIface: ctx.iface, ctstate: 'ESTABLISHED' };
  const i: PacketMeta = { proto: 'tcp', src: c.remote.addr, dst: c.local.addr, sport: c.remote.port,
    dport: c.local.port, inIface: ctx.iface, ctstate: 'ESTABLISHED' };
  let prev: Tally = { at: -Infinity, bytesOut: 0, segsOut: 0, bytesIn: 0, segsIn: 0 };
  for (const now of tallies) {
    if (now.at > t) break;
    const e = ctx.epochAt(now.at);
    let segsOut = now.segsOut - prev.segsOut;
    let segsIn = now.segsIn - prev.segsIn;
    if (prev.at === -Infinity) {
      // The SYN carries no data: one segment of the opener's side.
      if (c.server && segsIn > 0) {
        out.count(e, 'INPUT', { ...i, ctstate: 'NEW' }, 1, SYN);
        segsIn--;
      }
      if (!c.server && segsOut > 0) {
        out.count(e, 'OUTPUT', { ...o, ctstate: 'NEW' }, 1, SYN);
        segsOut--;
      }
    }
    const bytesOut = now.bytesOut - prev.bytesOut;
    const bytesIn = now.bytesIn - prev.bytesIn;
    if (segsOut > 0) out.count(e, 'OUTPUT', o, segsOut, bytesOut + HEADER * segsOut);
    if (segsIn > 0) out.count(e, 'INPUT', i, segsIn, bytesIn + HEADER * segsIn);
    prev = now;
  }
}

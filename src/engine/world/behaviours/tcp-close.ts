/**
 * A TCP connection after the last process holding it closed it (it exited
 * or was killed). The kernel keeps the orphaned socket: FIN-WAIT-1 while
 * the data still queued goes out and the FIN is acknowledged, FIN-WAIT-2
 * until the peer closes its side (about one round trip: the far end's nc
 * exits on EOF), then TIME-WAIT for 60 s. A closed socket has no inode
 * (no process can reach it). When the firewall drops the connection, the
 * FIN and the queue are retransmitted until the kernel gives up.
 */
import type { Flow, Socket } from '../types';
import { timewait } from './make';
import { retransCount } from './tcp-cut';

export interface Close {
  /** When the last holder closed the socket. */
  at: number;
  /** Bytes still in the send queue then, and the rate the peer takes them at (bytes/s). */
  queued: number;
  rate: number;
  /** Round trip, ms. */
  rtt: number;
  /** When the firewall started dropping the connection (Infinity: it does not). */
  cut: number;
  /** When the kernel gives up retransmitting to a peer it cannot reach. */
  giveUp: number;
}

const TIME_WAIT = 60_000;

/** The phases' end times: FIN acknowledged, peer's FIN received, TIME-WAIT over. */
function phases(c: Close): { finAcked: number; peerFin: number; gone: number } {
  if (c.at >= c.cut || c.at + drainMs(c) >= c.cut) return { finAcked: c.giveUp, peerFin: c.giveUp, gone: c.giveUp };
  const rtt = Math.max(1, Math.ceil(c.rtt));
  const finAcked = c.at + drainMs(c) + rtt;
  const peerFin = finAcked + rtt;
  return { finAcked, peerFin, gone: peerFin + TIME_WAIT };
}

const drainMs = (c: Close): number => (c.queued > 0 ? Math.ceil((c.queued / c.rate) * 1000) : 0);

/** When the closed socket is gone from the tables. */
export const closeEnd = (c: Close): number => phases(c).gone;

/** The orphaned socket at t (`live` is the socket as it was when closed), or null once gone. */
export function closedSocket(live: Socket, c: Close, t: number): Socket | null {
  const p = phases(c);
  if (t < c.at || t >= p.gone) return null;
  const base = { ...live, inode: 0, recvQ: 0 };
  if (t < p.finAcked) {
    const stuck = t >= c.cut;
    const sent = stuck ? 0 : Math.floor(((t - c.at) * c.rate) / 1000);
    const since = t - Math.max(c.cut, c.at);
    return {
      ...base, state: 'FIN-WAIT-1', sendQ: Math.max(0, c.queued - sent),
      timer: stuck
        ? { kind: 'on', expiresMs: 120_000 - (since % 120_000), retrans: retransCount(t - c.cut) }
        : { kind: 'on', expiresMs: 200 + (t % 37), retrans: 0 },
    };
  }
  if (t < p.peerFin) {
    return { ...base, state: 'FIN-WAIT-2', sendQ: 0, timer: timewait(t - p.finAcked) };
  }
  const { info: _i, cgroup: _c, ...rest } = base;
  return { ...rest, state: 'TIME-WAIT', sendQ: 0, uid: 0, timer: timewait(t - p.peerFin) };
}

/** conntrack's entry for the closing connection: FIN_WAIT, then TIME_WAIT for 120 s. */
export function closedFlow(orig: Flow['orig'], c: Close, t: number): Flow | null {
  const p = phases(c);
  const reply = { src: orig.dst, dst: orig.src, sport: orig.dport, dport: orig.sport };
  if (t < c.at) return null;
  if (t < p.peerFin) {
    const left = p.peerFin === c.giveUp ? 300 : 120;
    return { proto: 'tcp', state: 'FIN_WAIT', timeout: left - Math.floor((t - c.at) / 1000) % left,
      orig, reply, assured: true, mark: 0 };
  }
  if (t >= p.peerFin + 120_000) return null;
  return { proto: 'tcp', state: 'TIME_WAIT', timeout: Math.ceil((p.peerFin + 120_000 - t) / 1000),
    orig, reply, assured: true, mark: 0 };
}

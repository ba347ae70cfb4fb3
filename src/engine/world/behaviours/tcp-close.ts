/**
 * A TCP connection after the last process holding it closed it (it exited
 * or was killed). The kernel keeps the orphaned socket: FIN-WAIT-1 while
 * the data still queued goes out and the FIN is acknowledged, FIN-WAIT-2
 * until the peer closes its side (about one round trip: the far end's nc
 * exits on EOF), then TIME-WAIT for 60 s. A closed socket has no inode
 * (no process can reach it). When the firewall drops the connection, the
 * head of the queue (or the FIN) is retransmitted with the RTO doubling, and
 * the orphan is destroyed at the first expiry that tcp_orphan_retries (0,
 * read as 8) no longer allows. Send-Q is write_seq - snd_una, as the kernel
 * reports it: the unacknowledged FIN counts one.
 *
 * conntrack's hook in LOCAL_OUT (priority -200) runs before the filter
 * table's OUTPUT (0), so an OUTPUT DROP still lets conntrack see every
 * segment the socket sends: the FIN moves the entry to FIN_WAIT (120 s,
 * renewed by each retransmission); data retransmitted three times sets the
 * ESTABLISHED entry to nf_conntrack_tcp_timeout_max_retrans (300 s). An
 * INPUT DROP hits after conntrack's PRE_ROUTING hook too, so the same holds.
 */
import type { Flow, Socket } from '../types';
import { timewait } from './make';
import { retransTimes, stallAt, stallEnd, type Stall } from './tcp-cut';

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
  /** The RTO when the stall began (ms): the first retransmission waits this long. */
  rto: number;
  /** When the first segment still unacknowledged went out (default: the later of `at` and `cut`). */
  first?: number;
}

/** The stalled sender behind a close the firewall cuts. */
export const closeStall = (c: Close): Stall =>
  ({ first: c.first ?? Math.max(c.at, c.cut), base: c.rto, orphanAt: c.at });

const stuckClose = (c: Close): boolean => c.at >= c.cut || c.at + drainMs(c) >= c.cut;

const TIME_WAIT = 60_000;

/** The phases' end times: FIN acknowledged, peer's FIN received, TIME-WAIT over. */
function phases(c: Close): { finAcked: number; peerFin: number; gone: number } {
  if (stuckClose(c)) {
    const end = stallEnd(closeStall(c));
    return { finAcked: end, peerFin: end, gone: end };
  }
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
    if (stuckClose(c)) return stuckSocket(base, c, t);
    const sent = Math.floor(((t - c.at) * c.rate) / 1000);
    return { ...base, state: 'FIN-WAIT-1', sendQ: Math.max(0, c.queued - sent) + 1,
      timer: { kind: 'on', expiresMs: 200 + (t % 37), retrans: 0 } };
  }
  if (t < p.peerFin) {
    return { ...base, state: 'FIN-WAIT-2', sendQ: 0, timer: timewait(t - p.finAcked) };
  }
  const { info: _i, cgroup: _c, ...rest } = base;
  return { ...rest, state: 'TIME-WAIT', sendQ: 0, uid: 0, timer: timewait(t - p.peerFin) };
}

/** FIN-WAIT-1 behind a firewall: the queue and the FIN wait, the timer backs off. */
function stuckSocket(base: Socket, c: Close, t: number): Socket {
  const st = stallAt(closeStall(c), t);
  const sock: Socket = { ...base, state: 'FIN-WAIT-1', sendQ: c.queued + 1,
    timer: { kind: 'on', expiresMs: st.nextIn, retrans: st.retrans } };
  const i = base.info;
  if (!i) return sock;
  // What left since the close: the FIN (alone) or the head segment again, and each retransmission.
  const fin = c.queued === 0 ? 1 : 0;
  const again = closeRetrans(c, t).length;
  const data = fin ? 0 : again * i.mss;
  sock.info = { ...i, rto: st.rto, segsOut: i.segsOut + fin + again,
    dataSegsOut: (i.dataSegsOut ?? 0) + (fin ? 0 : again), bytesSent: i.bytesSent + data,
    lastsnd: t - Math.max(st.last, fin ? c.at : -Infinity),
    ...(st.retrans > 0 ? { retrans: [st.retrans, (i.retrans?.[1] ?? 0) + again] as [number, number] } : {}),
    ...(data > 0 ? { bytesRetrans: (i.bytesRetrans ?? 0) + data } : {}) };
  return sock;
}

/** The orphan's retransmissions up to t while a firewall drops them (none when it closes cleanly). */
export function closeRetrans(c: Close, t: number): number[] {
  return stuckClose(c) ? retransTimes(closeStall(c), t).filter((x) => x >= c.at) : [];
}

/** conntrack's entry for the closing connection: FIN_WAIT, then TIME_WAIT for 120 s. */
export function closedFlow(orig: Flow['orig'], c: Close, t: number): Flow | null {
  const p = phases(c);
  const reply = { src: orig.dst, dst: orig.src, sport: orig.dport, dport: orig.sport };
  if (t < c.at) return null;
  if (stuckClose(c)) return stuckFlow(orig, reply, c, t);
  if (t < p.peerFin) {
    return { proto: 'tcp', state: 'FIN_WAIT', timeout: 120 - Math.floor((t - c.at) / 1000),
      orig, reply, assured: true, mark: 0 };
  }
  if (t >= p.peerFin + 120_000) return null;
  return { proto: 'tcp', state: 'TIME_WAIT', timeout: Math.ceil((p.peerFin + 120_000 - t) / 1000),
    orig, reply, assured: true, mark: 0 };
}

/**
 * conntrack behind a firewall that drops the closing connection: a bare FIN
 * (nothing queued) makes it FIN_WAIT, 120 s from the last transmission;
 * a FIN behind unacknowledged data never leaves, so the entry stays
 * ESTABLISHED, 300 s from the last retransmission once there were three.
 */
function stuckFlow(orig: Flow['orig'], reply: Flow['reply'], c: Close, t: number): Flow | null {
  const s = closeStall(c);
  const st = stallAt(s, Math.min(t, stallEnd(s) - 1));
  const finOnly = c.queued === 0;
  const lastSeen = Math.max(st.retrans > 0 ? st.last : s.first, finOnly ? c.at : -Infinity);
  const life = finOnly ? 120_000 : st.retrans >= 3 ? 300_000 : 432_000_000;
  const left = lastSeen + life - t;
  if (left <= 0) return null;
  return { proto: 'tcp', state: finOnly ? 'FIN_WAIT' : 'ESTABLISHED', timeout: Math.ceil(left / 1000),
    orig, reply, assured: true, mark: 0 };
}

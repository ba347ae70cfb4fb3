/**
 * The `ss -i` line: the fields of tcp_info that ss prints, in ss's order,
 * each only when non-zero, exactly as tcp_stats_print words them.
 *
 * The world's TcpInfo lacks some kernel fields that ss prints (the BBR
 * block, pacing and delivery rates, delivered, rwnd_limited, unacked,
 * retrans, dsack_dups). When a socket's info carries them under the names
 * of `TcpInfoExtra` they are printed; otherwise they are left out.
 * `send` is computed from cwnd, mss and rtt, as ss does.
 */
import type { Socket, TcpInfo } from '../../world/types';
import { fmtFixed, fmtG, sprintBw } from './cformat';

/** Optional kernel fields beyond the world's TcpInfo. */
export interface TcpInfoExtra {
  bbr: { bw: number; mrtt: number; pacingGain?: number; cwndGain?: number };
  /** Bytes per second, as the kernel reports them. */
  pacingRate: number;
  deliveryRate: number;
  delivered: number;
  rwndLimitedMs: number;
  sndbufLimitedMs: number;
  unacked: number;
  retrans: [number, number];
  lost: number;
  dsackDups: number;
  reordSeen: number;
  rcvRtt: number;
}

type Info = TcpInfo & Partial<TcpInfoExtra>;

function bbrText(b: TcpInfoExtra['bbr'], numeric: boolean): string {
  let s = ` bbr:(bw:${sprintBw(b.bw * 8, numeric)}bps,mrtt:${fmtG(b.mrtt)}`;
  if (b.pacingGain) s += `,pacing_gain:${fmtG(b.pacingGain)}`;
  if (b.cwndGain) s += `,cwnd_gain:${fmtG(b.cwndGain)}`;
  return `${s})`;
}

function head(i: Info): string {
  let s = ` ${i.congestion}`;
  s += ` wscale:${i.wscale[0]},${i.wscale[1]}`;
  if (i.rto) s += ` rto:${fmtG(i.rto)}`;
  if (i.rtt) s += ` rtt:${fmtG(i.rtt)}/${fmtG(i.rttvar)}`;
  if (i.ato) s += ` ato:${fmtG(i.ato)}`;
  if (i.mss) s += ` mss:${i.mss}`;
  if (i.pmtu) s += ` pmtu:${i.pmtu}`;
  if (i.rcvmss) s += ` rcvmss:${i.rcvmss}`;
  if (i.advmss) s += ` advmss:${i.advmss}`;
  if (i.cwnd) s += ` cwnd:${i.cwnd}`;
  if (i.ssthresh) s += ` ssthresh:${i.ssthresh}`;
  return s;
}

function counters(i: Info): string {
  let s = '';
  if (i.bytesSent) s += ` bytes_sent:${i.bytesSent}`;
  if (i.bytesRetrans) s += ` bytes_retrans:${i.bytesRetrans}`;
  if (i.bytesAcked) s += ` bytes_acked:${i.bytesAcked}`;
  if (i.bytesReceived) s += ` bytes_received:${i.bytesReceived}`;
  if (i.segsOut) s += ` segs_out:${i.segsOut}`;
  if (i.segsIn) s += ` segs_in:${i.segsIn}`;
  if (i.dataSegsOut) s += ` data_segs_out:${i.dataSegsOut}`;
  if (i.dataSegsIn) s += ` data_segs_in:${i.dataSegsIn}`;
  return s;
}

function rates(i: Info, numeric: boolean): string {
  let s = '';
  if (i.bbr) s += bbrText(i.bbr, numeric);
  if (i.rtt > 0 && i.mss && i.cwnd) {
    s += ` send ${sprintBw((i.cwnd * i.mss * 8000) / i.rtt, numeric)}bps`;
  }
  if (i.lastsnd) s += ` lastsnd:${i.lastsnd}`;
  if (i.lastrcv) s += ` lastrcv:${i.lastrcv}`;
  if (i.lastack) s += ` lastack:${i.lastack}`;
  if (i.pacingRate) s += ` pacing_rate ${sprintBw(i.pacingRate * 8, numeric)}bps`;
  if (i.deliveryRate) s += ` delivery_rate ${sprintBw(i.deliveryRate * 8, numeric)}bps`;
  if (i.delivered) s += ` delivered:${i.delivered}`;
  if (i.appLimited) s += ' app_limited';
  if (i.busyMs) {
    s += ` busy:${i.busyMs}ms`;
    if (i.rwndLimitedMs) s += limited('rwnd', i.rwndLimitedMs, i.busyMs);
    if (i.sndbufLimitedMs) s += limited('sndbuf', i.sndbufLimitedMs, i.busyMs);
  }
  return s;
}

function limited(name: string, ms: number, busy: number): string {
  return ` ${name}_limited:${ms}ms(${fmtFixed((100 * ms) / busy, 1)}%)`;
}

function tail(i: Info): string {
  let s = '';
  if (i.unacked) s += ` unacked:${i.unacked}`;
  if (i.retrans && (i.retrans[0] || i.retrans[1])) s += ` retrans:${i.retrans[0]}/${i.retrans[1]}`;
  if (i.lost) s += ` lost:${i.lost}`;
  if (i.dsackDups) s += ` dsack_dups:${i.dsackDups}`;
  if (i.reordSeen) s += ` reord_seen:${i.reordSeen}`;
  if (i.rcvRtt) s += ` rcv_rtt:${fmtG(i.rcvRtt)}`;
  if (i.rcvSpace) s += ` rcv_space:${i.rcvSpace}`;
  if (i.rcvSsthresh) s += ` rcv_ssthresh:${i.rcvSsthresh}`;
  if (i.notsent) s += ` notsent:${i.notsent}`;
  if (i.minrtt) s += ` minrtt:${fmtG(i.minrtt)}`;
  if (i.sndWnd) s += ` snd_wnd:${i.sndWnd}`;
  return s;
}

/**
 * The text after "\n\t" for one TCP socket. A socket without info (a
 * listener) prints what a kernel reports for an idle listener.
 */
export function tcpInfoText(s: Socket, numeric: boolean, defaultCongestion: string): string {
  const i = s.info as Info | undefined;
  if (!i) return ` ${defaultCongestion} cwnd:10`;
  return head(i) + counters(i) + rates(i, numeric) + tail(i);
}

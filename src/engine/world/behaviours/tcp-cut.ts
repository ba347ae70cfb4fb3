/**
 * When a firewall change cuts an established connection, and what TCP does
 * then with what it has in flight: it retransmits with the RTO doubling
 * (RFC 6298, up to 120 s) and gives up at the first expiry past
 * tcp_retries2's time (about 15 minutes), or tcp_orphan_retries' for a
 * socket no process holds. The reverse shell and the exfil read these.
 */
import { packetVerdict } from '../firewall';
import type { WorldCtx } from './context';

/** The first firewall epoch from `from` on that stops the connection, or Infinity. */
export function cutAt(
  ctx: WorldCtx, from: number, local: { addr: string; port: number },
  remote: { addr: string; port: number },
): number {
  const key = `cut:${from}:${local.addr}:${local.port}:${remote.addr}:${remote.port}`;
  const known = ctx.memo.get(key) as number | undefined;
  if (known !== undefined) return known;
  const cut = firstCut(ctx, from, local, remote);
  ctx.memo.set(key, cut);
  return cut;
}

function firstCut(
  ctx: WorldCtx, from: number, local: { addr: string; port: number },
  remote: { addr: string; port: number },
): number {
  const start = ctx.epochAt(from);
  for (let e = start; e < ctx.epochStarts.length; e++) {
    const when = e === start ? from : ctx.epochStarts[e]!;
    const fw = ctx.firewallAt(when);
    const out = packetVerdict(fw, 'OUTPUT', { proto: 'tcp', src: local.addr, dst: remote.addr,
      sport: local.port, dport: remote.port, outIface: ctx.iface, ctstate: 'ESTABLISHED' });
    const back = packetVerdict(fw, 'INPUT', { proto: 'tcp', src: remote.addr, dst: local.addr,
      sport: remote.port, dport: local.port, inIface: ctx.iface, ctstate: 'ESTABLISHED' });
    if (out !== 'ACCEPT' || back !== 'ACCEPT') return when;
  }
  return Infinity;
}

/** TCP_RTO_MAX: the retransmission timer never backs off beyond 120 s. */
export const RTO_MAX = 120_000;

/** tcp_retries2 = 15 and tcp_orphan_retries = 0 (which the kernel reads as 8). */
export const RETRIES2 = 15;
export const ORPHAN_RETRIES = 8;

/**
 * How long the kernel retransmits before it gives up after `retries`
 * (tcp_model_timeout): the sum of the first retries+1 RTOs from TCP_RTO_MIN
 * (200 ms), doubling up to RTO_MAX. 15 gives 924.6 s, 8 gives 102.2 s, 0 gives 200 ms.
 */
export function retriesTimeout(retries: number): number {
  let sum = 0;
  for (let k = 0, rto = 200; k <= retries; k++, rto = Math.min(rto * 2, RTO_MAX)) sum += rto;
  return sum;
}

/** The RTO before the k-th expiry (k from 1): `base` doubled k-1 times, capped. */
const rtoBefore = (base: number, k: number): number => Math.min(base * 2 ** (k - 1), RTO_MAX);

/** When the k-th retransmission timer expires, in ms after the first unacknowledged send. */
export function expiryAt(base: number, k: number): number {
  let sum = 0;
  for (let j = 1; j <= k; j++) sum += rtoBefore(base, j);
  return sum;
}

/**
 * A stalled sender: the first unacknowledged segment left at `first`; each
 * expiry of the timer retransmits it and doubles the RTO from `base`.
 * `orphanAt` is when the last process closed the socket (Infinity: never):
 * from then on an expiry checks tcp_orphan_retries instead of tcp_retries2
 * (8 while the RTO is below its cap, none once it reached it).
 */
export interface Stall {
  first: number;
  base: number;
  orphanAt: number;
}

/** When the kernel gives up on the stalled connection (the expiry that does not retransmit). */
export function stallEnd(s: Stall): number {
  if (!Number.isFinite(s.first)) return Infinity;
  for (let k = 1; ; k++) {
    const at = s.first + expiryAt(s.base, k);
    const orphan = at >= s.orphanAt;
    const retries = !orphan ? RETRIES2 : rtoBefore(s.base, k) < RTO_MAX ? ORPHAN_RETRIES : 0;
    if (at - s.first >= retriesTimeout(retries)) return at;
  }
}

/** The retransmissions' times up to (and including) t, before the connection ends. */
export function retransTimes(s: Stall, t: number): number[] {
  const end = Math.min(t, stallEnd(s) - 1);
  const out: number[] = [];
  for (let k = 1; s.first + expiryAt(s.base, k) <= end; k++) out.push(s.first + expiryAt(s.base, k));
  return out;
}

/** What ss shows of a stalled sender at t: retransmissions, the backed-off RTO, the time to the next expiry. */
export function stallAt(s: Stall, t: number): { retrans: number; rto: number; nextIn: number; last: number } {
  const n = retransTimes(s, t).length;
  return { retrans: n, rto: Math.min(s.base * 2 ** n, RTO_MAX),
    nextIn: s.first + expiryAt(s.base, n + 1) - t, last: s.first + expiryAt(s.base, n) };
}

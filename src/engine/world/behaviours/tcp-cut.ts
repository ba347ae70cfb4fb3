/**
 * When a firewall change cuts an established connection, and what TCP does
 * then: it retransmits with the RTO doubling from 200 ms (up to 120 s) and
 * gives up after tcp_retries2 (15 retransmissions, about 15 minutes). The
 * reverse shell and the exfil read these.
 */
import { packetVerdict } from '../firewall';
import type { WorldCtx } from './context';

/** tcp_retries2 = 15: how long unacknowledged data is retransmitted. */
export const RETRANS_GIVE_UP = 924_600;

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

/** Retransmissions after `ms` with RTO doubling from 200 ms up to 120 s. */
export function retransCount(ms: number): number {
  let rto = 200;
  let elapsed = 0;
  let n = 0;
  while (elapsed + rto <= ms && n < 15) {
    elapsed += rto;
    rto = Math.min(rto * 2, 120_000);
    n++;
  }
  return n;
}

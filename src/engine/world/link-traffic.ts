/**
 * The interfaces' packet and byte counters at time t. The scenario gives
 * (or the baseline draws) each link's counters at the alert ("now"), with
 * the timeline's traffic up to then already in them (scenario/compile.ts
 * adds it); at any other time a link carries what the world's connections
 * sent and received on it between now and t, more or less. Those packets
 * are the ones the behaviours count on the firewall (beacons, the exfil,
 * the reverse shell, SSH sessions), so `ip -s link` and `iptables -L -v`
 * rise together: every packet INPUT sees arrived on its interface (RX),
 * every packet OUTPUT lets through leaves by one (TX); a packet OUTPUT
 * drops never reaches the wire. Ethernet frames add a 14-byte header.
 */
import { packetVerdict, type PacketMeta } from './firewall';
import type { Firewall, Interface, LinkKind } from './types';

export interface LinkTally {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

/** Per interface name: what the world's connections carried on it up to t. */
export type LinkTallies = Map<string, LinkTally>;

const FRAMED: ReadonlySet<LinkKind> = new Set<LinkKind>(['ether', 'veth', 'bridge']);
const ETH_HEADER = 14;

/** Adds `packets` packets like `pkt` that went through `chain` under `fw` to the links' tallies. */
export function tallyLink(
  links: LinkTallies, fw: Firewall, chain: 'INPUT' | 'OUTPUT', pkt: PacketMeta,
  packets: number, bytes: number,
): void {
  const name = chain === 'INPUT' ? pkt.inIface : pkt.outIface;
  if (name === undefined) return;
  if (chain === 'OUTPUT' && packetVerdict(fw, 'OUTPUT', pkt) !== 'ACCEPT') return;
  const l = links.get(name) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
  if (chain === 'INPUT') {
    l.rxPackets += packets;
    l.rxBytes += bytes;
  } else {
    l.txPackets += packets;
    l.txBytes += bytes;
  }
  links.set(name, l);
}

/**
 * The links at t: their counters at now plus what was carried between now
 * and t (`at` minus `ref`, the tallies at now without the trainee's
 * actions). Links with nothing to add are returned as they are.
 */
export function linksAt(list: Interface[], at: LinkTallies, ref: LinkTallies): Interface[] {
  let changed = false;
  const out = list.map((link) => {
    const a = at.get(link.name);
    const r = ref.get(link.name);
    if (!a && !r) return link;
    const d = (k: keyof LinkTally) => (a?.[k] ?? 0) - (r?.[k] ?? 0);
    const [rxPackets, txPackets] = [d('rxPackets'), d('txPackets')];
    if (rxPackets === 0 && txPackets === 0 && d('rxBytes') === 0 && d('txBytes') === 0) return link;
    changed = true;
    const frame = FRAMED.has(link.kind) ? ETH_HEADER : 0;
    const s = link.stats;
    return {
      ...link,
      stats: {
        ...s,
        rxPackets: Math.max(0, s.rxPackets + rxPackets),
        rxBytes: Math.max(0, s.rxBytes + d('rxBytes') + frame * rxPackets),
        txPackets: Math.max(0, s.txPackets + txPackets),
        txBytes: Math.max(0, s.txBytes + d('txBytes') + frame * txPackets),
      },
    };
  });
  return changed ? out : list;
}

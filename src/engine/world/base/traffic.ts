/**
 * One account of the host's traffic since boot: the firewall's counters and
 * the interfaces' counters describe the same packets. Every packet the
 * INPUT chain counts arrived on an interface (RX), every packet OUTPUT
 * counts left by one (TX); the interfaces also carry what the chains never
 * see (ARP, dropped frames) and a link layer header of 14 bytes per frame
 * on Ethernet. Loopback traffic is what the `-i lo` rule accepts, and what
 * the host sends (OUTPUT policy) is the transmit side of both links. What
 * eth0 received beyond the rules' counts, bar ARP, is INPUT's policy count.
 */
import type { Firewall, FirewallChain, Interface } from '../types';

const ETH_HEADER = 14;

interface Totals { packets: number; bytes: number }

function filterChain(fw: Firewall, name: string): FirewallChain | undefined {
  return fw.tables.find((t) => t.name === 'filter')?.chains.find((c) => c.name === name);
}

function chainTotals(c: FirewallChain | undefined, skipLo: boolean): Totals {
  const out = { packets: c?.packets ?? 0, bytes: c?.bytes ?? 0 };
  for (const r of c?.rules ?? []) {
    if (skipLo && r.inIface === 'lo' && !r.inIfaceNegated) continue;
    out.packets += r.packets;
    out.bytes += r.bytes;
  }
  return out;
}

/** Makes the counters of a standard baseline tell one story (mutates both). */
export function reconcileTraffic(interfaces: Interface[], fw: Firewall): void {
  const lo = interfaces.find((i) => i.kind === 'loopback');
  const eth = interfaces.find((i) => i.kind !== 'loopback' && i.stats.rxBytes > 0);
  const input = filterChain(fw, 'INPUT');
  const loRule = input?.rules.find((r) => r.inIface === 'lo' && !r.inIfaceNegated && r.packets === 0);
  if (lo && loRule) {
    loRule.packets = lo.stats.rxPackets;
    loRule.bytes = lo.stats.rxBytes;
  }
  if (!eth) return;
  const own = { packets: eth.stats.rxPackets, bytes: eth.stats.rxBytes };
  coverInput(eth, chainTotals(input, true));
  if (input && input.packets === 0 && input.bytes === 0) policyTakesTheRest(input, own);
  const output = filterChain(fw, 'OUTPUT');
  if (output && output.packets === 0 && output.rules.length === 0 && output.policy === 'ACCEPT') {
    const s = eth.stats;
    output.packets = s.txPackets + (lo?.stats.txPackets ?? 0);
    output.bytes = s.txBytes - ETH_HEADER * s.txPackets + (lo?.stats.txBytes ?? 0);
  }
}

const ARP_FRAME = 60;
/** One frame in this many of what no rule counted is ARP, which the chains never see. */
const ARP_SHARE = 50;

/**
 * The packets RX had before the rules' share (scanners, stray probes,
 * broadcasts) went through INPUT too and matched no rule: the policy counts
 * them, all but the ARP frames, so rules + policy = what INPUT saw.
 */
function policyTakesTheRest(input: FirewallChain, own: Totals): void {
  const arp = Math.floor(own.packets / ARP_SHARE);
  const packets = own.packets - arp;
  input.packets = packets;
  input.bytes = Math.max(0, own.bytes - ARP_FRAME * arp - ETH_HEADER * packets);
}

/** RX carries what INPUT counted, with the frames' headers, plus its own share. */
export function coverInput(eth: Interface, input: Totals): void {
  const s = eth.stats;
  s.rxPackets += input.packets;
  s.rxBytes += input.bytes + ETH_HEADER * input.packets;
}

/** TX carries what OUTPUT counted, with the frames' headers. */
export function coverOutput(eth: Interface, output: Totals): void {
  const s = eth.stats;
  s.txPackets += output.packets;
  s.txBytes += output.bytes + ETH_HEADER * output.packets;
}

export { chainTotals, filterChain };

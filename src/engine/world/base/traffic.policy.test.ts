import { describe, expect, it } from 'vitest';
import type { Firewall, FirewallRule, Interface } from '../types';
import { reconcileTraffic } from './traffic';

const rule = (r: Partial<FirewallRule>): FirewallRule => ({ target: 'ACCEPT', packets: 0, bytes: 0, ...r });

function link(name: string, kind: Interface['kind'], rx: number, rxBytes: number): Interface {
  return { name, kind, stats: { rxPackets: rx, rxBytes, txPackets: 10, txBytes: 1000 } } as unknown as Interface;
}

describe('INPUT policy counters', () => {
  it('take what eth0 received that no rule counted, bar ARP: rules + policy = INPUT', () => {
    const eth = link('eth0', 'ether', 10_000, 1_000_000);
    const lo = link('lo', 'loopback', 50, 5000);
    const fw: Firewall = { backend: 'nf_tables', tables: [{ name: 'filter', chains: [
      { name: 'INPUT', policy: 'DROP', packets: 0, bytes: 0, rules: [
        rule({ inIface: 'lo' }), rule({ ctstate: ['ESTABLISHED'], packets: 3000, bytes: 900_000 }),
      ] },
      { name: 'OUTPUT', policy: 'ACCEPT', packets: 0, bytes: 0, rules: [] },
    ] }] };
    reconcileTraffic([lo, eth], fw);
    const input = fw.tables[0]!.chains[0]!;
    expect(eth.stats.rxPackets).toBe(13_000);
    expect(input.packets).toBe(10_000 - 200);
    expect(input.bytes).toBe(1_000_000 - 60 * 200 - 14 * 9800);
    const ruled = input.rules.reduce((n, r) => n + (r.inIface === 'lo' ? 0 : r.packets), 0);
    expect(ruled + input.packets + 200).toBe(eth.stats.rxPackets);
  });

  it('keeps counters the scenario gives', () => {
    const eth = link('eth0', 'ether', 10_000, 1_000_000);
    const fw: Firewall = { backend: 'nf_tables', tables: [{ name: 'filter', chains: [
      { name: 'INPUT', policy: 'DROP', packets: 7, bytes: 420, rules: [] },
    ] }] };
    reconcileTraffic([eth], fw);
    expect(fw.tables[0]!.chains[0]!.packets).toBe(7);
  });
});

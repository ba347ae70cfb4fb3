import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';
import type { HostState } from '../types';
import { chainTotals, filterChain } from './traffic';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

function sums(w: HostState) {
  const eth = w.interfaces.find((i) => i.name === 'eth0')!.stats;
  const tx = w.interfaces.reduce((n, i) => n + i.stats.txBytes, 0);
  const txPackets = w.interfaces.reduce((n, i) => n + i.stats.txPackets, 0);
  return { eth, tx, txPackets, input: chainTotals(filterChain(w.firewall, 'INPUT'), true),
    output: chainTotals(filterChain(w.firewall, 'OUTPUT'), false) };
}

describe('base traffic: firewall and interface counters count the same packets', () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const s = r.scenario;

  it('has INPUT within eth0 RX and OUTPUT within the links TX, at the alert and before', () => {
    for (const t of [s.now, s.now - 7_200_000]) {
      const x = sums(s.worldAt(t));
      expect(x.input.bytes).toBeLessThanOrEqual(x.eth.rxBytes);
      expect(x.input.packets).toBeLessThanOrEqual(x.eth.rxPackets);
      expect(x.output.bytes).toBeLessThanOrEqual(x.tx);
      expect(x.output.packets).toBeLessThanOrEqual(x.txPackets);
      expect(x.output.packets).toBeGreaterThan(0);
    }
  });

  it('counts loopback traffic on the -i lo rule', () => {
    const w = s.worldAt(s.now);
    const lo = w.interfaces.find((i) => i.kind === 'loopback')!.stats;
    const rule = filterChain(w.firewall, 'INPUT')!.rules.find((x) => x.inIface === 'lo')!;
    expect([rule.packets, rule.bytes]).toEqual([lo.rxPackets, lo.rxBytes]);
  });
});

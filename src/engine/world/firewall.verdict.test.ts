import { describe, expect, it } from 'vitest';
import { web01 } from '../../../test/fixtures/web01';
import {
  applyFirewallOp, applyUfwOp, countVerdict, inCidr, packetVerdict, ruleMatches, ufwVerdict, verdict,
} from './firewall';
import type { PacketMeta } from './firewall';
import type { UfwRule } from './types';

const beacon: PacketMeta = {
  proto: 'tcp', src: '10.10.0.5', dst: '198.51.100.23', sport: 40100, dport: 8443,
  outIface: 'eth0', ctstate: 'NEW',
};

describe('rule matching', () => {
  it('matches CIDRs, negation, interfaces and ports', () => {
    expect(inCidr('198.51.100.23', '198.51.100.0/24')).toBe(true);
    expect(inCidr('198.51.101.23', '198.51.100.0/24')).toBe(false);
    expect(inCidr('10.1.2.3', '0.0.0.0/0')).toBe(true);
    const masq = web01().firewall.tables[1]?.chains[3]?.rules[0];
    expect(masq && ruleMatches(masq, { ...beacon, src: '172.17.0.2', outIface: 'eth0' })).toBe(true);
    expect(masq && ruleMatches(masq, { ...beacon, src: '172.17.0.2', outIface: 'docker0' })).toBe(false);
    const base = { target: 'DROP', packets: 0, bytes: 0 };
    expect(ruleMatches({ ...base, inIface: 'eth+' }, { ...beacon, inIface: 'eth0' })).toBe(true);
    expect(ruleMatches({ ...base, protocol: 'tcp', dport: [8000, 9000] }, beacon)).toBe(true);
    expect(ruleMatches({ ...base, protocol: 'udp' }, beacon)).toBe(false);
    expect(ruleMatches({ ...base, ctstate: ['ESTABLISHED'] }, beacon)).toBe(false);
  });
});

describe('verdict', () => {
  it('lets the beacon out by policy, then drops it once a DROP rule is appended', () => {
    const fw = web01().firewall;
    expect(verdict(fw, 'OUTPUT', beacon)).toEqual({ target: 'ACCEPT', hits: [], byPolicy: true });
    const rule = { destination: '198.51.100.23/32', target: 'DROP', packets: 0, bytes: 0 };
    const blocked = applyFirewallOp(fw, 'filter', { kind: 'append', chain: 'OUTPUT', rule });
    const v = verdict(blocked, 'OUTPUT', beacon);
    expect(v).toEqual({ target: 'DROP', hits: [{ chain: 'OUTPUT', index: 0 }], byPolicy: false });
    const counted = countVerdict(blocked, 'filter', 'OUTPUT', v, 60);
    const out = counted.tables[0]?.chains.find((c) => c.name === 'OUTPUT');
    expect(out?.rules[0]).toMatchObject({ packets: 1, bytes: 60 });
    expect(out?.packets).toBe(0);
  });

  it('walks user chains and returns from them', () => {
    let fw = web01().firewall;
    fw = applyFirewallOp(fw, 'filter', { kind: 'new-chain', chain: 'C2' });
    fw = applyFirewallOp(fw, 'filter', {
      kind: 'append', chain: 'C2', rule: { destination: '203.0.113.0/24', target: 'REJECT', packets: 0, bytes: 0 },
    });
    fw = applyFirewallOp(fw, 'filter', { kind: 'append', chain: 'OUTPUT', rule: { target: 'C2', packets: 0, bytes: 0 } });
    expect(verdict(fw, 'OUTPUT', beacon).target).toBe('ACCEPT');
    expect(verdict(fw, 'OUTPUT', { ...beacon, dst: '203.0.113.45' }).target).toBe('REJECT');
  });

  it('drops a new inbound connection by the INPUT policy, counting the policy', () => {
    const fw = web01().firewall;
    const syn: PacketMeta = { proto: 'tcp', src: '203.0.113.45', dst: '10.10.0.5', sport: 50000, dport: 4444, inIface: 'eth0', ctstate: 'NEW' };
    const v = verdict(fw, 'INPUT', syn);
    expect(v).toMatchObject({ target: 'DROP', byPolicy: true });
    const counted = countVerdict(fw, 'filter', 'INPUT', v, 60);
    expect(counted.tables[0]?.chains[0]).toMatchObject({ packets: 1, bytes: 60 });
    expect(verdict(fw, 'INPUT', { ...syn, dport: 31337 }).target).toBe('ACCEPT');
  });
});

describe('ufw verdicts', () => {
  const ufwOut = (rule: Partial<UfwRule>) => applyUfwOp(web01().firewall, {
    kind: 'rule',
    rule: { to: 'Anywhere', action: 'DENY', direction: 'OUT', from: 'Anywhere', v6: false, ...rule },
  });

  it('blocks the beacon once `ufw deny out to C2` is applied', () => {
    expect(packetVerdict(web01().firewall, 'OUTPUT', beacon)).toBe('ACCEPT');
    const fw = ufwOut({ to: '198.51.100.23' });
    expect(ufwVerdict(fw, 'OUT', beacon)).toBe('DROP');
    expect(packetVerdict(fw, 'OUTPUT', beacon)).toBe('DROP');
    expect(packetVerdict(fw, 'OUTPUT', { ...beacon, dst: '198.51.100.24' })).toBe('ACCEPT');
    expect(packetVerdict(fw, 'OUTPUT', { ...beacon, ctstate: 'ESTABLISHED' })).toBe('ACCEPT');
  });

  it('matches ports, protocols and sources of inbound rules', () => {
    const fw = web01().firewall;
    const ssh: PacketMeta = { proto: 'tcp', src: '198.51.100.9', dst: '10.10.0.5', sport: 50000, dport: 22, inIface: 'eth0', ctstate: 'NEW' };
    expect(ufwVerdict(fw, 'IN', ssh)).toBe('ACCEPT');
    expect(ufwVerdict(fw, 'IN', { ...ssh, dport: 4444 })).toBe('DROP');
    expect(ufwVerdict(fw, 'IN', { ...ssh, proto: 'udp' })).toBe('DROP');
    const narrowed = ufwOut({ to: '22/tcp', direction: 'IN', from: '198.51.100.0/24', action: 'REJECT' });
    expect(ufwVerdict(narrowed, 'IN', ssh)).toBe('ACCEPT');
    const first = { ...narrowed, ufw: narrowed.ufw && { ...narrowed.ufw, rules: [...narrowed.ufw.rules].reverse() } };
    expect(ufwVerdict(first, 'IN', { ...ssh, src: '198.51.100.9' })).toBe('REJECT');
    expect(ufwVerdict(applyUfwOp(fw, { kind: 'disable' }), 'IN', ssh)).toBeNull();
  });

  it('lets an iptables rule decide before ufw', () => {
    const fw = applyFirewallOp(ufwOut({ to: '198.51.100.23' }), 'filter', {
      kind: 'insert', chain: 'OUTPUT', position: 1, rule: { destination: '198.51.100.23/32', target: 'ACCEPT', packets: 0, bytes: 0 },
    });
    expect(packetVerdict(fw, 'OUTPUT', beacon)).toBe('ACCEPT');
  });
});

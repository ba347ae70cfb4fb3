import { describe, expect, it } from 'vitest';
import { web01 } from '../../../test/fixtures/web01';
import { iptablesTool } from '../tools/iptables/iptables';
import type { ToolResult } from '../tools/types';
import { applyFirewallOp, applyUfwOp, getTable } from './firewall';
import type { Firewall, HostState } from './types';

function ipt(world: HostState, ...args: string[]): ToolResult {
  return iptablesTool.run({
    argv: ['iptables', ...args], stdin: '', world, uid: 0, user: 'root', cwd: '/root',
    env: new Map(), shellPid: 1,
  });
}

function applyAll(world: HostState, res: ToolResult): HostState {
  let fw: Firewall = world.firewall;
  for (const e of res.events ?? []) if (e.type === 'firewall') fw = applyFirewallOp(fw, e.table, e.op);
  return { ...world, firewall: fw };
}

const chain = (fw: Firewall, name: string) =>
  getTable(fw, 'filter').chains.find((c) => c.name === name);

describe('applying iptables events', () => {
  it('appends a DROP for the C2 address, and iptables -L then shows it', () => {
    const before = web01();
    const res = ipt(before, '-A', 'OUTPUT', '-d', '198.51.100.23', '-j', 'DROP');
    expect(res).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const after = applyAll(before, res);
    expect(ipt(after, '-L', 'OUTPUT', '-n').stdout).toBe(
      'Chain OUTPUT (policy ACCEPT)\n'
      + 'target     prot opt source               destination         \n'
      + 'DROP       0    --  0.0.0.0/0            198.51.100.23       \n',
    );
    expect(ipt(after, '-S', 'OUTPUT').stdout).toBe('-P OUTPUT ACCEPT\n-A OUTPUT -d 198.51.100.23/32 -j DROP\n');
    expect(chain(before.firewall, 'OUTPUT')?.rules).toHaveLength(0);
  });

  it('inserts at a 1-based position and deletes by number', () => {
    const w = applyAll(web01(), ipt(web01(), '-I', 'INPUT', '2', '-s', '203.0.113.45', '-j', 'DROP'));
    expect(chain(w.firewall, 'INPUT')?.rules[1]).toMatchObject({ source: '203.0.113.45/32', target: 'DROP' });
    const w2 = applyAll(w, ipt(w, '-D', 'INPUT', '1'));
    expect(chain(w2.firewall, 'INPUT')?.rules.map((r) => r.dport ?? null).slice(0, 2)).toEqual([null, null]);
    expect(chain(w2.firewall, 'INPUT')?.rules).toHaveLength(6);
  });

  it('deletes the attacker rule by its spec', () => {
    const w = applyAll(web01(), ipt(web01(), '-D', 'INPUT', '-p', 'tcp', '--dport', '31337', '-j', 'ACCEPT'));
    expect(chain(w.firewall, 'INPUT')?.rules.some((r) => r.dport === 31337)).toBe(false);
  });

  it('sets a policy, flushes, creates and deletes a chain', () => {
    let w = applyAll(web01(), ipt(web01(), '-P', 'OUTPUT', 'DROP'));
    expect(chain(w.firewall, 'OUTPUT')?.policy).toBe('DROP');
    w = applyAll(w, ipt(w, '-F', 'INPUT'));
    expect(chain(w.firewall, 'INPUT')?.rules).toHaveLength(0);
    w = applyAll(w, ipt(w, '-N', 'C2BLOCK'));
    expect(ipt(w, '-S', 'C2BLOCK').stdout).toBe('-N C2BLOCK\n');
    w = applyAll(w, ipt(w, '-X', 'C2BLOCK'));
    expect(chain(w.firewall, 'C2BLOCK')).toBeUndefined();
  });

  it('creates a table that the world did not list', () => {
    const w = applyAll(web01(), ipt(web01(), '-t', 'raw', '-A', 'PREROUTING', '-j', 'ACCEPT'));
    expect(getTable(w.firewall, 'raw').chains[0]?.rules).toHaveLength(1);
  });

  it('applies ufw ops, IPv4 rules before IPv6 ones', () => {
    const fw = web01().firewall;
    const rule = { to: 'Anywhere', action: 'DENY' as const, direction: 'OUT' as const, from: 'Anywhere', v6: false };
    const next = applyUfwOp(fw, { kind: 'rule', rule });
    expect(next.ufw?.rules[3]).toEqual(rule);
    expect(applyUfwOp(next, { kind: 'delete', number: 4 }).ufw?.rules).toEqual(fw.ufw?.rules);
    expect(applyUfwOp(fw, { kind: 'disable' }).ufw?.enabled).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { applyUfwOp, verdict } from '../../world/firewall';
import type { HostState, UfwOp } from '../../world/types';
import { iptablesTool } from '../iptables/iptables';
import { nftTool } from '../nft/nft';
import { ufwTool } from './ufw';

/** web01 with ufw installed but off, and the ufw commands applied in order. */
function after(...commands: string[][]): HostState {
  const w = web01();
  let world: HostState = { ...w, firewall: { ...w.firewall, ufw: { ...w.firewall.ufw!, enabled: false, rules: [] } } };
  for (const argv of commands) {
    const res = ufwTool.run({ argv: ['ufw', ...argv], stdin: '', world, uid: 0, user: 'root',
      cwd: '/root', env: new Map(), shellPid: 1 });
    expect(res.exitCode).toBe(0);
    let fw = world.firewall;
    for (const e of res.events ?? []) if (e.type === 'ufw') fw = applyUfwOp(fw, e.op as UfwOp);
    world = { ...world, firewall: fw };
  }
  return world;
}

function tool(t: typeof iptablesTool, world: HostState, argv: string[]): string {
  return t.run({ argv, stdin: '', world, uid: 0, user: 'root', cwd: '/root', env: new Map(), shellPid: 1 }).stdout;
}

const C2 = '198.51.100.23';

describe('ufw chains in iptables and nft', () => {
  it('ufw enable loads ufw\'s chains after the host\'s own rules; the user rule sits in ufw-user-output', () => {
    const w = after(['deny', 'out', 'to', C2], ['--force', 'enable']);
    const s = tool(iptablesTool, w, ['iptables', '-S']);
    expect(s).toBe(EXPECTED_S);
  });

  it('the DROP the model applies is the rule that counts the packet', () => {
    const w = after(['deny', 'out', 'to', C2], ['--force', 'enable']);
    const syn = { proto: 'tcp' as const, src: '10.10.0.5', dst: C2, sport: 40000, dport: 443,
      outIface: 'eth0', ctstate: 'NEW' };
    const v = verdict(w.firewall, 'OUTPUT', syn);
    expect(v.target).toBe('DROP');
    expect(v.hits.map((h) => h.chain)).toEqual(['OUTPUT', 'OUTPUT', 'ufw-before-output', 'ufw-user-output']);
    expect(verdict(w.firewall, 'OUTPUT', { ...syn, ctstate: 'ESTABLISHED' }).target).toBe('ACCEPT');
    expect(verdict(w.firewall, 'OUTPUT', { ...syn, dst: '192.0.2.9' }).target).toBe('ACCEPT');
  });

  it('nft shows the same chains in the order iptables-nft created them', () => {
    const w = after(['deny', 'out', 'to', C2], ['--force', 'enable']);
    const chains = [...tool(nftTool, w, ['nft', 'list', 'table', 'ip', 'filter']).matchAll(/chain (\S+) \{/g)].map((m) => m[1]);
    // OUTPUT and FORWARD held nothing, so iptables-nft creates them with ufw's jumps.
    expect(chains).toEqual(['INPUT', ...['before-logging', 'before', 'after', 'after-logging',
      'reject', 'track'].flatMap((s) => ['input', 'output', 'forward'].map((d) => `ufw-${s}-${d}`)),
    'OUTPUT', 'FORWARD', 'ufw-logging-deny', 'ufw-logging-allow', 'ufw-skip-to-policy-input',
    'ufw-skip-to-policy-output', 'ufw-skip-to-policy-forward', 'ufw-not-local', 'ufw-user-input',
    'ufw-user-output', 'ufw-user-forward', 'ufw-user-logging-input', 'ufw-user-logging-output',
    'ufw-user-logging-forward', 'ufw-user-limit', 'ufw-user-limit-accept']);
    expect(tool(nftTool, w, ['nft', 'list', 'chain', 'ip', 'filter', 'ufw-user-output'])).toContain(
      `\tchain ufw-user-output {\n\t\tip daddr ${C2} counter packets 0 bytes 0 drop\n\t}\n`);
  });

  it('allow, reject and limit rules as ufw writes them', () => {
    const w = after(['--force', 'enable'], ['allow', '22'], ['reject', 'out', 'to', C2, 'port', '443', 'proto', 'tcp'],
      ['limit', 'ssh'], ['allow', 'from', '192.0.2.0/24', 'to', 'any', 'port', '80,443', 'proto', 'tcp']);
    const user = tool(iptablesTool, w, ['iptables', '-S']).split('\n').filter((l) => l.startsWith('-A ufw-user-'));
    expect(user).toEqual([
      '-A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT',
      '-A ufw-user-input -p udp -m udp --dport 22 -j ACCEPT',
      '-A ufw-user-input -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m recent --set --name DEFAULT --mask 255.255.255.255 --rsource',
      '-A ufw-user-input -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 30 --hitcount 6 --name DEFAULT --mask 255.255.255.255 --rsource -j ufw-user-limit',
      '-A ufw-user-input -p tcp -m tcp --dport 22 -j ufw-user-limit-accept',
      '-A ufw-user-input -s 192.0.2.0/24 -p tcp -m multiport --dports 80,443 -j ACCEPT',
      '-A ufw-user-limit -m limit --limit 3/min -j LOG --log-prefix "[UFW LIMIT BLOCK] "',
      '-A ufw-user-limit -j REJECT --reject-with icmp-port-unreachable',
      '-A ufw-user-limit-accept -j ACCEPT',
      `-A ufw-user-output -d ${C2}/32 -p tcp -m tcp --dport 443 -j REJECT --reject-with tcp-reset`,
    ]);
  });

  it('ufw disable leaves the primary chains empty with their jumps and the policies ACCEPT', () => {
    const w = after(['deny', 'out', 'to', C2], ['--force', 'enable'], ['disable']);
    const s = tool(iptablesTool, w, ['iptables', '-S']).split('\n');
    expect(s.slice(0, 3)).toEqual(['-P INPUT ACCEPT', '-P FORWARD ACCEPT', '-P OUTPUT ACCEPT']);
    expect(s.filter((l) => l.startsWith('-N')).length).toBe(18);
    expect(s.filter((l) => l.startsWith('-A ufw'))).toEqual([]);
    const again = after(['deny', 'out', 'to', C2], ['--force', 'enable'], ['disable'], ['--force', 'enable']);
    expect(tool(iptablesTool, again, ['iptables', '-S'])).toBe(EXPECTED_S);
  });
});

const EXPECTED_S = `-P INPUT DROP
-P FORWARD DROP
-P OUTPUT ACCEPT
-N ufw-after-forward
-N ufw-after-input
-N ufw-after-logging-forward
-N ufw-after-logging-input
-N ufw-after-logging-output
-N ufw-after-output
-N ufw-before-forward
-N ufw-before-input
-N ufw-before-logging-forward
-N ufw-before-logging-input
-N ufw-before-logging-output
-N ufw-before-output
-N ufw-logging-allow
-N ufw-logging-deny
-N ufw-not-local
-N ufw-reject-forward
-N ufw-reject-input
-N ufw-reject-output
-N ufw-skip-to-policy-forward
-N ufw-skip-to-policy-input
-N ufw-skip-to-policy-output
-N ufw-track-forward
-N ufw-track-input
-N ufw-track-output
-N ufw-user-forward
-N ufw-user-input
-N ufw-user-limit
-N ufw-user-limit-accept
-N ufw-user-logging-forward
-N ufw-user-logging-input
-N ufw-user-logging-output
-N ufw-user-output
-A INPUT -p tcp -m tcp --dport 31337 -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -j ufw-before-logging-input
-A INPUT -j ufw-before-input
-A INPUT -j ufw-after-input
-A INPUT -j ufw-after-logging-input
-A INPUT -j ufw-reject-input
-A INPUT -j ufw-track-input
-A FORWARD -j ufw-before-logging-forward
-A FORWARD -j ufw-before-forward
-A FORWARD -j ufw-after-forward
-A FORWARD -j ufw-after-logging-forward
-A FORWARD -j ufw-reject-forward
-A FORWARD -j ufw-track-forward
-A OUTPUT -j ufw-before-logging-output
-A OUTPUT -j ufw-before-output
-A OUTPUT -j ufw-after-output
-A OUTPUT -j ufw-after-logging-output
-A OUTPUT -j ufw-reject-output
-A OUTPUT -j ufw-track-output
-A ufw-after-input -p udp -m udp --dport 137 -j ufw-skip-to-policy-input
-A ufw-after-input -p udp -m udp --dport 138 -j ufw-skip-to-policy-input
-A ufw-after-input -p tcp -m tcp --dport 139 -j ufw-skip-to-policy-input
-A ufw-after-input -p tcp -m tcp --dport 445 -j ufw-skip-to-policy-input
-A ufw-after-input -p udp -m udp --dport 67 -j ufw-skip-to-policy-input
-A ufw-after-input -p udp -m udp --dport 68 -j ufw-skip-to-policy-input
-A ufw-after-input -m addrtype --dst-type BROADCAST -j ufw-skip-to-policy-input
-A ufw-after-logging-forward -m limit --limit 3/min --limit-burst 10 -j LOG --log-prefix "[UFW BLOCK] "
-A ufw-after-logging-input -m limit --limit 3/min --limit-burst 10 -j LOG --log-prefix "[UFW BLOCK] "
-A ufw-before-forward -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A ufw-before-forward -p icmp -m icmp --icmp-type 3 -j ACCEPT
-A ufw-before-forward -p icmp -m icmp --icmp-type 11 -j ACCEPT
-A ufw-before-forward -p icmp -m icmp --icmp-type 12 -j ACCEPT
-A ufw-before-forward -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A ufw-before-forward -j ufw-user-forward
-A ufw-before-input -i lo -j ACCEPT
-A ufw-before-input -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A ufw-before-input -m conntrack --ctstate INVALID -j ufw-logging-deny
-A ufw-before-input -m conntrack --ctstate INVALID -j DROP
-A ufw-before-input -p icmp -m icmp --icmp-type 3 -j ACCEPT
-A ufw-before-input -p icmp -m icmp --icmp-type 11 -j ACCEPT
-A ufw-before-input -p icmp -m icmp --icmp-type 12 -j ACCEPT
-A ufw-before-input -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A ufw-before-input -p udp -m udp --sport 67 --dport 68 -j ACCEPT
-A ufw-before-input -j ufw-not-local
-A ufw-before-input -d 224.0.0.251/32 -p udp -m udp --dport 5353 -j ACCEPT
-A ufw-before-input -d 239.255.255.250/32 -p udp -m udp --dport 1900 -j ACCEPT
-A ufw-before-input -j ufw-user-input
-A ufw-before-output -o lo -j ACCEPT
-A ufw-before-output -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A ufw-before-output -j ufw-user-output
-A ufw-logging-allow -m limit --limit 3/min --limit-burst 10 -j LOG --log-prefix "[UFW ALLOW] "
-A ufw-logging-deny -m conntrack --ctstate INVALID -m limit --limit 3/min --limit-burst 10 -j RETURN
-A ufw-logging-deny -m limit --limit 3/min --limit-burst 10 -j LOG --log-prefix "[UFW BLOCK] "
-A ufw-not-local -m addrtype --dst-type LOCAL -j RETURN
-A ufw-not-local -m addrtype --dst-type MULTICAST -j RETURN
-A ufw-not-local -m addrtype --dst-type BROADCAST -j RETURN
-A ufw-not-local -m limit --limit 3/min --limit-burst 10 -j ufw-logging-deny
-A ufw-not-local -j DROP
-A ufw-skip-to-policy-forward -j DROP
-A ufw-skip-to-policy-input -j DROP
-A ufw-skip-to-policy-output -j ACCEPT
-A ufw-track-output -p tcp -m conntrack --ctstate NEW -j ACCEPT
-A ufw-track-output -p udp -m conntrack --ctstate NEW -j ACCEPT
-A ufw-user-limit -m limit --limit 3/min -j LOG --log-prefix "[UFW LIMIT BLOCK] "
-A ufw-user-limit -j REJECT --reject-with icmp-port-unreachable
-A ufw-user-limit-accept -j ACCEPT
-A ufw-user-output -d ${C2}/32 -j DROP
`;

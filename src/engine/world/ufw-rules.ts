/**
 * One ufw rule as the iptables rules ufw writes for it in user.rules
 * (UFWRule.format_rule, then the backend's adjustments): "-p all" with a
 * port becomes a tcp and a udp rule, without one no -p at all; a port list
 * or range uses multiport; REJECT on tcp answers with a reset; LIMIT is
 * three rules (recent --set, recent --update to ufw-user-limit, then
 * ufw-user-limit-accept). Log rules (`allow log ...`) are kept as plain rules.
 */
import type { FirewallRule, UfwRule } from './types';

interface Side {
  addr?: string;
  ports?: string;
  proto?: 'tcp' | 'udp';
}

/** "198.51.100.23 22/tcp", "22,80/tcp", "Anywhere/udp", "203.0.113.0/24" -> parts. */
export function ufwSideParts(text: string): Side {
  const side: Side = {};
  for (const word of text.split(' ')) {
    const slash = word.lastIndexOf('/');
    const tail = slash < 0 ? '' : word.slice(slash + 1);
    const isProto = tail === 'tcp' || tail === 'udp';
    const head = isProto ? word.slice(0, slash) : word;
    if (isProto) side.proto = tail;
    if (head === 'Anywhere' || head === '') continue;
    if (/^[\d,:]+$/.test(head)) side.ports = head;
    else side.addr = head;
  }
  return side;
}

const TARGET = { ALLOW: 'ACCEPT', DENY: 'DROP', REJECT: 'REJECT', LIMIT: 'LIMIT' } as const;

function ports(text: string): number | [number, number] {
  const [a = '0', b] = text.split(':');
  return b === undefined ? Number(a) : [Number(a), Number(b)];
}

function oneProto(rule: UfwRule, to: Side, from: Side, proto?: 'tcp' | 'udp'): FirewallRule[] {
  const base: FirewallRule = { target: '', packets: 0, bytes: 0 };
  if (proto) base.protocol = proto;
  if (to.addr) base.destination = to.addr;
  if (from.addr) base.source = from.addr;
  const multi = [to.ports, from.ports].some((p) => p !== undefined && /[,:]/.test(p));
  if (multi) {
    base.multiport = {};
    if (to.ports) base.multiport.dports = to.ports;
    if (from.ports) base.multiport.sports = from.ports;
  } else {
    if (to.ports) base.dport = ports(to.ports);
    if (from.ports) base.sport = ports(from.ports);
  }
  const target = TARGET[rule.action];
  if (target === 'LIMIT') {
    return [
      { ...base, ctstate: ['NEW'], recent: 'set' },
      { ...base, ctstate: ['NEW'], recent: 'update', target: 'ufw-user-limit' },
      { ...base, target: 'ufw-user-limit-accept' },
    ];
  }
  const rejectWith = proto === 'tcp' ? 'tcp-reset' : 'icmp-port-unreachable';
  const extra = target === 'REJECT' ? { targetOptions: `--reject-with ${rejectWith}` } : {};
  return [{ ...base, target, ...extra }];
}

/** The iptables rules (filter table, ufw-user-input or -output) for one IPv4 ufw rule. */
export function ufwRuleToIptables(rule: UfwRule): FirewallRule[] {
  const to = ufwSideParts(rule.to);
  const from = ufwSideParts(rule.from);
  const proto = to.proto ?? from.proto;
  if (proto) return oneProto(rule, to, from, proto);
  if (to.ports !== undefined || from.ports !== undefined) {
    return [...oneProto(rule, to, from, 'tcp'), ...oneProto(rule, to, from, 'udp')];
  }
  return oneProto(rule, to, from);
}

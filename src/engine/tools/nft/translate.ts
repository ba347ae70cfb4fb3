/**
 * iptables-nft rules as `nft list` prints them. iptables-nft creates a
 * built-in chain only when something touches it, so a chain with the
 * default ACCEPT policy, no rules and zero counters is not listed, and a
 * table with no listed chain is not either (as in the capture).
 *
 * Expression order follows what iptables-nft emits: interfaces, addresses,
 * protocol / ports, conntrack, counter, verdict, comment.
 */
import type { FirewallChain, FirewallRule, FirewallTable } from '../../world/types';
import { ICMP_NAMES, canonCidr } from '../iptables/rule-text';
import { logNftText } from '../iptables/log-target';

const HOOKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  filter: {
    INPUT: 'type filter hook input priority filter',
    FORWARD: 'type filter hook forward priority filter',
    OUTPUT: 'type filter hook output priority filter',
  },
  nat: {
    PREROUTING: 'type nat hook prerouting priority dstnat',
    INPUT: 'type nat hook input priority 100',
    OUTPUT: 'type nat hook output priority -100',
    POSTROUTING: 'type nat hook postrouting priority srcnat',
  },
  mangle: {
    PREROUTING: 'type filter hook prerouting priority mangle',
    INPUT: 'type filter hook input priority mangle',
    FORWARD: 'type filter hook forward priority mangle',
    OUTPUT: 'type route hook output priority mangle',
    POSTROUTING: 'type filter hook postrouting priority mangle',
  },
  raw: {
    PREROUTING: 'type filter hook prerouting priority raw',
    OUTPUT: 'type filter hook output priority raw',
  },
};

/** nft prints conntrack state bits from the highest value down. */
const CT_BITS: [string, number][] = [
  ['UNTRACKED', 64], ['NEW', 8], ['RELATED', 4], ['ESTABLISHED', 2], ['INVALID', 1],
];

const VERDICTS: Readonly<Record<string, string>> = {
  ACCEPT: 'accept', DROP: 'drop', RETURN: 'return', MASQUERADE: 'masquerade', QUEUE: 'queue',
};

function quoteIface(name: string): string {
  return `"${name.endsWith('+') ? `${name.slice(0, -1)}*` : name}"`;
}

function addr(cidr: string): string {
  const c = canonCidr(cidr);
  return c.endsWith('/32') ? c.slice(0, -3) : c;
}

function ports(p: number | [number, number]): string {
  return typeof p === 'number' ? String(p) : `${p[0]}-${p[1]}`;
}

function rejectText(opts: string | undefined): string {
  const m = /--reject-with\s+(\S+)/.exec(opts ?? '');
  const how = m?.[1] ?? 'icmp-port-unreachable';
  if (how === 'icmp-port-unreachable') return 'reject';
  if (how === 'tcp-reset') return 'reject with tcp reset';
  return `reject with icmp ${how.replace(/^icmp-/, '')}`;
}

function verdict(r: FirewallRule, userChains: Set<string>): string {
  if (r.target === '') return '';
  if (userChains.has(r.target)) return `jump ${r.target}`;
  if (r.target === 'REJECT') return rejectText(r.targetOptions);
  if (r.target === 'LOG') return logNftText(r.targetOptions);
  return VERDICTS[r.target] ?? `xt target ${r.target}`;
}

const UNITS: Readonly<Record<string, string>> = {
  sec: 'second', min: 'minute', hour: 'hour', day: 'day', s: 'second', m: 'minute', h: 'hour', d: 'day',
};

/** `-m limit` as iptables-nft stores it natively; nft leaves out the default burst of 5. */
function limitText(l: { rate: string; burst?: number }): string {
  const [n = '', unit = 'sec'] = l.rate.split('/');
  const burst = l.burst !== undefined && l.burst !== 5 ? ` burst ${l.burst} packets` : '';
  return `limit rate ${n}/${UNITS[unit] ?? unit}${burst}`;
}

const ne = (neg: boolean | undefined) => (neg ? '!= ' : '');

function ruleText(r: FirewallRule, userChains: Set<string>): string {
  const parts: string[] = [];
  if (r.inIface !== undefined) {
    parts.push(`iifname ${ne(r.inIfaceNegated)}${quoteIface(r.inIface)}`);
  }
  if (r.outIface !== undefined) {
    parts.push(`oifname ${ne(r.outIfaceNegated)}${quoteIface(r.outIface)}`);
  }
  if (r.source !== undefined) parts.push(`ip saddr ${ne(r.sourceNegated)}${addr(r.source)}`);
  if (r.destination !== undefined) {
    parts.push(`ip daddr ${ne(r.destinationNegated)}${addr(r.destination)}`);
  }
  const p = r.protocol;
  const hasPorts = (p === 'tcp' || p === 'udp') && (r.sport !== undefined || r.dport !== undefined);
  if (hasPorts) {
    if (r.sport !== undefined) parts.push(`${p} sport ${ports(r.sport)}`);
    if (r.dport !== undefined) parts.push(`${p} dport ${ports(r.dport)}`);
  } else if (p === 'icmp' && r.icmpType !== undefined) {
    parts.push(`ip protocol icmp icmp type ${ICMP_NAMES[r.icmpType] ?? r.icmpType}`);
  } else if (p !== undefined && p !== 'all') {
    parts.push(`meta l4proto ${p}`);
  }
  if (r.multiport) parts.push('xt match "multiport"');
  if (r.dstType) parts.push(`fib daddr type ${r.dstType.toLowerCase()}`);
  if (r.ctstate?.length) {
    const states = CT_BITS.filter(([s]) => r.ctstate?.includes(s)).map(([s]) => s.toLowerCase());
    parts.push(`ct state ${states.join(',')}`);
  }
  if (r.limit) parts.push(limitText(r.limit));
  if (r.recent) parts.push('xt match "recent"');
  parts.push(`counter packets ${r.packets} bytes ${r.bytes}`);
  const v = verdict(r, userChains);
  if (v) parts.push(v);
  if (r.comment !== undefined) parts.push(`comment "${r.comment.replace(/"/g, '\\"')}"`);
  return parts.join(' ');
}

/** Chains iptables-nft would have created in this table. */
export function visibleChains(t: FirewallTable): FirewallChain[] {
  return t.chains.filter((c) => c.policy === undefined || c.rules.length > 0
    || c.policy !== 'ACCEPT' || c.packets > 0 || c.bytes > 0);
}

export function chainText(t: FirewallTable, c: FirewallChain): string[] {
  const users = new Set(t.chains.filter((x) => x.policy === undefined).map((x) => x.name));
  const lines = [`\tchain ${c.name} {`];
  const hook = HOOKS[t.name]?.[c.name];
  if (hook && c.policy) lines.push(`\t\t${hook}; policy ${c.policy.toLowerCase()};`);
  for (const r of c.rules) lines.push(`\t\t${ruleText(r, users)}`);
  lines.push('\t}');
  return lines;
}

/** One table as `nft list table ip NAME` prints it, with the iptables-nft warning. */
export function tableText(t: FirewallTable, chains: FirewallChain[]): string {
  const body = chains.map((c) => chainText(t, c).join('\n')).join('\n\n');
  const lines = [
    `# Warning: table ip ${t.name} is managed by iptables-nft, do not touch!`,
    `table ip ${t.name} {`,
  ];
  if (body) lines.push(body);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

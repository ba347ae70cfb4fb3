/**
 * Pure operations on the firewall part of the world: applying an iptables
 * change (`FirewallOp`) or a ufw change (`UfwOp`) returns a new `Firewall`,
 * and `verdict` walks a chain the way netfilter does to decide what happens
 * to a packet, so the world can tell whether a beacon gets through and
 * which rule's counters rise.
 *
 * Positions in `insert` and `delete` ops are 1-based, as iptables numbers
 * rules. Ops on a chain or table that does not exist return the firewall
 * unchanged (the tool has already refused them with iptables' message).
 *
 * Limits: IPv4 only (the world has no ip6tables rules). A ufw change also
 * loads, reloads or unloads ufw's chains in the filter table
 * (ufw-chains.ts), so `verdict` walks them like any other rules; only a
 * scenario that declares ufw enabled without its chains leaves the decision
 * to `ufwVerdict` for what the rules leave to policy.
 */
import type {
  Firewall,
  FirewallChain,
  FirewallOp,
  FirewallRule,
  FirewallTable,
  UfwOp,
  UfwRule,
} from './types';
import { ufwLoaded, ufwReload, ufwStart, ufwStop } from './ufw-chains';

type TableName = FirewallTable['name'];

/** The built-in chains of each table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

export function isTableName(name: string): name is TableName {
  return name === 'filter' || name === 'nat' || name === 'mangle' || name === 'raw';
}

/** A table as iptables sees it: the world's, or the empty built-in one. */
export function getTable(fw: Firewall, name: TableName): FirewallTable {
  const found = fw.tables.find((t) => t.name === name);
  if (found) return found;
  return {
    name,
    chains: BUILTIN_CHAINS[name].map((c) => ({
      name: c, policy: 'ACCEPT' as const, packets: 0, bytes: 0, rules: [],
    })),
  };
}

/**
 * The table's chains in the order iptables lists and saves them: built-in
 * chains in hook order, then user chains sorted by name (the table itself
 * keeps them in creation order, which is the order nft lists).
 */
export function listedChains(t: FirewallTable): FirewallChain[] {
  const builtins = BUILTIN_CHAINS[t.name];
  const rank = (c: FirewallChain) => builtins.indexOf(c.name);
  const user = t.chains.filter((c) => rank(c) < 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...t.chains.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b)), ...user];
}

export function isBuiltinChain(table: TableName, chain: string): boolean {
  return BUILTIN_CHAINS[table].includes(chain);
}

// ---------------------------------------------------------------- apply

function mapChains(
  table: FirewallTable,
  fn: (c: FirewallChain) => FirewallChain,
): FirewallTable {
  return { ...table, chains: table.chains.map(fn) };
}

function withRules(c: FirewallChain, rules: FirewallRule[]): FirewallChain {
  return { ...c, rules };
}

function applyToTable(t: FirewallTable, op: FirewallOp): FirewallTable {
  const onChain = (name: string, fn: (c: FirewallChain) => FirewallChain) =>
    mapChains(t, (c) => (c.name === name ? fn(c) : c));
  switch (op.kind) {
    case 'append':
      return onChain(op.chain, (c) => withRules(c, [...c.rules, { ...op.rule }]));
    case 'insert':
      return onChain(op.chain, (c) => {
        const rules = [...c.rules];
        const at = Math.min(Math.max(op.position - 1, 0), rules.length);
        rules.splice(at, 0, { ...op.rule });
        return withRules(c, rules);
      });
    case 'delete':
      return onChain(op.chain, (c) =>
        withRules(c, c.rules.filter((_, i) => i !== op.position - 1)));
    case 'policy':
      return onChain(op.chain, (c) => (c.policy ? { ...c, policy: op.policy } : c));
    case 'flush':
      return mapChains(t, (c) =>
        op.chain === undefined || c.name === op.chain ? withRules(c, []) : c);
    case 'zero':
      return mapChains(t, (c) =>
        op.chain === undefined || c.name === op.chain
          ? { ...c, packets: 0, bytes: 0, rules: c.rules.map((r) => ({ ...r, packets: 0, bytes: 0 })) }
          : c);
    case 'new-chain':
      if (t.chains.some((c) => c.name === op.chain)) return t;
      return {
        ...t,
        chains: [...t.chains, { name: op.chain, packets: 0, bytes: 0, rules: [] }],
      };
    case 'delete-chain':
      return {
        ...t,
        chains: t.chains.filter((c) => c.policy !== undefined || c.name !== op.chain),
      };
  }
}

/** Apply one iptables change to `table` ("filter", "nat", ...). */
export function applyFirewallOp(fw: Firewall, table: string, op: FirewallOp): Firewall {
  if (!isTableName(table)) return fw;
  const present = fw.tables.some((t) => t.name === table);
  const base = getTable(fw, table);
  const next = applyToTable(base, op);
  const tables = present
    ? fw.tables.map((t) => (t.name === table ? next : t))
    : [...fw.tables, next];
  return { ...fw, tables };
}

/** Apply one ufw change to ufw's state and, as ufw does, to its chains in the filter table. */
export function applyUfwOp(fw: Firewall, op: UfwOp): Firewall {
  const ufw = fw.ufw ?? {
    enabled: false, logging: 'low' as const, defaultIncoming: 'deny' as const,
    defaultOutgoing: 'allow' as const, defaultRouted: 'disabled' as const, rules: [],
  };
  switch (op.kind) {
    case 'enable': {
      const next = { ...ufw, enabled: true };
      return onFilter({ ...fw, ufw: next }, (t) => ufwStart(t, next));
    }
    case 'disable': {
      const was = ufwLoaded(getTable(fw, 'filter'));
      const next = { ...fw, ufw: { ...ufw, enabled: false } };
      return was ? onFilter(next, (t) => ufwStop(t)) : next;
    }
    case 'delete':
    case 'rule': {
      const rules = op.kind === 'rule'
        ? insertUfwRule(ufw.rules, op.rule) : ufw.rules.filter((_, i) => i !== op.number - 1);
      const next = { ...ufw, rules };
      if (!next.enabled) return { ...fw, ufw: next };
      const loaded = ufwLoaded(getTable(fw, 'filter'));
      return onFilter({ ...fw, ufw: next }, (t) => (loaded ? ufwReload(t, next) : ufwStart(t, next)));
    }
  }
}

function onFilter(fw: Firewall, fn: (t: FirewallTable) => FirewallTable): Firewall {
  const present = fw.tables.some((t) => t.name === 'filter');
  const next = fn(getTable(fw, 'filter'));
  const tables = present
    ? fw.tables.map((t) => (t.name === 'filter' ? next : t))
    : [next, ...fw.tables];
  return { ...fw, tables };
}

function insertUfwRule(rules: UfwRule[], rule: UfwRule): UfwRule[] {
  if (rules.some((r) => sameUfwRule(r, rule))) return rules;
  if (rule.v6) return [...rules, { ...rule }];
  const firstV6 = rules.findIndex((r) => r.v6);
  const at = firstV6 < 0 ? rules.length : firstV6;
  return [...rules.slice(0, at), { ...rule }, ...rules.slice(at)];
}

export function sameUfwRule(a: UfwRule, b: UfwRule): boolean {
  return a.to === b.to && a.from === b.from && a.action === b.action
    && a.direction === b.direction && a.v6 === b.v6;
}

// ---------------------------------------------------------------- match

/** What a rule can look at in a packet. Absent fields never match a rule that tests them. */
export interface PacketMeta {
  proto: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  inIface?: string;
  outIface?: string;
  /** conntrack state of the packet: NEW, ESTABLISHED, RELATED, INVALID. */
  ctstate?: string;
  /** ICMP type, for icmp packets. */
  icmpType?: number;
  /** Address type of the destination (-m addrtype); derived from dst when absent. */
  dstType?: 'LOCAL' | 'MULTICAST' | 'BROADCAST' | 'UNICAST';
}

/** Dotted quad to a 32-bit unsigned number, or null. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** True when `addr` lies in `cidr` ("10.0.0.0/8", or a bare host address). */
export function inCidr(addr: string, cidr: string): boolean {
  const [net, len] = cidr.split('/');
  const a = parseIPv4(addr);
  const n = parseIPv4(net ?? '');
  const bits = len === undefined ? 32 : Number(len);
  if (a === null || n === null || !(bits >= 0 && bits <= 32)) return addr === cidr;
  if (bits === 0) return true;
  const shift = 32 - bits;
  return Math.floor(a / 2 ** shift) === Math.floor(n / 2 ** shift);
}

function ifaceMatches(pattern: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (pattern.endsWith('+')) return name.startsWith(pattern.slice(0, -1));
  return name === pattern;
}

function portMatches(want: number | [number, number], got: number | undefined): boolean {
  if (got === undefined) return false;
  if (typeof want === 'number') return got === want;
  return got >= want[0] && got <= want[1];
}

function test(present: unknown, negated: boolean | undefined, ok: () => boolean): boolean {
  if (present === undefined) return true;
  return ok() !== Boolean(negated);
}

/** Does `rule` match `pkt`? Fields the rule leaves undefined match anything. */
export function ruleMatches(rule: FirewallRule, pkt: PacketMeta): boolean {
  if (rule.protocol && rule.protocol !== 'all' && rule.protocol !== pkt.proto) return false;
  if (!test(rule.source, rule.sourceNegated,
    () => inCidr(pkt.src, rule.source ?? ''))) return false;
  if (!test(rule.destination, rule.destinationNegated,
    () => inCidr(pkt.dst, rule.destination ?? ''))) return false;
  if (!test(rule.inIface, rule.inIfaceNegated,
    () => ifaceMatches(rule.inIface ?? '', pkt.inIface))) return false;
  if (!test(rule.outIface, rule.outIfaceNegated,
    () => ifaceMatches(rule.outIface ?? '', pkt.outIface))) return false;
  if (rule.sport !== undefined && !portMatches(rule.sport, pkt.sport)) return false;
  if (rule.dport !== undefined && !portMatches(rule.dport, pkt.dport)) return false;
  if (rule.ctstate && !(pkt.ctstate && rule.ctstate.includes(pkt.ctstate))) return false;
  return extrasMatch(rule, pkt);
}

function listMatches(list: string | undefined, got: number | undefined): boolean {
  if (list === undefined) return true;
  if (got === undefined) return false;
  return list.split(',').some((p) => {
    const [a, b] = p.split(':').map(Number);
    return got >= (a ?? 0) && got <= (b ?? a ?? 0);
  });
}

/**
 * The address type of a packet's destination: loopback and, for a packet
 * that came in on an interface, the host's own address are LOCAL (the world
 * only delivers to the host what is addressed to it).
 */
export function dstTypeOf(pkt: PacketMeta): NonNullable<PacketMeta['dstType']> {
  if (pkt.dstType) return pkt.dstType;
  if (inCidr(pkt.dst, '127.0.0.0/8')) return 'LOCAL';
  if (inCidr(pkt.dst, '224.0.0.0/4')) return 'MULTICAST';
  if (pkt.dst === '255.255.255.255') return 'BROADCAST';
  return pkt.inIface !== undefined ? 'LOCAL' : 'UNICAST';
}

/**
 * icmp type, multiport, addrtype, limit and recent. Rate limits are not
 * modelled: a limit match always matches, `recent --update` (ufw's limit,
 * six hits in 30 s) never does.
 */
function extrasMatch(rule: FirewallRule, pkt: PacketMeta): boolean {
  if (rule.icmpType !== undefined && pkt.icmpType !== rule.icmpType) return false;
  if (rule.multiport) {
    if (!listMatches(rule.multiport.dports, pkt.dport)) return false;
    if (!listMatches(rule.multiport.sports, pkt.sport)) return false;
  }
  if (rule.dstType !== undefined && dstTypeOf(pkt) !== rule.dstType) return false;
  return rule.recent !== 'update';
}

// ---------------------------------------------------------------- verdict

export interface RuleHit {
  chain: string;
  /** 0-based index of the rule in its chain. */
  index: number;
}

export interface Verdict {
  /** ACCEPT, DROP, REJECT, or another terminal target (MASQUERADE, ...). */
  target: string;
  /** Every rule that matched on the way, in order (counters rise on each). */
  hits: RuleHit[];
  /** True when no rule decided and the built-in chain's policy did. */
  byPolicy: boolean;
}

const NON_TERMINAL = new Set(['LOG', 'NFLOG', 'MARK', 'CONNMARK', 'TRACE']);

/** Walk `chainName` of `table` (default filter) as netfilter does. */
export function verdict(
  fw: Firewall, chainName: string, pkt: PacketMeta, table: TableName = 'filter',
): Verdict {
  const t = getTable(fw, table);
  const hits: RuleHit[] = [];
  const result = walk(t, chainName, pkt, hits, 0);
  if (result !== null) return { target: result, hits, byPolicy: false };
  const policy = t.chains.find((c) => c.name === chainName)?.policy ?? 'ACCEPT';
  return { target: policy, hits, byPolicy: true };
}

function walk(
  t: FirewallTable, chainName: string, pkt: PacketMeta, hits: RuleHit[], depth: number,
): string | null {
  const chain = t.chains.find((c) => c.name === chainName);
  if (!chain || depth > 32) return null;
  for (const [index, rule] of chain.rules.entries()) {
    if (!ruleMatches(rule, pkt)) continue;
    hits.push({ chain: chainName, index });
    if (rule.target === 'RETURN') return null;
    if (NON_TERMINAL.has(rule.target) || rule.target === '') continue;
    const sub = t.chains.find((c) => c.name === rule.target);
    if (sub && sub.policy === undefined) {
      const r = walk(t, sub.name, pkt, hits, depth + 1);
      if (r !== null) return r;
      continue;
    }
    return rule.target;
  }
  return null;
}

/** Count one packet of `bytes` on every rule hit (and the policy when it decided). */
export function countVerdict(
  fw: Firewall, table: TableName, chainName: string, v: Verdict, bytes: number,
): Firewall {
  const t = getTable(fw, table);
  const next = mapChains(t, (c) => {
    const mine = v.hits.filter((h) => h.chain === c.name).map((h) => h.index);
    const rules = c.rules.map((r, i) => (mine.includes(i)
      ? { ...r, packets: r.packets + 1, bytes: r.bytes + bytes } : r));
    const policyHit = v.byPolicy && c.name === chainName;
    return policyHit
      ? { ...c, rules, packets: c.packets + 1, bytes: c.bytes + bytes }
      : { ...c, rules };
  });
  const present = fw.tables.some((x) => x.name === table);
  return {
    ...fw,
    tables: present ? fw.tables.map((x) => (x.name === table ? next : x)) : [...fw.tables, next],
  };
}

// ---------------------------------------------------------------- ufw

interface UfwSide {
  cidr?: string;
  ports?: [number, number][];
  proto?: string;
}

/** "198.51.100.23 22/tcp", "22,80/tcp", "1000:2000/udp", "Anywhere/udp" -> parts. */
function ufwSide(text: string): UfwSide {
  const side: UfwSide = {};
  for (const word of text.split(' ')) {
    const [head = '', proto] = word.split('/');
    if (proto === 'tcp' || proto === 'udp') side.proto = proto;
    if (head === 'Anywhere') continue;
    if (/^[\d,:]+$/.test(head)) {
      side.ports = head.split(',').map((p) => {
        const [a, b] = p.split(':').map(Number);
        return [a ?? 0, b ?? a ?? 0];
      });
    } else {
      // An address keeps its prefix length ("203.0.113.0/24"); "/tcp" is a protocol.
      const isProto = proto === undefined || proto === 'tcp' || proto === 'udp';
      side.cidr = isProto ? head : `${head}/${proto}`;
    }
  }
  return side;
}

function sideMatches(s: UfwSide, addr: string, port: number | undefined, proto: string): boolean {
  if (s.proto && s.proto !== proto) return false;
  if (s.cidr && !inCidr(addr, s.cidr)) return false;
  if (!s.ports) return true;
  return port !== undefined && s.ports.some(([a, b]) => port >= a && port <= b);
}

const UFW_TARGETS = { ALLOW: 'ACCEPT', LIMIT: 'ACCEPT', DENY: 'DROP', REJECT: 'REJECT' } as const;
const UFW_DEFAULTS = { allow: 'ACCEPT', deny: 'DROP', reject: 'REJECT' } as const;

/**
 * What an enabled ufw decides for a packet going `direction`, first matching
 * rule wins, then the default policy; null when ufw is off. Established and
 * related traffic and loopback pass, as ufw's before-rules let them.
 * Rate limiting (LIMIT) is not modelled: it allows.
 */
export function ufwVerdict(
  fw: Firewall, direction: 'IN' | 'OUT', pkt: PacketMeta,
): string | null {
  const u = fw.ufw;
  if (!u?.enabled) return null;
  if (pkt.ctstate === 'ESTABLISHED' || pkt.ctstate === 'RELATED') return 'ACCEPT';
  if ((direction === 'IN' ? pkt.inIface : pkt.outIface) === 'lo') return 'ACCEPT';
  const v6 = pkt.src.includes(':');
  for (const r of u.rules) {
    if (r.direction !== direction || r.v6 !== v6) continue;
    const to = ufwSide(r.to);
    const from = ufwSide(r.from);
    if (!sideMatches(to, pkt.dst, pkt.dport, pkt.proto)) continue;
    if (!sideMatches(from, pkt.src, pkt.sport, pkt.proto)) continue;
    return UFW_TARGETS[r.action];
  }
  const policy = direction === 'IN' ? u.defaultIncoming : u.defaultOutgoing;
  return UFW_DEFAULTS[policy];
}

/**
 * The host's decision for a packet through a filter chain: an iptables rule
 * that decides wins, then ufw when enabled (its chains sit in INPUT and
 * OUTPUT), then the chain policy. Counters are the caller's, via countVerdict.
 */
export function packetVerdict(
  fw: Firewall, chainName: 'INPUT' | 'OUTPUT', pkt: PacketMeta,
): string {
  const v = verdict(fw, chainName, pkt);
  if (!v.byPolicy || ufwLoaded(getTable(fw, 'filter'))) return v.target;
  return ufwVerdict(fw, chainName === 'INPUT' ? 'IN' : 'OUT', pkt) ?? v.target;
}

/**
 * The host firewall: iptables tables (as the nf_tables or legacy backend
 * holds them), ufw's state and extra native nftables text. Rules are written
 * with iptables' own notions, `!` for negation as in `-i !lo`.
 */
import { z } from 'zod';
import { doc, idSchema } from './schema-common';

const portMatch = doc(
  z.union([
    z.number().int().min(0).max(65535),
    z.string().regex(/^\d{1,5}:\d{1,5}$/, 'a port range is FIRST:LAST'),
  ]),
  'A port or a range FIRST:LAST.',
  [22, '1024:65535'],
);

const negatable = (what: string, examples: unknown[]) =>
  doc(z.string().min(1).optional(), `${what}; a leading "!" negates it.`, examples);

export const ruleSchema = z.strictObject({
  id: doc(idSchema.optional(), 'An id, so questions and timeline entries can refer to the rule.'),
  protocol: doc(
    z.enum(['tcp', 'udp', 'icmp', 'icmpv6', 'all']).optional(),
    '-p: the protocol matched.',
  ),
  source: negatable('-s: source address or prefix', ['203.0.113.0/24', '!10.0.0.0/8']),
  destination: negatable('-d: destination address or prefix', ['198.51.100.23']),
  in_iface: negatable('-i: input interface', ['lo', '!docker0']),
  out_iface: negatable('-o: output interface', ['!docker0']),
  sport: doc(portMatch.optional(), '--sport.'),
  dport: doc(portMatch.optional(), '--dport.'),
  ctstate: doc(
    z
      .array(z.enum(['NEW', 'RELATED', 'ESTABLISHED', 'INVALID', 'UNTRACKED', 'SNAT', 'DNAT']))
      .optional(),
    '-m conntrack --ctstate, in the order written.',
    [['RELATED', 'ESTABLISHED']],
  ),
  comment: doc(z.string().optional(), '-m comment --comment.'),
  target: doc(z.string().min(1), '-j: ACCEPT, DROP, REJECT, MASQUERADE, LOG, or a user chain.', [
    'ACCEPT',
  ]),
  target_options: doc(z.string().optional(), 'Target options as iptables -S prints them.', [
    '--reject-with icmp-port-unreachable',
    '--to-ports 8080',
  ]),
  packets: doc(z.number().int().min(0).default(0), 'Packet counter at the start.'),
  bytes: doc(z.number().int().min(0).default(0), 'Byte counter at the start.'),
});

const chainSchema = z.strictObject({
  policy: doc(
    z.enum(['ACCEPT', 'DROP']).optional(),
    'Policy of a built-in chain (ACCEPT by default); user chains have none.',
  ),
  packets: doc(z.number().int().min(0).default(0), 'Policy counter: packets.'),
  bytes: doc(z.number().int().min(0).default(0), 'Policy counter: bytes.'),
  rules: doc(z.array(ruleSchema).default([]), 'Rules in order.'),
});

const tableSchema = doc(
  z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,28}$/, 'not a chain name'), chainSchema),
  'Chains by name. Built-in chains missing here exist with policy ACCEPT and no rules; ' +
    'other names are user chains, listed after the built-ins in this order.',
  [{ INPUT: { policy: 'DROP', rules: [{ protocol: 'tcp', dport: 22, target: 'ACCEPT' }] } }],
);

const iptablesSchema = z.strictObject({
  filter: doc(tableSchema.optional(), 'The filter table.'),
  nat: doc(tableSchema.optional(), 'The nat table.'),
  mangle: doc(tableSchema.optional(), 'The mangle table.'),
  raw: doc(tableSchema.optional(), 'The raw table.'),
});

const ufwRuleSchema = z.strictObject({
  to: doc(z.string().min(1), 'As ufw status prints it.', ['22/tcp', 'Anywhere']),
  action: doc(z.enum(['ALLOW', 'DENY', 'REJECT', 'LIMIT']), 'Action.'),
  direction: doc(z.enum(['IN', 'OUT']).default('IN'), 'Direction.'),
  from: doc(z.string().default('Anywhere'), 'Source as ufw status prints it.', ['203.0.113.0/24']),
  v6: doc(z.boolean().default(false), 'The (v6) twin of a rule.'),
});

const ufwSchema = z.strictObject({
  enabled: doc(z.boolean().default(false), 'Status: active or inactive.'),
  logging: doc(z.enum(['off', 'low', 'medium', 'high', 'full']).default('low'), 'Logging level.'),
  default_incoming: doc(
    z.enum(['deny', 'allow', 'reject']).default('deny'),
    'Default for incoming.',
  ),
  default_outgoing: doc(
    z.enum(['deny', 'allow', 'reject']).default('allow'),
    'Default for outgoing.',
  ),
  default_routed: doc(
    z.enum(['deny', 'allow', 'reject', 'disabled']).default('disabled'),
    'Default for routed.',
  ),
  rules: doc(z.array(ufwRuleSchema).default([]), 'Rules in `ufw status numbered` order.'),
});

export const firewallSchema = z.strictObject({
  backend: doc(
    z.enum(['nf_tables', 'legacy']).default('nf_tables'),
    'iptables backend: nf_tables (iptables-nft, the default) or legacy.',
  ),
  iptables: doc(
    iptablesSchema.optional(),
    'IPv4 tables. Tables left out do not exist (iptables creates filter on first use).',
  ),
  ufw: doc(ufwSchema.optional(), 'ufw state; absent when ufw is not installed.'),
  nft: doc(z.string().optional(), 'Extra native nftables tables, as `nft list ruleset` text.'),
});

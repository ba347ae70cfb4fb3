/**
 * Network links, addresses, routes and neighbours of the host, as `ip`
 * shows them. Defaults follow what the kernel does for each link kind; every
 * default can be written out to reproduce a captured state exactly.
 */
import { z } from 'zod';
import { cidrSchema, doc, ipSchema } from './schema-common';

const addressObject = z.strictObject({
  address: doc(cidrSchema, 'Address and prefix length.', ['10.10.0.5/24']),
  broadcast: doc(
    z.union([ipSchema, z.literal(false)]).optional(),
    'IPv4 broadcast; computed from the prefix by default on broadcast links, false for none.',
  ),
  peer: doc(
    ipSchema.optional(),
    'Point-to-point peer (tun links): `inet 10.8.0.2 peer 10.8.0.1/32`.',
  ),
  scope: doc(
    z.enum(['host', 'global', 'link']).optional(),
    'Scope; derived from the address by default.',
  ),
  valid_lft: doc(
    z.number().int().min(0).optional(),
    'Seconds of validity left; forever by default.',
  ),
  preferred_lft: doc(
    z.number().int().min(0).optional(),
    'Seconds preferred left; forever by default.',
  ),
  dynamic: doc(z.boolean().optional(), 'Learnt by DHCP or SLAAC (`dynamic` in ip addr).'),
});

export const addressSchema = doc(
  z.union([cidrSchema, addressObject]),
  'An address on the link: "10.10.0.5/24", or an object for broadcast, peer, lifetimes.',
  ['10.10.0.5/24', { address: '10.8.0.2/32', peer: '10.8.0.1' }],
);

const counter = (what: string) => doc(z.number().int().min(0).optional(), what);

const statsSchema = z.strictObject({
  rx_bytes: counter('Bytes received.'),
  rx_packets: counter('Packets received.'),
  rx_errors: counter('Receive errors.'),
  rx_dropped: counter('Received packets dropped.'),
  rx_missed: counter('Receive missed.'),
  rx_mcast: counter('Multicast packets received.'),
  tx_bytes: counter('Bytes sent.'),
  tx_packets: counter('Packets sent.'),
  tx_errors: counter('Transmit errors.'),
  tx_dropped: counter('Transmit drops.'),
  tx_carrier: counter('Carrier errors.'),
  tx_collisions: counter('Collisions.'),
});

export const linkSchema = z.strictObject({
  name: doc(
    z.string().regex(/^[A-Za-z0-9_.:-]{1,15}$/, 'a link name is at most 15 characters'),
    'Link name.',
    ['eth0'],
  ),
  kind: doc(z.enum(['loopback', 'ether', 'bridge', 'tun', 'veth']).default('ether'), 'Link kind.'),
  index: doc(
    z.number().int().min(1).optional(),
    'ifindex; the next free one in list order by default.',
  ),
  mac: doc(
    z
      .string()
      .regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i, 'a MAC is six hex pairs with colons')
      .optional(),
    'Link-layer address; a locally administered one drawn from the seed by default.',
    ['d2:99:1f:44:88:0f'],
  ),
  mtu: doc(z.number().int().min(68).optional(), 'MTU; 65536 for lo, 1500 otherwise.'),
  flags: doc(
    z.array(z.string()).optional(),
    'Link flags in the order `ip link` prints them; derived from kind and state by default.',
    [['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']],
  ),
  state: doc(
    z.enum(['UP', 'DOWN', 'UNKNOWN']).optional(),
    'Operational state; UNKNOWN for lo, UP otherwise.',
  ),
  carrier: doc(
    z.boolean().default(true),
    'false: no carrier (NO-CARRIER, state DOWN, routes linkdown).',
  ),
  qdisc: doc(
    z.string().optional(),
    'Queueing discipline; noqueue for lo/veth/bridge, fq_codel otherwise.',
  ),
  qlen: doc(
    z.number().int().min(0).optional(),
    'Transmit queue length; 1000 (500 for tun) by default.',
  ),
  peer_index: doc(z.number().int().min(1).optional(), "veth: the peer's ifindex (eth0@if9)."),
  link_netns: doc(z.string().optional(), "veth: the peer's namespace name (link-netns)."),
  master: doc(z.string().optional(), 'The bridge this link is enslaved to.'),
  addresses: doc(
    z.array(addressSchema).default([]),
    'Addresses, in the order `ip addr` prints them.',
  ),
  link_local: doc(
    z.boolean().optional(),
    'Add the EUI-64 fe80:: address last (default for ether, veth and bridge links that are up).',
  ),
  stats: doc(statsSchema.optional(), 'Counters (ip -s link); zero by default.'),
});

export const routeSchema = z.strictObject({
  dst: doc(z.string().min(1), '"default" or a destination prefix.', ['default', '10.20.0.0/16']),
  via: doc(ipSchema.optional(), 'Gateway.', ['10.10.0.1']),
  dev: doc(z.string().min(1), 'Output link.', ['eth0']),
  family: doc(
    z.enum(['inet', 'inet6']).optional(),
    'Address family; inferred from dst/via by default.',
  ),
  proto: doc(z.enum(['kernel', 'boot', 'static', 'dhcp', 'ra']).optional(), 'Who installed it.'),
  scope: doc(z.enum(['link', 'host', 'global']).optional(), 'Route scope.'),
  src: doc(ipSchema.optional(), 'Preferred source address.'),
  metric: doc(z.number().int().min(0).optional(), 'Metric.'),
  linkdown: doc(z.boolean().optional(), 'Shown as linkdown (the link has no carrier).'),
  pref: doc(z.enum(['medium', 'high', 'low']).optional(), 'IPv6 router preference.'),
  table: doc(z.string().optional(), 'Routing table, main by default.'),
});

export const neighbourSchema = z.strictObject({
  address: doc(ipSchema, 'Neighbour address.', ['10.10.0.1']),
  dev: doc(z.string().min(1), 'Link.', ['eth0']),
  lladdr: doc(
    z
      .string()
      .regex(/^(([0-9a-f]{2}:){5}[0-9a-f]{2}|auto)$/i)
      .optional(),
    'Its MAC; "auto" draws one from the seed. Absent for FAILED/INCOMPLETE entries.',
  ),
  state: doc(
    z.enum(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED', 'PERMANENT', 'INCOMPLETE', 'NOARP']),
    'NUD state.',
  ),
  router: doc(z.boolean().optional(), 'IPv6 router flag.'),
});

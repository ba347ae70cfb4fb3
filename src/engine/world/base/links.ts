/**
 * Network links and their addresses from the `host` block, with the
 * kernel's defaults for whatever the author left out: flags and qdisc by
 * link kind, broadcast addresses, EUI-64 link-local addresses, lo when it
 * is missing, and (on standard hosts) traffic counters since boot.
 */
import type { HostDoc } from '../../scenario/schema-host';
import type { Address, Interface, LinkKind, LinkStats } from '../types';
import { compact, type BuildContext } from './context';
import { broadcastOf, canonical, isV6, linkLocalFromMac } from './ip';

type LinkDoc = HostDoc['interfaces'][number];
type AddressDoc = LinkDoc['addresses'][number];

const ZERO: LinkStats = {
  rxBytes: 0,
  rxPackets: 0,
  rxErrors: 0,
  rxDropped: 0,
  rxMissed: 0,
  rxMcast: 0,
  txBytes: 0,
  txPackets: 0,
  txErrors: 0,
  txDropped: 0,
  txCarrier: 0,
  txCollisions: 0,
};

function defaultFlags(kind: LinkKind, carrier: boolean): string[] {
  if (kind === 'loopback') return ['LOOPBACK', 'UP', 'LOWER_UP'];
  const base =
    kind === 'tun' ? ['POINTOPOINT', 'MULTICAST', 'NOARP', 'UP'] : ['BROADCAST', 'MULTICAST', 'UP'];
  return carrier ? [...base, 'LOWER_UP'] : ['NO-CARRIER', ...base];
}

function scopeOf(addr: string): Address['scope'] {
  if (addr === '::1' || addr.startsWith('127.')) return 'host';
  if (/^fe[89ab]/i.test(addr)) return 'link';
  return 'global';
}

function toAddress(
  ctx: BuildContext,
  a: AddressDoc,
  kind: LinkKind,
  path: (string | number)[],
): Address | null {
  const obj = typeof a === 'string' ? { address: a } : a;
  const [text = '', prefixText = ''] = obj.address.split('/');
  const addr = canonical(text);
  if (addr === null) {
    ctx.sink.error(path, `"${text}" is not an IP address`);
    return null;
  }
  const family = isV6(addr) ? 'inet6' : 'inet';
  const prefix = Number(prefixText);
  if (!Number.isInteger(prefix) || prefix > (family === 'inet' ? 32 : 128)) {
    ctx.sink.error(path, `bad prefix length in "${obj.address}"`);
    return null;
  }
  const broadcastLink = kind === 'ether' || kind === 'veth' || kind === 'bridge';
  let broadcast: string | undefined;
  const o = obj as Exclude<AddressDoc, string>;
  if (o.broadcast !== undefined) {
    broadcast = o.broadcast === false ? undefined : o.broadcast;
  } else if (family === 'inet' && broadcastLink && prefix <= 30) {
    broadcast = broadcastOf(addr, prefix);
  }
  return compact<Address>({
    family,
    address: addr,
    prefix,
    broadcast,
    peer: o.peer,
    scope: o.scope ?? scopeOf(addr),
    validLft: o.valid_lft,
    preferredLft: o.preferred_lft,
    dynamic: o.dynamic,
  });
}

/** Counters of a link that has been up since boot, from the seed. */
function autoStats(ctx: BuildContext, name: string, kind: LinkKind): LinkStats {
  if (ctx.doc.host.baseline !== 'standard' || kind === 'tun' || kind === 'bridge')
    return { ...ZERO };
  const rng = ctx.ids.stream(`stats:${name}`);
  const up = Math.max(1, (ctx.now - ctx.boot) / 1000);
  if (kind === 'loopback') {
    const bytes = Math.floor(up * rng.int(40, 400));
    const packets = Math.max(1, Math.floor(bytes / rng.int(90, 160)));
    return { ...ZERO, rxBytes: bytes, rxPackets: packets, txBytes: bytes, txPackets: packets };
  }
  const rxBytes = Math.floor(up * rng.int(300, 3000));
  const txBytes = Math.floor(up * rng.int(150, 2500));
  return {
    ...ZERO,
    rxBytes,
    rxPackets: Math.floor(rxBytes / rng.int(180, 700)),
    rxMcast: Math.floor(up / rng.int(60, 400)),
    rxDropped: Math.floor(up / rng.int(20_000, 90_000)),
    txBytes,
    txPackets: Math.floor(txBytes / rng.int(150, 600)),
  };
}

function stats(ctx: BuildContext, l: LinkDoc): LinkStats {
  const doc = l.stats;
  if (!doc) return autoStats(ctx, l.name, l.kind);
  return {
    rxBytes: doc.rx_bytes ?? 0,
    rxPackets: doc.rx_packets ?? 0,
    rxErrors: doc.rx_errors ?? 0,
    rxDropped: doc.rx_dropped ?? 0,
    rxMissed: doc.rx_missed ?? 0,
    rxMcast: doc.rx_mcast ?? 0,
    txBytes: doc.tx_bytes ?? 0,
    txPackets: doc.tx_packets ?? 0,
    txErrors: doc.tx_errors ?? 0,
    txDropped: doc.tx_dropped ?? 0,
    txCarrier: doc.tx_carrier ?? 0,
    txCollisions: doc.tx_collisions ?? 0,
  };
}

const LOOPBACK: LinkDoc = {
  name: 'lo',
  kind: 'loopback',
  carrier: true,
  addresses: ['127.0.0.1/8', '::1/128'],
};

function buildLink(
  ctx: BuildContext,
  l: LinkDoc,
  index: number,
  path: (string | number)[],
): Interface {
  const kind = l.kind;
  const mac =
    kind === 'loopback'
      ? (l.mac ?? '00:00:00:00:00:00')
      : kind === 'tun'
        ? l.mac
        : (l.mac?.toLowerCase() ?? ctx.ids.mac(l.name));
  const flags = l.flags ?? defaultFlags(kind, l.carrier);
  const addresses: Address[] = [];
  l.addresses.forEach((a, i) => {
    const built = toAddress(ctx, a, kind, [...path, 'addresses', i]);
    if (built) addresses.push(built);
  });
  const wantsLinkLocal =
    l.link_local ??
    ((kind === 'ether' || kind === 'veth' || kind === 'bridge') && flags.includes('UP'));
  if (wantsLinkLocal && mac && !addresses.some((a) => a.scope === 'link' && a.family === 'inet6')) {
    addresses.push({ family: 'inet6', address: linkLocalFromMac(mac), prefix: 64, scope: 'link' });
  }
  const quiet = kind === 'loopback' || kind === 'veth' || kind === 'bridge';
  return compact<Interface>({
    index,
    name: l.name,
    kind,
    peerIndex: l.peer_index,
    linkNetns: l.link_netns,
    mac,
    mtu: l.mtu ?? (kind === 'loopback' ? 65536 : 1500),
    flags,
    operState: l.state ?? (kind === 'loopback' ? 'UNKNOWN' : l.carrier ? 'UP' : 'DOWN'),
    qdisc: l.qdisc ?? (quiet ? 'noqueue' : 'fq_codel'),
    qlen: l.qlen ?? (kind === 'tun' ? 500 : 1000),
    master: l.master,
    addresses,
    stats: stats(ctx, l),
  });
}

export function buildInterfaces(ctx: BuildContext): Interface[] {
  const docs = ctx.doc.host.interfaces;
  const hasLo = docs.some((l) => l.kind === 'loopback' || l.name === 'lo');
  const list: [LinkDoc, (string | number)[]][] = docs.map((l, i) => [l, ['host', 'interfaces', i]]);
  if (!hasLo) list.unshift([LOOPBACK, ['host', 'interfaces']]);
  const used = new Set<number>();
  const names = new Set<string>();
  for (const [l, path] of list) {
    if (l.index === undefined) continue;
    if (used.has(l.index)) ctx.sink.error([...path, 'index'], `ifindex ${l.index} is used twice`);
    used.add(l.index);
  }
  let next = 1;
  const out: Interface[] = [];
  for (const [l, path] of list) {
    if (names.has(l.name))
      ctx.sink.error([...path, 'name'], `interface "${l.name}" is declared twice`);
    names.add(l.name);
    let index = l.index;
    if (index === undefined) {
      while (used.has(next)) next++;
      index = next;
      used.add(index);
    }
    out.push(buildLink(ctx, l, index, path));
  }
  return out.sort((a, b) => a.index - b.index);
}

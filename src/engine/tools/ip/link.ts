/**
 * `ip link` and `ip addr` views of the world's interfaces: the full form,
 * the `-br` columns and the `-j` objects, built from one list of rows.
 */
import type { Address, HostState, Interface, LinkStats } from '../../world/types';
import type { JsonValue } from './jsonw';

export interface ViewOptions {
  family?: 'inet' | 'inet6';
  /** How many `-s` were given: 1 counters, 2 the error details too. */
  stats: number;
  /** `-o`: one record per line, inner line breaks printed as a backslash. */
  oneline?: boolean;
}

const FOREVER = 4294967295;

/** `eth0@if9` for a veth whose peer is elsewhere, `veth0@br0`-style when it is here. */
export function linkName(world: HostState, i: Interface): string {
  if (i.peerIndex === undefined) return i.name;
  const peer = world.interfaces.find((x) => x.index === i.peerIndex);
  return `${i.name}@${peer && !i.linkNetns ? peer.name : `if${i.peerIndex}`}`;
}

function linkType(i: Interface): string {
  if (i.kind === 'loopback') return 'loopback';
  return i.kind === 'tun' ? 'none' : 'ether';
}

function broadcastMac(i: Interface): string {
  return i.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
}

/** Addresses in the order the kernel dumps them: IPv4 first. */
export function addressesOf(i: Interface, family?: string): Address[] {
  const v4 = i.addresses.filter((a) => a.family === 'inet');
  const v6 = i.addresses.filter((a) => a.family === 'inet6');
  return [...v4, ...v6].filter((a) => !family || a.family === family);
}

function headLine(world: HostState, i: Interface, isLink: boolean, linkLine: boolean): string {
  let s = `${i.index}: ${linkName(world, i)}: <${i.flags.join(',')}> mtu ${i.mtu} qdisc ${i.qdisc}`;
  if (i.master) s += ` master ${i.master}`;
  s += ` state ${i.operState}`;
  if (isLink) s += ' mode DEFAULT';
  s += ` group default qlen ${i.qlen}`;
  if (!linkLine && i.linkNetns) s += ` link-netns ${i.linkNetns}`;
  return s;
}

function linkLine(i: Interface): string {
  let s = `    link/${linkType(i)} `;
  if (i.mac !== undefined && i.kind !== 'tun') s += `${i.mac} brd ${broadcastMac(i)}`;
  if (i.linkNetns) s += ` link-netns ${i.linkNetns}`;
  return s;
}

function lifetime(a: Address): string {
  const v = a.validLft === undefined ? 'forever' : `${a.validLft}sec`;
  const p = a.preferredLft === undefined ? 'forever' : `${a.preferredLft}sec`;
  return `       valid_lft ${v} preferred_lft ${p}`;
}

function addrText(a: Address): string {
  const local = a.peer ? `${a.address} peer ${a.peer}` : a.address;
  return `${local}/${a.prefix}`;
}

function addrLines(i: Interface, a: Address): string[] {
  let s = `    ${a.family} ${addrText(a)}`;
  if (a.broadcast) s += ` brd ${a.broadcast}`;
  s += ` scope ${a.scope} `;
  if (a.dynamic) s += 'dynamic ';
  if (a.family === 'inet') s += i.name;
  return [s, lifetime(a)];
}

function cols(values: number[], widths: number[]): void {
  values.forEach((v, k) => { widths[k] = Math.max(widths[k] ?? 0, String(v).length); });
}

/**
 * Carrier transitions since boot (IFLA_CARRIER_CHANGES): none for the
 * loopback, one for a link that came up at boot and stayed up, two for one
 * that has gone down since.
 */
function carrierChanges(i: Interface): number {
  if (i.kind === 'loopback') return 0;
  return i.flags.includes('LOWER_UP') ? 1 : 2;
}

/**
 * The `-s` block: column widths grow with the numbers, as in iproute2 6.1;
 * with `-s -s` the RX and TX error details follow each row (every error
 * counter of the world's links is zero but the ones it keeps).
 */
export function statsLines(i: Interface, level = 1): string[] {
  const s = i.stats;
  const rx = [s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.rxMcast];
  const tx = [s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrier, s.txCollisions];
  const rxErr = [0, 0, 0, 0, 0, 0];
  const txErr = [0, 0, 0, 0, 0, carrierChanges(i)];
  const w = [10, 7, 6, 7, 7, 7];
  cols(rx, w);
  cols(tx, w);
  if (level > 1) {
    cols(rxErr, w);
    cols(txErr, w);
  }
  const head = (dir: string, names: string[]) =>
    `    ${dir}: ${'bytes'.padStart((w[0] ?? 10) - 4)} `
    + `${names.map((n, k) => n.padStart(w[k + 1] ?? 0)).join(' ')} ${''.padStart(10)}`;
  const row = (vals: number[]) =>
    `    ${vals.map((v, k) => `${String(v).padStart(w[k] ?? 0)} `).join('')}`;
  const errHead = (dir: string, names: string[]) =>
    `    ${dir} errors:${''.padStart((w[0] ?? 10) - 10)} `
    + names.map((n, k) => n.padStart(w[k + 1] ?? 0)).join(' ');
  const errRow = (vals: number[]) => ' '.repeat((w[0] ?? 10) + 5)
    + vals.slice(1).map((v, k) => `${String(v).padStart(w[k + 1] ?? 0)} `).join('');
  const rxLines = [head('RX', ['packets', 'errors', 'dropped', 'missed', 'mcast']), row(rx)];
  const txLines = [head('TX', ['packets', 'errors', 'dropped', 'carrier', 'collsns']), row(tx)];
  if (level > 1) {
    rxLines.push(errHead('RX', ['length', 'crc', 'frame', 'fifo', 'overrun']), errRow(rxErr));
    txLines.push(errHead('TX', ['aborted', 'fifo', 'window', 'heartbt', 'transns']), errRow(txErr));
  }
  return [...rxLines, ...txLines];
}

export function linkText(
  world: HostState, list: Interface[], isLink: boolean, o: ViewOptions,
): string {
  if (o.oneline && !isLink) return addrOneline(list, o);
  const records: string[][] = [];
  for (const i of list) {
    const addrs = addressesOf(i, o.family);
    if (!isLink && o.family && addrs.length === 0) continue;
    const showLink = isLink || !o.family;
    const rec = [headLine(world, i, isLink, showLink)];
    if (showLink) rec.push(linkLine(i));
    if (isLink && o.stats) rec.push(...statsLines(i, o.stats));
    if (!isLink) for (const a of addrs) rec.push(...addrLines(i, a));
    // `ip -s addr` prints the counters after the addresses.
    if (!isLink && o.stats) rec.push(...statsLines(i, o.stats));
    records.push(rec);
  }
  return records.map((rec) => `${rec.join(o.oneline ? '\\' : '\n')}\n`).join('');
}

/** `ip -o addr`: no link lines, one line per address led by index and name. */
function addrOneline(list: Interface[], o: ViewOptions): string {
  return list.flatMap((i) => addressesOf(i, o.family)
    .map((a) => `${i.index}: ${i.name}${addrLines(i, a).join('\\')}\n`)).join('');
}

export function briefText(
  world: HostState, list: Interface[], isLink: boolean, o: ViewOptions,
): string {
  const out: string[] = [];
  for (const i of list) {
    const addrs = addressesOf(i, o.family);
    if (!isLink && o.family && addrs.length === 0) continue;
    let s = `${linkName(world, i).padEnd(16)} ${i.operState.padEnd(14)} `;
    if (isLink) {
      if (i.mac !== undefined && i.kind !== 'tun') s += `${i.mac} `;
      s += `<${i.flags.join(',')}> `;
    } else {
      s += addrs.map((a) => `${addrText(a)} `).join('');
    }
    out.push(s);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function addrJson(i: Interface, a: Address): JsonValue {
  const o: Record<string, JsonValue> = { family: a.family, local: a.address };
  if (a.peer) o.address = a.peer;
  o.prefixlen = a.prefix;
  if (a.broadcast) o.broadcast = a.broadcast;
  o.scope = a.scope;
  if (a.dynamic) o.dynamic = true;
  if (a.family === 'inet') o.label = i.name;
  o.valid_life_time = a.validLft ?? FOREVER;
  o.preferred_life_time = a.preferredLft ?? FOREVER;
  return o;
}

function briefAddrJson(a: Address): JsonValue {
  return a.peer
    ? { local: a.address, address: a.peer, prefixlen: a.prefix }
    : { local: a.address, prefixlen: a.prefix };
}

function statsJson(s: LinkStats): JsonValue {
  return {
    rx: { bytes: s.rxBytes, packets: s.rxPackets, errors: s.rxErrors, dropped: s.rxDropped,
      over_errors: 0, multicast: s.rxMcast },
    tx: { bytes: s.txBytes, packets: s.txPackets, errors: s.txErrors, dropped: s.txDropped,
      carrier_errors: s.txCarrier, collisions: s.txCollisions },
  };
}

function nameJson(world: HostState, i: Interface, o: Record<string, JsonValue>): void {
  o.ifname = i.name;
  if (i.peerIndex === undefined) return;
  const peer = world.interfaces.find((x) => x.index === i.peerIndex);
  if (peer && !i.linkNetns) o.link = peer.name;
  else o.link_index = i.peerIndex;
}

export function linkJson(
  world: HostState, list: Interface[], isLink: boolean, o: ViewOptions, brief: boolean,
): JsonValue {
  const rows: JsonValue[] = [];
  for (const i of list) {
    const addrs = addressesOf(i, o.family);
    if (!isLink && o.family && addrs.length === 0) continue;
    const r: Record<string, JsonValue> = brief ? {} : { ifindex: i.index };
    nameJson(world, i, r);
    if (brief) {
      r.operstate = i.operState;
      if (isLink && i.mac !== undefined && i.kind !== 'tun') r.address = i.mac;
      if (isLink) r.flags = [...i.flags];
      else r.addr_info = addrs.map(briefAddrJson);
      rows.push(r);
      continue;
    }
    Object.assign(r, { flags: [...i.flags], mtu: i.mtu, qdisc: i.qdisc });
    if (i.master) r.master = i.master;
    r.operstate = i.operState;
    if (isLink) r.linkmode = 'DEFAULT';
    Object.assign(r, { group: 'default', txqlen: i.qlen, link_type: linkType(i) });
    if (i.mac !== undefined && i.kind !== 'tun') {
      Object.assign(r, { address: i.mac, broadcast: broadcastMac(i) });
    }
    if (i.linkNetns) r.link_netnsid = 0;
    if (isLink && o.stats) r.stats64 = statsJson(i.stats);
    if (!isLink) r.addr_info = addrs.map((a) => addrJson(i, a));
    if (!isLink && o.stats) r.stats64 = statsJson(i.stats);
    rows.push(r);
  }
  return rows;
}

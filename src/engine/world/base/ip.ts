/**
 * Address arithmetic for building the host: networks of prefixes, broadcast
 * addresses, EUI-64 link-local addresses, endpoint text as the format writes
 * it ("10.10.0.5:22", "[::1]:8080", "*:22", "0.0.0.0:*").
 */
import { canonicalIp, formatIpv6, ipv6Groups } from '../../scoring/address';

export function isV6(addr: string): boolean {
  return addr.includes(':');
}

function v4ToInt(addr: string): number {
  return addr.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}

function intToV4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** "10.10.0.5", 24 -> "10.10.0.0" (and the v6 equivalent). */
export function networkOf(addr: string, prefix: number): string {
  if (!isV6(addr)) {
    const size = 2 ** (32 - prefix);
    const n = v4ToInt(addr);
    return intToV4(n - (n % size));
  }
  const groups = ipv6Groups(addr) ?? new Array<number>(8).fill(0);
  const masked = groups.map((g, i) => {
    const bits = Math.max(0, Math.min(16, prefix - i * 16));
    return bits === 0 ? 0 : g & (0xffff << (16 - bits)) & 0xffff;
  });
  return formatIpv6(masked);
}

export function broadcastOf(addr: string, prefix: number): string {
  const size = 2 ** (32 - prefix);
  const n = v4ToInt(addr);
  return intToV4(n - (n % size) + size - 1);
}

/** fe80::/64 address from a MAC by modified EUI-64. */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const g = (hi: number, lo: number) => ((hi & 255) << 8) | (lo & 255);
  const groups = [
    0xfe80,
    0,
    0,
    0,
    g((b[0] ?? 0) ^ 2, b[1] ?? 0),
    g(b[2] ?? 0, 0xff),
    g(0xfe, b[3] ?? 0),
    g(b[4] ?? 0, b[5] ?? 0),
  ];
  return formatIpv6(groups);
}

/** A sortable key of an address: family then numeric value. */
export function addrKey(addr: string): string {
  if (!isV6(addr)) return `4${v4ToInt(addr).toString(16).padStart(8, '0')}`;
  const groups = ipv6Groups(addr) ?? [];
  return `6${groups.map((g) => g.toString(16).padStart(4, '0')).join('')}`;
}

export function canonical(addr: string): string | null {
  return canonicalIp(addr);
}

export interface ParsedEndpoint {
  addr: string;
  /** undefined: ephemeral, to be allocated. */
  port?: number;
}

/**
 * Reads endpoint text. "*" alone is the v4 wildcard with port 0; "*:22" is
 * 0.0.0.0:22; "ADDR:*" has port 0. Returns null for nonsense.
 */
export function parseEndpointText(text: string): ParsedEndpoint | null {
  const t = text.trim();
  if (t === '*' || t === '*:*') return { addr: '0.0.0.0', port: 0 };
  const bracket = /^\[([^\]]+)\](?::(\d+|\*))?$/.exec(t);
  if (bracket) return withPort(bracket[1] as string, bracket[2]);
  const colons = (t.match(/:/g) ?? []).length;
  if (colons === 0) return withPort(t, undefined);
  if (colons === 1) {
    const [a = '', p] = t.split(':');
    return withPort(a === '*' ? '0.0.0.0' : a, p);
  }
  return withPort(t, undefined);
}

function withPort(addrText: string, portText: string | undefined): ParsedEndpoint | null {
  const addr = canonicalIp(addrText);
  if (addr === null) return null;
  if (portText === undefined) return { addr };
  if (portText === '*') return { addr, port: 0 };
  const port = Number(portText);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? { addr, port } : null;
}

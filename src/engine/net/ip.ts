/**
 * IPv4 and IPv6 addresses as bytes, parsed and printed in canonical form.
 *
 * Every socket view shares these: `ss`, `netstat`, `lsof` and /proc/net/*
 * must agree on an address, so they all go through one parser and one
 * printer. IPv6 text follows RFC 5952 (lower case, the longest run of two or
 * more zero groups shortened to "::", the first run on a tie, no leading
 * zeros), which is what glibc's inet_ntop prints, except that inet_ntop also
 * writes IPv4-mapped and IPv4-compatible addresses with a dotted tail
 * ("::ffff:10.0.0.1"); `formatIPv6` does the same.
 */
import type { Family } from '../world/types';

/** An address as 4 (IPv4) or 16 (IPv6) bytes in network order. */
export interface IpAddr {
  family: Family;
  bytes: Uint8Array;
}

/** Parse a dotted quad strictly (four decimal parts 0-255, no leading +). */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] as string;
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

export function formatIPv4(bytes: Uint8Array): string {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

/** Parse IPv6 text (with "::" and an optional dotted IPv4 tail); no zone ids. */
export function parseIPv6(text: string): Uint8Array | null {
  if (text.length === 0 || text.length > 45) return null;
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return null;
  const head = dbl >= 0 ? text.slice(0, dbl) : text;
  const tail = dbl >= 0 ? text.slice(dbl + 2) : '';
  const headGroups = parseGroups(head);
  const tailGroups = parseGroups(tail);
  if (!headGroups || !tailGroups) return null;
  const count = headGroups.length + tailGroups.length;
  if (dbl < 0 && count !== 8) return null;
  if (dbl >= 0 && count > 7) return null;
  const groups = [...headGroups, ...new Array<number>(8 - count).fill(0), ...tailGroups];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

function parseGroups(part: string): number[] | null {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as string;
    if (i === pieces.length - 1 && p.includes('.')) {
      const v4 = parseIPv4(p);
      if (!v4) return null;
      groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
    groups.push(parseInt(p, 16));
  }
  return groups;
}

/** RFC 5952 text, with a dotted tail for ::ffff:a.b.c.d and ::a.b.c.d like inet_ntop. */
export function formatIPv6(bytes: Uint8Array): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((bytes[i * 2]! << 8) | bytes[i * 2 + 1]!);
  const v4tail = `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
  const firstFiveZero = g.slice(0, 5).every((x) => x === 0);
  if (firstFiveZero && g[5] === 0xffff) return `::ffff:${v4tail}`;
  if (firstFiveZero && g[5] === 0 && (g[6] !== 0 || (g[7] ?? 0) > 1)) return `::${v4tail}`;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

/** Parse either family; IPv4 first. Returns null for anything else. */
export function parseIp(text: string): IpAddr | null {
  const v4 = parseIPv4(text);
  if (v4) return { family: 'inet', bytes: v4 };
  const v6 = parseIPv6(text);
  if (v6) return { family: 'inet6', bytes: v6 };
  return null;
}

export function formatIp(addr: IpAddr): string {
  return addr.family === 'inet' ? formatIPv4(addr.bytes) : formatIPv6(addr.bytes);
}

/** Canonical text of any accepted spelling ("2001:DB8:0::5" -> "2001:db8::5"), or null. */
export function canonicalIp(text: string): string | null {
  const a = parseIp(text);
  return a ? formatIp(a) : null;
}

export function isWildcard(addr: string): boolean {
  return addr === '0.0.0.0' || addr === '::';
}

/** True for ::ffff:a.b.c.d. */
export function isV4Mapped(bytes: Uint8Array): boolean {
  if (bytes.length !== 16) return false;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/** True when the first `bits` bits of `a` and `b` (same length) are equal. */
export function prefixMatch(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  if (a.length !== b.length) return false;
  const full = Math.floor(bits / 8);
  for (let i = 0; i < full; i++) if (a[i] !== b[i]) return false;
  const rest = bits % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[full]! ^ b[full]!) & mask) === 0;
}

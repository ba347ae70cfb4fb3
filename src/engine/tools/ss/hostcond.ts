/**
 * The operand of ss's filter words (dst, src, dport, sport): "ADDR",
 * "ADDR/PREFIX", "ADDR:PORT", "[V6]:PORT", "*:PORT", ":PORT", "PORT",
 * "unix:PATTERN", "inet:"/"inet6:" prefixes, and service names. Parsed the
 * way iproute2's parse_hostcond does, with its error texts.
 */
import type { Family } from '../../world/types';
import { parseIPv4, parseIPv6 } from '../../net/ip';
import { servicePort } from '../../net/services';

export interface HostCond {
  /** "unix" for a unix pattern; undefined when no family was named. */
  family?: Family | 'unix';
  /** Address bytes and prefix bits; bits 0 means "any address". */
  bytes?: Uint8Array;
  bits: number;
  /** -1 for any port. */
  port: number;
  /** fnmatch pattern for unix sockets. */
  pattern?: string;
}

export interface HostCondContext {
  /** Which tables are asked for; a service name is looked up in these. */
  tcp: boolean;
  udp: boolean;
  /** Family set by -4/-6/-f, used when the text names none. */
  preferred?: Family;
}

export type HostCondResult = { ok: HostCond; family?: Family | 'unix' } | { error: string };

/** C's strtol(s, &end, 0) over the whole string: decimal, 0x hex, 0 octal. */
export function cInteger(s: string): number | undefined {
  const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const neg = s.startsWith('-');
  const body = m[1] as string;
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body.startsWith('0')) n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  return neg ? -n : n;
}

function parsePort(text: string, ctx: HostCondContext): number | { error: string } {
  const n = cInteger(text);
  if (n !== undefined) return n;
  const u = ctx.udp ? servicePort(text, 'udp') : undefined;
  const t = ctx.tcp ? servicePort(text, 'tcp') : undefined;
  if (u !== undefined && t !== undefined && u !== t) {
    return { error: `Error: ambiguous port "${text}".` };
  }
  const p = u ?? t;
  if (p === undefined) return { error: `Error: "${text}" does not look like a port.` };
  return p;
}

/** iproute2's get_addr_ipv4 also takes short forms: "10" = 10.0.0.0, "10.1" = 10.1.0.0. */
function parseShortIPv4(text: string): Uint8Array | null {
  if (!/^\d{1,3}(\.\d{1,3}){0,3}$/.test(text)) return null;
  const parts = text.split('.').map(Number);
  if (parts.some((p) => p > 255)) return null;
  while (parts.length < 4) parts.push(0);
  return parseIPv4(parts.join('.'));
}

function parsePrefix(text: string, family: Family | undefined): HostCond | null {
  if (text === 'default' || text === 'any' || text === 'all') return { port: -1, bits: 0 };
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  let bytes: Uint8Array | null = null;
  let fam: Family | undefined;
  if (family !== 'inet6' && !addrText.includes(':')) {
    bytes = parseShortIPv4(addrText);
    if (bytes) fam = 'inet';
  }
  if (!bytes && family !== 'inet') {
    bytes = parseIPv6(addrText);
    if (bytes) fam = 'inet6';
  }
  if (!bytes || !fam) {
    if (text === 'localhost' && family !== 'inet6') {
      return { family: 'inet', bytes: parseIPv4('127.0.0.1')!, bits: 32, port: -1 };
    }
    return null;
  }
  const max = fam === 'inet' ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const n = cInteger(text.slice(slash + 1));
    if (n === undefined || n < 0 || n > max) return null;
    bits = n;
  }
  return { family: fam, bytes, bits, port: -1 };
}

/** Parse one operand. `isPort` is true after dport/sport. */
export function parseHostCond(raw: string, isPort: boolean, ctx: HostCondContext): HostCondResult {
  let addr = raw;
  let fam: Family | 'unix' | undefined = ctx.preferred;
  for (const [pfx, f] of [
    ['unix:', 'unix'],
    ['inet:', 'inet'],
    ['inet6:', 'inet6'],
  ] as const) {
    if (addr.startsWith(pfx)) {
      fam = f;
      addr = addr.slice(pfx.length);
    }
  }
  if (fam === 'unix') {
    return {
      ok: { family: 'unix', bits: 8 * addr.length, port: -1, pattern: addr },
      family: 'unix',
    };
  }
  const base = addr;
  let port: string | undefined;
  if (addr.startsWith('[')) {
    const close = addr.indexOf(']');
    if (close < 0) return { error: '' };
    port = addr.slice(close + 1);
    addr = addr.slice(1, close);
  } else if (addr.startsWith('*')) {
    port = addr.slice(1);
    addr = '*';
  } else {
    const from = addr.indexOf('/') >= 0 ? addr.indexOf('/') : 0;
    const colon = addr.lastIndexOf(':');
    if (colon >= from) {
      port = addr.slice(colon);
      addr = addr.slice(0, colon);
    }
  }
  if (isPort) {
    port = base;
    addr = '';
  }
  const cond: HostCond = { port: -1, bits: 0 };
  if (port !== undefined && port !== '') {
    if (port.startsWith(':')) port = port.slice(1);
    if (port !== '' && !port.startsWith('*')) {
      const p = parsePort(port, ctx);
      if (typeof p !== 'number') return p;
      cond.port = p;
    }
  }
  if (!isPort && addr !== '' && !addr.startsWith('*')) {
    const pre = parsePrefix(addr, fam);
    if (!pre) return { error: `Error: an inet prefix is expected rather than "${addr}".` };
    Object.assign(cond, { family: pre.family, bytes: pre.bytes, bits: pre.bits });
  }
  return { ok: cond, family: fam };
}

/**
 * IP addresses and endpoints as a trainee may type them, reduced to one
 * canonical text so that any correct spelling compares equal.
 *
 * IPv4 is the dotted quad without leading zeros. IPv6 is RFC 5952 text
 * (lower case, leading zeros dropped, the longest run of two or more zero
 * groups compressed, the first one on a tie). An IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`) is the IPv4 address it carries: `ss` shows a v4 peer
 * of a dual-stack socket that way. A zone (`fe80::1%eth0`) is dropped.
 */

export interface EndpointValue {
  addr: string;
  port: number;
}

const V4_PART = /^\d{1,3}$/;

/** "010.1.0.5" -> "10.1.0.5"; leading zeros read as decimal, not octal. */
export function parseIpv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const part of parts) {
    if (!V4_PART.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    out.push(n);
  }
  return out.join('.');
}

function v4ToGroups(v4: string): number[] {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  return [(a << 8) | b, (c << 8) | d];
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const out: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      out.push(...v4ToGroups(v4));
    } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
export function ipv6Groups(input: string): number[] | null {
  const text = input.replace(/%[0-9a-z_.-]+$/i, '');
  const halves = text.split('::');
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const groups = parseGroups(text);
    return groups !== null && groups.length === 8 ? groups : null;
  }
  const head = parseGroups(halves[0] as string);
  const tail = parseGroups(halves[1] as string);
  if (head === null || tail === null) return null;
  if (head.length + tail.length > 7) return null;
  const zeros = new Array<number>(8 - head.length - tail.length).fill(0);
  return [...head, ...zeros, ...tail];
}

function longestZeroRun(groups: number[]): [number, number] {
  let best: [number, number] = [-1, 0];
  let start = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > best[1]) best = [start, i - start];
    start = -1;
  }
  return best;
}

/** RFC 5952 text of eight groups. */
export function formatIpv6(groups: number[]): string {
  const [start, len] = longestZeroRun(groups);
  const hex = groups.map((g) => g.toString(16));
  if (len < 2) return hex.join(':');
  const head = hex.slice(0, start).join(':');
  const tail = hex.slice(start + len).join(':');
  return `${head}::${tail}`;
}

function mappedV4(groups: number[]): string | null {
  const prefixZero = groups.slice(0, 5).every((g) => g === 0);
  if (!prefixZero || groups[5] !== 0xffff) return null;
  const hi = groups[6] as number;
  const lo = groups[7] as number;
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Canonical text of an address in any spelling, or null if it is none. */
export function canonicalIp(input: string): string | null {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.includes(':')) {
    const groups = ipv6Groups(text);
    if (groups === null) return null;
    return mappedV4(groups) ?? formatIpv6(groups);
  }
  return parseIpv4(text);
}

function parsePortText(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

function bracketed(text: string): EndpointValue | null {
  const m = /^\[([^\]]+)\](?::|\.|\s+)(\d+)$/.exec(text);
  if (!m) return null;
  const addr = canonicalIp(m[1] as string);
  const port = parsePortText(m[2] as string);
  return addr !== null && port !== null ? { addr, port } : null;
}

function splitAt(text: string, at: number): EndpointValue | null {
  if (at <= 0) return null;
  const addr = canonicalIp(text.slice(0, at));
  const port = parsePortText(text.slice(at + 1).trim());
  return addr !== null && port !== null ? { addr, port } : null;
}

/**
 * Every reading of `text` as address and port. `[2001:db8::5]:22`,
 * `203.0.113.45:40531`, `203.0.113.45 40531` (as SSH_CONNECTION has it) and
 * netstat's unbracketed `2001:db8::5:22` are all read; the last one is
 * ambiguous, so it yields the split at the last colon.
 */
export function parseEndpoint(input: string): EndpointValue[] {
  const text = input.trim();
  const inBrackets = bracketed(text);
  if (inBrackets) return [inBrackets];
  const out: EndpointValue[] = [];
  const space = /^(\S+)\s+(\d+)$/.exec(text);
  if (space) {
    const viaSpace = splitAt(text, (space[1] as string).length);
    if (viaSpace) out.push(viaSpace);
  }
  const viaColon = splitAt(text, text.lastIndexOf(':'));
  if (viaColon) out.push(viaColon);
  return out;
}

/** The address part of an answer that may carry a port; null if none. */
export function ipOfAnswer(input: string): string | null {
  const whole = canonicalIp(input);
  if (whole !== null) return whole;
  const endpoints = parseEndpoint(input);
  return endpoints.length > 0 ? (endpoints[0] as EndpointValue).addr : null;
}

/** Textual forms a tool may print an address in (for the evidence check). */
export function ipSpellings(addr: string): string[] {
  if (addr.includes(':')) return [addr];
  return [addr, `::ffff:${addr}`];
}

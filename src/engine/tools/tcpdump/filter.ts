/**
 * A pcap-filter(7) subset, compiled to a predicate over world packets:
 * `host`, `net`, `port`, `portrange` with `src`/`dst` and a protocol
 * (`tcp port 22`), bare `tcp`/`udp`/`icmp`/`ip`/`ip6`, `less`/`greater`,
 * `and`/`&&`, `or`/`||`, `not`/`!`, parentheses, an id that repeats the last
 * qualifiers (`port 80 or 443`), and byte tests like
 * `tcp[tcpflags] & (tcp-syn|tcp-fin) != 0` or `tcp[13] & 2 != 0`.
 * Errors read as libpcap's: `can't parse filter expression: syntax error`.
 */
import type { Packet } from '../../world/types';
import { parseIp, prefixMatch, servicePort } from '../../net';

export type PacketTest = (p: Packet) => boolean;

export class FilterError extends Error {}

const FLAG_BITS: Record<string, number> = { F: 1, S: 2, R: 4, P: 8, '.': 16, U: 32, E: 64, W: 128 };
const CONSTS: Record<string, number> = {
  'tcp-fin': 1, 'tcp-syn': 2, 'tcp-rst': 4, 'tcp-push': 8, 'tcp-ack': 16, 'tcp-urg': 32,
  'tcp-ece': 64, 'tcp-cwr': 128, tcpflags: 13, icmptype: 0, icmpcode: 1,
  'icmp-echoreply': 0, 'icmp-echo': 8, 'icmp-unreach': 3,
};

export function tcpFlagByte(p: Packet): number {
  let b = 0;
  for (const ch of p.flags ?? '') b |= FLAG_BITS[ch] ?? 0;
  return b;
}

function tokenize(text: string): string[] {
  const re = /\s*(&&|\|\||!=|==|>=|<=|[()[\]&|!<>=+\-*/:]|[A-Za-z0-9_.:\-/]+(?<![-]))/y;
  const out: string[] = [];
  let i = 0;
  const src = text.trim();
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m || m[1] === undefined) throw new FilterError('syntax error');
    out.push(m[1]);
    i = re.lastIndex;
    while (src[i] === ' ' || src[i] === '\t') i++;
  }
  return out;
}

interface Quals { proto?: string; dir?: string; type?: string }

const PROTOS = new Set(['tcp', 'udp', 'icmp', 'ip', 'ip6', 'arp', 'icmp6']);
const DIRS = new Set(['src', 'dst']);
const TYPES = new Set(['host', 'net', 'port', 'portrange']);

class Parser {
  private i = 0;
  private last: Quals = { type: 'host' };
  constructor(private readonly t: string[]) {}

  private peek(): string | undefined { return this.t[this.i]; }
  private next(): string {
    const v = this.t[this.i++];
    if (v === undefined) throw new FilterError('syntax error');
    return v;
  }

  parse(): PacketTest {
    if (this.t.length === 0) return () => true;
    const e = this.or();
    if (this.i < this.t.length) throw new FilterError('syntax error');
    return e;
  }

  private or(): PacketTest {
    let left = this.and();
    while (this.peek() === 'or' || this.peek() === '||') {
      this.i++;
      const l = left;
      const r = this.and();
      left = (p) => l(p) || r(p);
    }
    return left;
  }

  private and(): PacketTest {
    let left = this.not();
    while (this.peek() === 'and' || this.peek() === '&&') {
      this.i++;
      const l = left;
      const r = this.not();
      left = (p) => l(p) && r(p);
    }
    return left;
  }

  private not(): PacketTest {
    if (this.peek() === 'not' || this.peek() === '!') {
      this.i++;
      const e = this.not();
      return (p) => !e(p);
    }
    return this.atom();
  }

  private atom(): PacketTest {
    const tok = this.peek();
    if (tok === '(') {
      const save = this.i;
      this.i++;
      try {
        const e = this.or();
        if (this.next() !== ')') throw new FilterError('syntax error');
        if (!isRelop(this.peek()) && !isArith(this.peek())) return e;
      } catch (err) {
        if (!(err instanceof FilterError)) throw err;
      }
      this.i = save;
      return this.relation();
    }
    if (tok !== undefined && PROTOS.has(tok) && this.t[this.i + 1] === '[') return this.relation();
    if (tok !== undefined && /^\d/.test(tok) && isRelopOrArith(this.t[this.i + 1])) return this.relation();
    return this.primitive();
  }

  private primitive(): PacketTest {
    const q: Quals = {};
    let tok = this.next();
    if (tok === 'less' || tok === 'greater') {
      const n = Number(this.next());
      return tok === 'less' ? (p) => p.length <= n : (p) => p.length >= n;
    }
    if (PROTOS.has(tok)) { q.proto = tok; tok = this.peek() ?? ''; if (!DIRS.has(tok) && !TYPES.has(tok)) return protoTest(q.proto); this.i++; }
    if (DIRS.has(tok)) {
      q.dir = tok;
      const nx = this.peek();
      if (nx === 'or' || nx === 'and') { this.i++; q.dir = `${tok} ${nx} ${this.next()}`; }
      tok = this.next();
    }
    if (TYPES.has(tok)) { q.type = tok; tok = this.next(); }
    else if (q.dir || q.proto) q.type = 'host';
    else {
      q.proto = this.last.proto; q.dir = this.last.dir; q.type = this.last.type;
    }
    this.last = { ...q };
    return idTest(q, tok);
  }

  private relation(): PacketTest {
    const left = this.arith();
    const op = this.next();
    if (!isRelop(op)) throw new FilterError('syntax error');
    const right = this.arith();
    return (p) => compare(left(p), op, right(p));
  }

  private arith(): (p: Packet) => number {
    let left = this.term();
    while (isArith(this.peek())) {
      const op = this.next();
      const l = left;
      const r = this.term();
      left = (p) => applyArith(l(p), op, r(p));
    }
    return left;
  }

  private term(): (p: Packet) => number {
    const tok = this.next();
    if (tok === '(') {
      const e = this.arith();
      if (this.next() !== ')') throw new FilterError('syntax error');
      return e;
    }
    if (PROTOS.has(tok) && this.peek() === '[') {
      this.i++;
      let size = 1;
      const split = /^(\d+):(\d+)$/.exec(this.peek() ?? '');
      let off: (p: Packet) => number;
      if (split) {
        this.i++;
        off = () => Number(split[1]);
        size = Number(split[2]);
      } else {
        off = this.arith();
        if (this.peek() === ':') { this.i++; size = Number(this.next()); }
      }
      if (this.next() !== ']') throw new FilterError('syntax error');
      return (p) => byteAt(p, tok, off(p), size);
    }
    if (/^\d+$/.test(tok)) return () => Number(tok);
    if (/^0x[0-9a-f]+$/i.test(tok)) return () => parseInt(tok, 16);
    if (Object.hasOwn(CONSTS, tok)) return () => CONSTS[tok] ?? 0;
    throw new FilterError('syntax error');
  }
}

const isRelop = (t?: string): boolean => t !== undefined && ['=', '==', '!=', '>', '<', '>=', '<='].includes(t);
const isArith = (t?: string): boolean => t !== undefined && ['&', '|', '+', '-', '*', '/'].includes(t);
const isRelopOrArith = (t?: string): boolean => isRelop(t) || isArith(t);

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '>': return a > b;
    case '<': return a < b;
    case '>=': return a >= b;
    default: return a <= b;
  }
}

function applyArith(a: number, op: string, b: number): number {
  switch (op) {
    case '&': return a & b;
    case '|': return a | b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return b === 0 ? 0 : Math.floor(a / b);
  }
}

/** The few header bytes the model can answer: TCP flags, ports, ICMP type. */
function byteAt(p: Packet, proto: string, off: number, size: number): number {
  if (proto === 'tcp' && p.proto === 'tcp') {
    if (off === 13 && size === 1) return tcpFlagByte(p);
    if (off === 0 && size === 2) return p.sport;
    if (off === 2 && size === 2) return p.dport;
  }
  if (proto === 'udp' && p.proto === 'udp') {
    if (off === 0 && size === 2) return p.sport;
    if (off === 2 && size === 2) return p.dport;
  }
  if (proto === 'icmp' && p.proto === 'icmp' && off === 0) return p.dport === 0 ? 0 : 8;
  return 0;
}

function protoTest(proto: string): PacketTest {
  switch (proto) {
    case 'ip': return (p) => p.family === 'inet';
    case 'ip6': return (p) => p.family === 'inet6';
    case 'arp': return () => false;
    case 'icmp6': return (p) => p.family === 'inet6' && p.proto === 'icmp';
    default: return (p) => p.proto === proto;
  }
}

function sides(dir: string | undefined): ['src' | 'dst' | 'either', boolean] {
  if (dir === 'src') return ['src', false];
  if (dir === 'dst') return ['dst', false];
  if (dir === 'src and dst' || dir === 'dst and src') return ['either', true];
  return ['either', false];
}

function both<T>(dir: string | undefined, s: T, d: T, f: (x: T) => boolean): boolean {
  const [side, all] = sides(dir);
  if (side === 'src') return f(s);
  if (side === 'dst') return f(d);
  return all ? f(s) && f(d) : f(s) || f(d);
}

function idTest(q: Quals, id: string): PacketTest {
  const proto = q.proto ? protoTest(q.proto) : () => true;
  if (q.type === 'port' || q.type === 'portrange') {
    const [lo, hi] = portRange(id, q);
    return (p) => proto(p) && p.proto !== 'icmp' &&
      both(q.dir, p.sport, p.dport, (x) => x >= lo && x <= hi);
  }
  const [addr, bits] = id.split('/');
  const ip = parseIp(addr ?? '');
  if (!ip) throw new FilterError(`unknown host '${id}'`);
  const width = bits !== undefined ? Number(bits) : ip.bytes.length * 8;
  return (p) => proto(p) && both(q.dir, p.src, p.dst, (x) => {
    const other = parseIp(x);
    return other !== null && prefixMatch(other.bytes, ip.bytes, width);
  });
}

function portRange(id: string, q: Quals): [number, number] {
  const one = (s: string): number => {
    if (/^\d+$/.test(s)) return Number(s);
    const n = servicePort(s, q.proto === 'udp' ? 'udp' : 'tcp');
    if (n === undefined) throw new FilterError(`unknown port '${s}'`);
    return n;
  };
  if (q.type === 'portrange') {
    const [a, b] = id.split('-');
    return [one(a ?? ''), one(b ?? '')];
  }
  const n = one(id);
  return [n, n];
}

/** Compiles the words after the options (`tcp`, `port`, `8443`, ...). */
export function compileFilter(words: string[]): PacketTest {
  return new Parser(tokenize(words.join(' '))).parse();
}

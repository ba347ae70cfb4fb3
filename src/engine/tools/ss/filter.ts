/**
 * ss's filter language: a lexer and a recursive-descent parser that accept
 * exactly what iproute2's ssfilter.y grammar accepts, and an evaluator.
 *
 * Tokens are the command-line words split on spaces and tabs (so "(" must
 * stand alone, as in ss). `and`/`&&`/`&`, `or`/`||`/`|`, `not`/`!`; an
 * expression followed by another is an AND. As in ss, `and` and `or` have
 * no precedence over each other: the grammar folds left to right.
 * Operands are read by the lexer as soon as they are seen, so a bad address
 * fails before a syntax error later on the line, as in ss.
 */
import type { Family } from '../../world/types';
import { type HostCond, type HostCondContext, cInteger, parseHostCond } from './hostcond';

export type FilterNode =
  | { op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { op: 'not'; expr: FilterNode }
  | { op: 'dst' | 'src'; cond: HostCond }
  | { op: 'dge' | 'dle' | 'sge' | 'sle'; port: number }
  | { op: 'dev'; ifindex: number }
  | { op: 'mark'; mark: number; mask: number }
  | { op: 'cgroup'; path: string }
  | { op: 'autobound' };

export interface FilterContext extends HostCondContext {
  /** Interface name -> index, for `dev`. */
  ifindex: (name: string) => number | undefined;
}

export type FilterParse =
  | { ok: FilterNode | null; family?: Family | 'unix' }
  | { error: string; exitCode: number; usage: boolean };

type Tok =
  | { t: '(' | ')' | '!' | '&' | '|' | '=' | '<' | '>' | 'GEQ' | 'LEQ' | 'NEQ' | 'EOF' }
  | { t: 'DCOND' | 'SCOND' | 'DPORT' | 'SPORT' | 'DEVNAME' | 'FWMARK' | 'CGROUPPATH' }
  | { t: 'AUTOBOUND' }
  | { t: 'HOSTCOND'; cond: HostCond }
  | { t: 'DEVCOND'; ifindex: number }
  | { t: 'MARKMASK'; mark: number; mask: number }
  | { t: 'CGROUPCOND'; path: string };

class FilterError extends Error {
  constructor(
    readonly text: string,
    readonly exitCode: number,
    readonly usage: boolean,
  ) {
    super(text);
  }
}

const WORDS: Record<string, Tok['t']> = {
  '!': '!',
  not: '!',
  '&': '&',
  '&&': '&',
  and: '&',
  '|': '|',
  '||': '|',
  or: '|',
  '(': '(',
  ')': ')',
  dst: 'DCOND',
  src: 'SCOND',
  dport: 'DPORT',
  sport: 'SPORT',
  dev: 'DEVNAME',
  fwmark: 'FWMARK',
  cgroup: 'CGROUPPATH',
  '>=': 'GEQ',
  ge: 'GEQ',
  geq: 'GEQ',
  '<=': 'LEQ',
  le: 'LEQ',
  leq: 'LEQ',
  '!=': 'NEQ',
  ne: 'NEQ',
  neq: 'NEQ',
  '=': '=',
  '==': '=',
  eq: '=',
  '>': '>',
  gt: '>',
  '<': '<',
  lt: '<',
  autobound: 'AUTOBOUND',
};
const SETS_TYPE = new Set([
  'DCOND',
  'SCOND',
  'DPORT',
  'SPORT',
  'DEVNAME',
  'FWMARK',
  'CGROUPPATH',
  'AUTOBOUND',
]);

/** Split words like ss's get_token_from_line: on blanks, backslash escapes. */
export function splitWords(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let cur = '';
    let has = false;
    for (let i = 0; i < arg.length; i++) {
      const c = arg[i] as string;
      if (c === ' ' || c === '\t') {
        if (has) out.push(cur);
        cur = '';
        has = false;
      } else if (c === '\\') {
        if (i + 1 < arg.length) cur += arg[++i];
        has = true;
      } else {
        cur += c;
        has = true;
      }
    }
    if (has) out.push(cur);
  }
  return out;
}

class Lexer {
  private i = 0;
  private tokType = '';
  private peeked: Tok | undefined;
  family: Family | 'unix' | undefined;

  constructor(
    private words: string[],
    private ctx: FilterContext,
  ) {}

  peek(): Tok {
    if (!this.peeked) this.peeked = this.read();
    return this.peeked;
  }

  next(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private read(): Tok {
    if (this.i >= this.words.length) return { t: 'EOF' };
    const w = this.words[this.i++] as string;
    const kw = Object.prototype.hasOwnProperty.call(WORDS, w) ? WORDS[w] : undefined;
    if (kw) {
      if (SETS_TYPE.has(kw)) this.tokType = kw;
      return { t: kw } as Tok;
    }
    if (this.tokType === 'DEVNAME') {
      const idx = cInteger(w) ?? this.ctx.ifindex(w);
      if (idx === undefined) throw new FilterError('Cannot parse device.', 1, false);
      return { t: 'DEVCOND', ifindex: idx };
    }
    if (this.tokType === 'FWMARK') return this.mark(w);
    if (this.tokType === 'CGROUPPATH') return { t: 'CGROUPCOND', path: w };
    const isPort = this.tokType === 'SPORT' || this.tokType === 'DPORT';
    const r = parseHostCond(w, isPort, this.ctx);
    if ('error' in r) {
      const lines = r.error ? `${r.error}\n` : '';
      throw new FilterError(`${lines}Cannot parse dst/src address.`, 1, false);
    }
    if (r.family) this.family = r.family;
    return { t: 'HOSTCOND', cond: r.ok };
  }

  private mark(w: string): Tok {
    const [m, k] = w.split('/');
    const mark = cInteger(m ?? '');
    const mask = k === undefined ? 0xffffffff : cInteger(k);
    if (mark === undefined || mask === undefined) {
      throw new FilterError(`Cannot parse mark ${w}.`, 1, false);
    }
    return { t: 'MARKMASK', mark, mask };
  }
}

const SYNTAX = 'ss: bison bellows (while parsing filter): "syntax error!" Sorry.';
/** Tokens an expression may start with: a group, a negation or a condition. */
const STARTS = new Set(['(', '!', ...SETS_TYPE]);

function syntax(): never {
  throw new FilterError(SYNTAX, 255, true);
}

function expect<T extends Tok['t']>(lx: Lexer, t: T): Extract<Tok, { t: T }> {
  const tok = lx.next();
  if (tok.t !== t) syntax();
  return tok as Extract<Tok, { t: T }>;
}

function exprlist(lx: Lexer): FilterNode {
  let left = expr(lx);
  for (;;) {
    const t = lx.peek().t;
    if (t === '|' || t === '&') {
      lx.next();
      left = { op: t === '|' ? 'or' : 'and', left, right: expr(lx) };
    } else if (STARTS.has(t)) {
      left = { op: 'and', left, right: expr(lx) };
    } else {
      return left;
    }
  }
}

function optEq(lx: Lexer): void {
  if (lx.peek().t === '=') lx.next();
}

function portExpr(lx: Lexer, side: 'd' | 's'): FilterNode {
  const op = lx.peek().t;
  if (op === 'GEQ' || op === 'LEQ' || op === '>' || op === '<' || op === 'NEQ') lx.next();
  else optEq(lx);
  const cond = expect(lx, 'HOSTCOND').cond;
  const ge = { op: `${side}ge` as const, port: cond.port };
  const le = { op: `${side}le` as const, port: cond.port };
  const eq: FilterNode = { op: side === 'd' ? 'dst' : 'src', cond };
  if (op === 'GEQ') return ge;
  if (op === 'LEQ') return le;
  if (op === '>') return { op: 'not', expr: le };
  if (op === '<') return { op: 'not', expr: ge };
  if (op === 'NEQ') return { op: 'not', expr: eq };
  return eq;
}

function eqOrNot(lx: Lexer, node: () => FilterNode): FilterNode {
  if (lx.peek().t === 'NEQ') {
    lx.next();
    return { op: 'not', expr: node() };
  }
  optEq(lx);
  return node();
}

function expr(lx: Lexer): FilterNode {
  const tok = lx.next();
  switch (tok.t) {
    case '(': {
      const inner = exprlist(lx);
      expect(lx, ')');
      return inner;
    }
    case '!':
      return { op: 'not', expr: expr(lx) };
    case 'DCOND':
    case 'SCOND':
      optEq(lx);
      return { op: tok.t === 'DCOND' ? 'dst' : 'src', cond: expect(lx, 'HOSTCOND').cond };
    case 'DPORT':
      return portExpr(lx, 'd');
    case 'SPORT':
      return portExpr(lx, 's');
    case 'DEVNAME':
      return eqOrNot(lx, () => ({ op: 'dev', ifindex: expect(lx, 'DEVCOND').ifindex }));
    case 'FWMARK':
      return eqOrNot(lx, () => {
        const m = expect(lx, 'MARKMASK');
        return { op: 'mark', mark: m.mark, mask: m.mask };
      });
    case 'CGROUPPATH':
      return eqOrNot(lx, () => ({ op: 'cgroup', path: expect(lx, 'CGROUPCOND').path }));
    case 'AUTOBOUND':
      return { op: 'autobound' };
    default:
      return syntax();
  }
}

/** Parse the filter words left after options and state words. */
export function parseFilter(args: readonly string[], ctx: FilterContext): FilterParse {
  const lx = new Lexer(splitWords(args), ctx);
  try {
    if (lx.peek().t === 'EOF') return { ok: null };
    const node = exprlist(lx);
    if (lx.next().t !== 'EOF') syntax();
    return { ok: node, family: lx.family };
  } catch (e) {
    if (e instanceof FilterError) return { error: e.text, exitCode: e.exitCode, usage: e.usage };
    throw e;
  }
}

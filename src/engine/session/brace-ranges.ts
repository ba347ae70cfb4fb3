/**
 * Sequence expressions ({1..20000}, file{001..500}.txt) past just-bash's
 * own reach. just-bash 3.4.2 stops a numeric range at 10,000 terms without
 * a word (a constant in its range expansion that no execution limit
 * changes), so `for i in {1..20000}` ran 10,000 times. This transform,
 * run on each command line's syntax tree before it executes, expands such
 * ranges itself, as bash would, up to BRACE_RESULTS_MAX terms:
 *
 * - a word that is only literal text around one range becomes its terms,
 *   each a word of its own, where the shell takes a list of words
 *   (arguments, `for ... in`, `name=(...)`);
 * - any other range of more than 10,000 terms becomes a brace list of its
 *   terms, which just-bash expands under its own limits (it reports, not
 *   truncates, when they are passed).
 *
 * Zero-padded ranges of any length are expanded here too, padded as bash
 * pads them (`{-05..20000}` starts -0005 -0004 ...; just-bash would give
 * -05 -04 ... 00 01).
 * A longer sequence fails as bash's does when it cannot allocate the
 * terms: `bash: brace expansion: failed to allocate memory for N
 * elements` on stderr, and the word stays as written. Past INT_MAX - 3
 * terms bash leaves the word as written without a message; so does this.
 * Ranges of letters never exceed 58 terms and are left to just-bash.
 */
import type { TransformPlugin } from 'just-bash';

/** The most terms one sequence expression may have in the lab. */
export const BRACE_RESULTS_MAX = 100_000;
/** just-bash expands up to this many terms of a range itself. */
const JUST_BASH_RANGE = 10_000;
/** bash leaves a sequence of more terms than this unexpanded. */
const BASH_MAX_TERMS = 2_147_483_647 - 3;

type Node = Record<string, unknown>;
interface Range { start: number; end: number; step?: number; startStr?: string; endStr?: string }

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const literal = (value: string): Node => ({ type: 'Literal', value });
const word = (parts: Node[]): Node => ({ type: 'Word', parts });

function numericRange(item: unknown): Range | undefined {
  if (!isNode(item) || item.type !== 'Range') return undefined;
  if (typeof item.start !== 'number' || typeof item.end !== 'number') return undefined;
  return item as unknown as Range;
}

function termCount(r: Range): number {
  const step = Math.abs(r.step ?? 1) || 1;
  return Math.floor(Math.abs(r.end - r.start) / step) + 1;
}

/** How the range reads in the command line: `{1..20000}`, `{01..9..2}`. */
function rangeText(r: Range): string {
  const step = r.step !== undefined ? `..${r.step}` : '';
  return `{${r.startStr ?? String(r.start)}..${r.endStr ?? String(r.end)}${step}}`;
}

/**
 * The terms, zero-padded as bash pads them: when either end starts with a
 * zero, to the longer end's length, the sign counted (`%0*d`).
 */
function padWidth(r: Range): number {
  const from = r.startStr ?? String(r.start);
  const to = r.endStr ?? String(r.end);
  const zero = (s: string): boolean => /^-?0./.test(s);
  return zero(from) || zero(to) ? Math.max(from.length, to.length) : 0;
}

/** just-bash cuts ranges at 10,000 terms and pads zeros its own way: those are ours. */
const ours = (r: Range): boolean => termCount(r) > JUST_BASH_RANGE || padWidth(r) > 0;

function terms(r: Range): string[] {
  const width = padWidth(r);
  const show = (n: number): string => {
    const sign = n < 0 ? '-' : '';
    return `${sign}${String(Math.abs(n)).padStart(width - sign.length, '0')}`;
  };
  const step = Math.abs(r.step ?? 1) || 1;
  const out: string[] = [];
  const count = termCount(r);
  const dir = r.start <= r.end ? 1 : -1;
  for (let i = 0; i < count; i++) out.push(show(r.start + dir * i * step));
  return out;
}

/** The range a word holds when it is literal text around one big range. */
function soleRange(w: Node): { range: Range; before: Node[]; after: Node[] } | undefined {
  const parts = Array.isArray(w.parts) ? (w.parts as unknown[]) : [];
  const at = parts.findIndex((p) => isNode(p) && p.type === 'BraceExpansion');
  if (at < 0) return undefined;
  const brace = parts[at] as Node;
  const items = Array.isArray(brace.items) ? brace.items : [];
  const range = items.length === 1 ? numericRange(items[0]) : undefined;
  if (!range || !ours(range)) return undefined;
  const plain = (p: unknown): boolean => isNode(p) && (p.type === 'Literal' || p.type === 'SingleQuoted' || p.type === 'Escaped');
  if (!parts.every((p, i) => i === at || plain(p))) return undefined;
  return { range, before: parts.slice(0, at) as Node[], after: parts.slice(at + 1) as Node[] };
}

class Expander {
  errors: string[] = [];

  /** Too many terms: the message bash gives (or none), and the text as written. */
  private refuse(r: Range): Node {
    const n = termCount(r);
    if (n <= BASH_MAX_TERMS) this.errors.push(`bash: brace expansion: failed to allocate memory for ${n} elements`);
    return literal(rangeText(r));
  }

  /** One word in a list of words: the words it stands for. */
  listWord(w: Node): Node[] {
    const sole = soleRange(w);
    if (!sole) return [this.word(w)];
    const { range, before, after } = sole;
    if (termCount(range) > BRACE_RESULTS_MAX) return [word([...before, this.refuse(range), ...after])];
    return terms(range).map((t) => word([...before, literal(t), ...after]));
  }

  /** A word anywhere else: its big ranges become brace lists (or fail). */
  word(w: Node): Node {
    this.visit(w);
    if (!Array.isArray(w.parts)) return w;
    w.parts = (w.parts as unknown[]).map((p) => {
      if (!isNode(p) || p.type !== 'BraceExpansion' || !Array.isArray(p.items)) return p;
      const big = (p.items as unknown[]).map(numericRange).find((r) => r && termCount(r) > BRACE_RESULTS_MAX);
      if (big) return this.refuse(big);
      p.items = (p.items as unknown[]).flatMap((item) => {
        const r = numericRange(item);
        if (!r || !ours(r)) return [item];
        return terms(r).map((t) => ({ type: 'Word', word: word([literal(t)]) }));
      });
      return p;
    });
    return w;
  }

  /** Every array and object under a node; statements get their errors printed first. */
  visit(node: Node): void {
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) node[key] = this.list(key, value);
      else if (isNode(value)) node[key] = value.type === 'Word' ? this.word(value) : (this.visit(value), value);
    }
  }

  private list(key: string, values: unknown[]): unknown[] {
    const out: unknown[] = [];
    for (const v of values) {
      if (!isNode(v)) out.push(v);
      else if (v.type === 'Statement') out.push(...this.statement(v));
      else if (v.type === 'Word' && Array.isArray(v.parts) && key !== 'items') out.push(...this.listWord(v));
      else {
        this.visit(v);
        out.push(v);
      }
    }
    return out;
  }

  private statement(s: Node): Node[] {
    const outer = this.errors;
    this.errors = [];
    this.visit(s);
    const messages = this.errors;
    this.errors = outer;
    return [...messages.map(errorStatement), s];
  }
}

/** `printf '%s\n' MESSAGE >&2` as a statement of the syntax tree. */
function errorStatement(message: string): Node {
  const command = {
    type: 'SimpleCommand', name: word([literal('printf')]),
    args: [word([{ type: 'SingleQuoted', value: '%s\\n' }]), word([{ type: 'SingleQuoted', value: message }])],
    assignments: [],
    redirections: [{ type: 'Redirection', fd: null, operator: '>&', target: word([literal('2')]) }],
  };
  return {
    type: 'Statement', operators: [], background: false, sourceText: '',
    pipelines: [{ type: 'Pipeline', commands: [command], negated: false, timed: false, timePosix: false }],
  };
}

/** The transform to register on the shell (`bash.registerTransformPlugin`). */
export const braceRanges: TransformPlugin = {
  name: 'brace-ranges',
  transform({ ast }) {
    new Expander().visit(ast as unknown as Node);
    return { ast };
  },
};

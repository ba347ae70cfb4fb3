/**
 * Bounds on what the loader accepts, and the cheap checks that hold them
 * before the YAML parser sees the text.
 *
 * The parser recurses per nesting level and, on very deep input, spends
 * hundreds of milliseconds (or, with pretty errors, all the memory) before it
 * gives up. So nesting is estimated from the raw text first: the estimate
 * counts flow brackets and block indentation levels, errs on the high side,
 * and only has to stop hostile input; the exact depth is checked again on the
 * parsed document with a position.
 */

/** Largest scenario file accepted, in bytes of UTF-8. */
export const MAX_BYTES = 1024 * 1024;

/** Deepest nesting of lists and mappings accepted in a scenario. */
export const MAX_DEPTH = 64;

/** The raw-text estimate may exceed the real depth; this leaves it room. */
export const MAX_ESTIMATED_DEPTH = MAX_DEPTH * 2;

/**
 * Most entries (lines, and items of flow lists) a file may hold. The parser
 * spends tens of microseconds per entry, so a 1 MB file of `- 0` lines would
 * take seconds; real scenarios have a few hundred.
 */
export const MAX_ENTRIES = 20_000;

/** How many alias expansions `toJS` may perform before refusing. */
export const MAX_ALIAS_COUNT = 200;

/** UTF-8 length of a string, without allocating (stops past `cap`). */
export function utf8Length(text: string, cap = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Where the estimated nesting first went past the limit. */
export interface DepthOverflow {
  offset: number;
  depth: number;
  /**
   * Where it first went past MAX_DEPTH, the limit the author is told about:
   * the place to point at (the estimate's own limit is twice as deep).
   */
  past: number;
}

/**
 * Estimate the nesting depth of a YAML text line by line and return the
 * first place where it exceeds `limit`, or null. Quoted scalars, comments
 * and block scalar contents (`|`, `>`) are skipped roughly; what is not
 * skipped only makes the estimate larger.
 */
export function findDepthOverflow(
  text: string,
  limit = MAX_ESTIMATED_DEPTH,
): DepthOverflow | null {
  return scanStructure(text, limit).overflow;
}

/** What one pass over the raw text finds: runaway nesting, and the size. */
export interface StructureScan {
  overflow: DepthOverflow | null;
  /** Non-blank lines outside block scalars, plus commas inside flow lists. */
  entries: number;
  /** Where the entry count passed `MAX_ENTRIES`, or -1. */
  tooManyAt: number;
}

export function scanStructure(text: string, limit = MAX_ESTIMATED_DEPTH): StructureScan {
  const state: ScanState = { indents: [], flow: 0, entries: 0, tooManyAt: -1, pastAt: -1 };
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const indent = indentOf(text, lineStart, end);
    const blank = lineStart + indent >= end || text[lineStart + indent] === '\r';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = end + 1;
      continue;
    }
    blockScalarIndent = -1;
    const overflow = scanLine(text, lineStart, end, state, limit);
    if (overflow) return { overflow, entries: state.entries, tooManyAt: state.tooManyAt };
    if (state.flow === 0 && BLOCK_SCALAR_START.test(text.slice(lineStart, end))) {
      blockScalarIndent = indent;
    }
    lineStart = end + 1;
  }
  return { overflow: null, entries: state.entries, tooManyAt: state.tooManyAt };
}

interface ScanState {
  indents: number[];
  flow: number;
  entries: number;
  tooManyAt: number;
  /** Where the estimate first passed MAX_DEPTH, or -1. */
  pastAt: number;
}

function countEntry(state: ScanState, offset: number): void {
  state.entries++;
  if (state.entries > MAX_ENTRIES && state.tooManyAt < 0) state.tooManyAt = offset;
}

/** A line whose value starts a literal or folded block scalar (`|`, `>-`). */
const BLOCK_SCALAR_START = /(^|[\s:-])[|>][0-9+-]*\s*(#.*)?\r?$/;

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  return i - start;
}

/** Scan one line, updating the state; returns the overflow if any. */
function scanLine(
  text: string,
  start: number,
  end: number,
  state: ScanState,
  limit: number,
): DepthOverflow | null {
  const indents = state.indents;
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= end || text[i] === '#' || text[i] === '\r') return null;
  countEntry(state, i);
  if (state.flow === 0) {
    const indent = i - start;
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) {
      indents.pop();
    }
    indents.push(indent);
  }
  let depth = indents.length;
  // The node depth where the author would count it: a line's leading dash
  // or bracket belongs to the collection its indentation already counted; a
  // later dash opens a nested sequence; `- key:` opens a mapping at the item.
  const first = i;
  const opens = state.flow === 0 && (text[first] === '[' || text[first] === '{');
  let exact = opens ? depth - 1 : depth;
  let item = -1;
  let quote = '';
  for (; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    const prev = i > start ? text[i - 1] : ' ';
    const next = text[i + 1] ?? ' ';
    let at = i;
    if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(prev ?? ' ')) quote = ch;
    else if (ch === '#' && /\s/.test(prev ?? ' ')) break;
    else if (ch === '[' || ch === '{') state.flow++;
    else if ((ch === ']' || ch === '}') && state.flow > 0) state.flow--;
    else if (ch === ',' && state.flow > 0) countEntry(state, i);
    else if (ch === '-' && state.flow === 0 && /\s/.test(next)) {
      depth++;
      if (i !== first) exact++;
      item = -2;
    } else if (item === -2 && state.flow === 0 && !/\s/.test(ch ?? ' ')) item = i;
    if (ch === ':' && item >= 0 && state.flow === 0 && /\s/.test(next)) {
      exact++;
      at = item;
      item = -1;
    }
    if (exact + state.flow > MAX_DEPTH && state.pastAt < 0) state.pastAt = at;
    if (depth + state.flow > limit) {
      return { offset: i, depth: depth + state.flow, past: state.pastAt < 0 ? i : state.pastAt };
    }
  }
  return null;
}

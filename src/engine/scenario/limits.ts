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
  const indents: number[] = [];
  let flow = 0;
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
    const hit = scanLine(text, lineStart, end, indents, flow, limit);
    if (typeof hit === 'object') return hit;
    flow = hit;
    if (flow === 0 && BLOCK_SCALAR_START.test(text.slice(lineStart, end))) {
      blockScalarIndent = indent;
    }
    lineStart = end + 1;
  }
  return null;
}

/** A line whose value starts a literal or folded block scalar (`|`, `>-`). */
const BLOCK_SCALAR_START = /(^|[\s:-])[|>][0-9+-]*\s*(#.*)?\r?$/;

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  return i - start;
}

/** Scan one line; returns the flow depth after it, or the overflow. */
function scanLine(
  text: string,
  start: number,
  end: number,
  indents: number[],
  flowIn: number,
  limit: number,
): number | DepthOverflow {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= end || text[i] === '#' || text[i] === '\r') return flowIn;
  if (flowIn === 0) {
    const indent = i - start;
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) {
      indents.pop();
    }
    indents.push(indent);
  }
  let depth = indents.length;
  let flow = flowIn;
  let quote = '';
  for (; i < end; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    const prev = i > start ? text[i - 1] : ' ';
    if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(prev ?? ' ')) quote = ch;
    else if (ch === '#' && /\s/.test(prev ?? ' ')) break;
    else if (ch === '[' || ch === '{') flow++;
    else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    else if (ch === '-' && flow === 0 && /\s/.test(text[i + 1] ?? ' ')) depth++;
    if (depth + flow > limit) return { offset: i, depth: depth + flow };
  }
  return flow;
}

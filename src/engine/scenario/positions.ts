/**
 * From a path in the loaded data (["timeline", 2, "parent"]) back to the
 * place in the YAML text the author wrote it: a 1-based line/column range.
 *
 * The walk follows aliases to their anchors. When the path goes through a
 * node that does not exist (a missing key), it stops at the deepest node that
 * does, and the caller decides what to highlight there.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';

export interface SourceRange {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** Where a path ends up: the node, the pair holding it, and how far it got. */
export interface PathTarget {
  node: Node | null;
  /** The map entry whose value is `node`, when there is one. */
  pair: Pair | null;
  /** How many path segments were found (equals path.length on success). */
  found: number;
}

type Segment = string | number;

/** Walk `path` from the document root. */
export function findPath(doc: Document, path: readonly Segment[]): PathTarget {
  let node = asNode(doc.contents);
  let pair: Pair | null = null;
  let found = 0;
  for (const segment of path) {
    node = follow(doc, node);
    const next = childOf(node, segment);
    if (!next) break;
    node = next.node;
    pair = next.pair;
    found++;
  }
  return { node, pair, found };
}

/** The map entry for `key` inside the node at `path`, if any. */
export function findPair(
  doc: Document,
  path: readonly Segment[],
  key: string,
): Pair | null {
  const target = findPath(doc, path);
  if (target.found < path.length) return null;
  const map = follow(doc, target.node);
  if (!isMap(map)) return null;
  return map.items.find((p) => keyText(p) === key) ?? null;
}

function childOf(
  node: Node | null,
  segment: Segment,
): { node: Node | null; pair: Pair | null } | null {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p) === String(segment));
    return pair ? { node: asNode(pair.value), pair } : null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    if (item === undefined) return null;
    return isPair(item)
      ? { node: asNode(item.value), pair: item }
      : { node: asNode(item), pair: null };
  }
  return null;
}

function follow(doc: Document, node: Node | null): Node | null {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 16; hops++) {
    current = asNode(current.resolve(doc) ?? null);
  }
  return current;
}

function asNode(value: unknown): Node | null {
  return value && typeof value === 'object' && 'range' in value
    ? (value as Node)
    : null;
}

/** The text of a map key, for plain and quoted scalar keys. */
export function keyText(pair: Pair): string | null {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return null;
}

/** The range of a node's value (not its trailing comment or newline). */
export function nodeRange(
  lc: LineCounter,
  node: { range?: [number, number, number] | null } | null | undefined,
): SourceRange | null {
  const range = node?.range;
  if (!range) return null;
  return offsetsToRange(lc, range[0], Math.max(range[1], range[0]));
}

export function offsetsToRange(
  lc: LineCounter,
  start: number,
  end: number,
): SourceRange {
  const a = linePos(lc, start);
  const b = linePos(lc, end);
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

/** `lc.linePos`, but never line 0 (before any newline was recorded). */
function linePos(lc: LineCounter, offset: number): { line: number; col: number } {
  const pos = lc.linePos(offset);
  return pos.line === 0 ? { line: 1, col: offset + 1 } : pos;
}

/**
 * The range to highlight for a problem with the value at `path`. A scalar
 * is highlighted itself; a block list or mapping would span many lines, so
 * the key that introduces it is highlighted instead.
 */
export function rangeForPath(
  doc: Document,
  lc: LineCounter,
  path: readonly Segment[],
): SourceRange {
  const target = findPath(doc, path);
  const node = target.node;
  const isBlockCollection =
    (isMap(node) || isSeq(node)) && !node.flow && target.pair?.key;
  if (isBlockCollection && target.pair) {
    const key = nodeRange(lc, asNode(target.pair.key));
    if (key) return key;
  }
  if (isMap(node) || isSeq(node)) {
    return firstLine(lc, node) ?? documentStart(lc);
  }
  return nodeRange(lc, node) ?? pairKeyRange(lc, target.pair) ?? documentStart(lc);
}

/** The range of a map entry's key. */
export function pairKeyRange(lc: LineCounter, pair: Pair | null): SourceRange | null {
  return pair ? nodeRange(lc, asNode(pair.key)) : null;
}

/** A container highlighted on its first line only (its first key or item). */
function firstLine(lc: LineCounter, node: Node, depth = 0): SourceRange | null {
  const full = nodeRange(lc, node);
  if (!full) return null;
  if (full.endLine === full.line) return full;
  const head = isMap(node)
    ? asNode(node.items[0]?.key)
    : isSeq(node) ? asNode(node.items[0]) : null;
  const inner = head && depth < 80 ? firstLine(lc, head, depth + 1) : null;
  if (inner && inner.line === full.line) return inner;
  return { ...full, endLine: full.line, endCol: full.col + 1 };
}

export function documentStart(_lc: LineCounter): SourceRange {
  return { line: 1, col: 1, endLine: 1, endCol: 1 };
}

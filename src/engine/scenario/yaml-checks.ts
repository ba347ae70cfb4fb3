/**
 * Checks on the parsed document that the parser does not make: aliases to
 * anchors that do not exist, keys that could reach an object's prototype,
 * and (on the plain data) nesting beyond the limit.
 */
import {
  isAlias, isCollection, isMap, isPair, isScalar,
  type Alias, type Document, type LineCounter, type Node, type Pair,
} from 'yaml';
import type { Diagnostic } from './types';
import { keyText, nodeRange } from './positions';

/** Keys refused anywhere in a scenario: they name prototype machinery. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** What one walk over the parsed document finds. */
export interface DocumentProblems {
  /** Repeated keys in any mapping, each at its second occurrence. */
  duplicateKeys: Diagnostic[];
  /** Aliases whose anchor is not defined before them. */
  brokenAliases: Diagnostic[];
  /** Keys that could reach an object's prototype. */
  unsafeKeys: Diagnostic[];
}

/**
 * One walk in document order (keys before their values) for all three
 * checks. The parser's own `uniqueKeys` compares every key with every other
 * (over a minute on a 50,000-key file) and `alias.resolve` searches the whole
 * document per alias; a Map per mapping and a set of the anchors seen so far
 * are linear. The library's `visit` would also copy the ancestry at every
 * node, which cost more than the checks themselves.
 */
export function checkDocument(doc: Document, lc: LineCounter): DocumentProblems {
  const found: DocumentProblems = { duplicateKeys: [], brokenAliases: [], unsafeKeys: [] };
  const anchors = new Set<string>();
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      checkKey(lc, node, found.unsafeKeys);
      walk(node.key);
      walk(node.value);
    } else if (isAlias(node)) {
      if (!anchors.has(node.source)) brokenAlias(lc, node, found.brokenAliases);
    } else if (isScalar(node) || isCollection(node)) {
      if (node.anchor) anchors.add(node.anchor);
      if (isMap(node)) checkDuplicates(lc, node.items as Pair[], found.duplicateKeys);
      if (isCollection(node)) for (const item of node.items) walk(item);
    }
  };
  walk(doc.contents);
  return found;
}

function checkDuplicates(lc: LineCounter, pairs: readonly Pair[], out: Diagnostic[]): void {
  const seen = new Map<string, Pair>();
  for (const pair of pairs) {
    const name = isScalar(pair.key) ? keyText(pair) : null;
    if (name === null) continue;
    const first = seen.get(name);
    if (!first) {
      seen.set(name, pair);
      continue;
    }
    const range = nodeRange(lc, pair.key as Node);
    const line = nodeRange(lc, first.key as Node)?.line;
    if (!range) continue;
    out.push({
      severity: 'error',
      message: `duplicate key \`${name}\`` + (line ? ` (first defined on line ${line})` : ''),
      hint: 'keep one of the entries; YAML does not merge repeated keys',
      ...range,
      path: [],
    });
  }
}

function brokenAlias(lc: LineCounter, alias: Alias, out: Diagnostic[]): void {
  const range = nodeRange(lc, alias);
  if (!range) return;
  out.push({
    severity: 'error',
    message: `unknown alias \`*${alias.source}\``,
    hint: `define the anchor \`&${alias.source}\` on a value above this line`,
    ...range,
    path: [],
  });
}

function checkKey(lc: LineCounter, pair: Pair, out: Diagnostic[]): void {
  const name = keyText(pair);
  if (name === null || !UNSAFE_KEYS.has(name) || !isScalar(pair.key)) return;
  const range = nodeRange(lc, pair.key);
  if (!range) return;
  out.push({
    severity: 'error',
    message: `\`${name}\` cannot be used as a key`,
    hint: 'rename this key; it is reserved because it could alter how data is read',
    ...range,
    path: [],
  });
}

/**
 * The path to the first container nested deeper than `limit`, or null.
 * Iterative, so no input can overflow the stack here.
 */
export function findDeepPath(data: unknown, limit: number): (string | number)[] | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (path.length >= limit) return path;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value);
    for (const [k, v] of entries) stack.push({ value: v, path: [...path, k] });
  }
  return null;
}

/**
 * Checks on the parsed document that the parser does not make: aliases to
 * anchors that do not exist, keys that could reach an object's prototype,
 * and (on the plain data) nesting beyond the limit.
 */
import { isAlias, isCollection, isScalar, visit, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Diagnostic } from './types';
import { keyText, nodeRange } from './positions';

/** Keys refused anywhere in a scenario: they name prototype machinery. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Repeated keys in any mapping, each pointed at its second occurrence. The
 * parser's own `uniqueKeys` check compares every key with every other, which
 * takes over a minute on a 50,000-key file; a Map per mapping is linear.
 */
export function findDuplicateKeys(doc: Document, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, Pair>();
      for (const pair of map.items as Pair[]) {
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
    },
  });
  return out;
}

/**
 * Aliases whose anchor is not defined before them. One pass in document
 * order (`alias.resolve` would search the whole document per alias).
 */
export function findBrokenAliases(doc: Document, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anchors = new Set<string>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const range = anchors.has(node.source) ? null : nodeRange(lc, node);
      if (range) {
        out.push({
          severity: 'error',
          message: `unknown alias \`*${node.source}\``,
          hint: `define the anchor \`&${node.source}\` on a value above this line`,
          ...range,
          path: [],
        });
      }
    } else if ((isScalar(node) || isCollection(node)) && node.anchor) {
      anchors.add(node.anchor);
    }
    return undefined;
  });
  return out;
}

export function findUnsafeKeys(doc: Document, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair(_key, pair) {
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
    },
  });
  return out;
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

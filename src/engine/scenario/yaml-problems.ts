/**
 * The parser's errors and warnings as Diagnostics, reworded where the
 * library's message is about its own API rather than the author's file.
 */
import { isMap, visit, type Document, type LineCounter, type Pair } from 'yaml';
import type { YAMLError } from 'yaml';
import type { Diagnostic } from './types';
import { MAX_DEPTH } from './limits';
import { keyText, offsetsToRange } from './positions';

export function yamlProblems(
  doc: Document,
  lc: LineCounter,
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: doc.errors.map((e) => toDiagnostic(doc, lc, e, 'error')),
    warnings: doc.warnings.map((w) => toDiagnostic(doc, lc, w, 'warning')),
  };
}

function toDiagnostic(
  doc: Document,
  lc: LineCounter,
  error: YAMLError,
  severity: Diagnostic['severity'],
): Diagnostic {
  const [start, end] = error.pos;
  const range = offsetsToRange(lc, start, Math.max(end, start));
  const { message, hint } = reword(doc, lc, error);
  const d: Diagnostic = { severity, message, ...range, path: [] };
  if (hint) d.hint = hint;
  return d;
}

interface Words {
  message: string;
  hint?: string;
}

function reword(doc: Document, lc: LineCounter, error: YAMLError): Words {
  const first = error.message.split('\n')[0] ?? error.message;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return duplicateKey(doc, lc, error.pos[0]);
    case 'TAB_AS_INDENT':
      return { message: 'tabs are not allowed for indentation in YAML', hint: 'indent with spaces' };
    case 'MULTIPLE_DOCS':
      return {
        message: 'the file contains more than one YAML document (a second `---`)',
        hint: 'keep one scenario per file, or remove the extra `---` line',
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        message: `the document nests deeper than ${MAX_DEPTH} levels`,
        hint: 'flatten the structure; no scenario field needs this much nesting',
      };
    case 'TAG_RESOLVE_FAILED':
      return {
        message: `${first}; the value is read as plain text`,
        hint: 'scenario files use no custom tags: remove the `!` tag',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        message: `${first} (a second \`: \` on the same line)`,
        hint: 'put the nested mapping on its own indented line, or quote the value',
      };
    case 'MISSING_CHAR':
      return { message: first, hint: 'close the quote or bracket that was opened before this point' };
    case 'BAD_INDENT':
      return /end with a [\]}]/.test(first)
        ? { message: first, hint: 'close the `[` or `{` opened above, or indent its continuation' }
        : { message: first, hint: 'check that this line lines up with its siblings' };
    default:
      return { message: first };
  }
}

/** "duplicate key `x` (first defined on line 2)", found through the AST. */
function duplicateKey(doc: Document, lc: LineCounter, offset: number): Words {
  let words: Words = { message: 'duplicate key', hint: 'keep one of the entries' };
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const pairs = map.items as Pair[];
      const dup = pairs.find((p) => startOf(p.key) === offset);
      if (!dup) return undefined;
      const name = keyText(dup);
      const firstPair = pairs.find((p) => p !== dup && keyText(p) === name);
      const line = firstPair ? offsetsToRange(lc, startOf(firstPair.key), 0).line : null;
      words = {
        message: `duplicate key \`${name}\`` + (line ? ` (first defined on line ${line})` : ''),
        hint: 'keep one of the entries; YAML does not merge repeated keys',
      };
      return visit.BREAK;
    },
  });
  return words;
}

function startOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : -1;
}

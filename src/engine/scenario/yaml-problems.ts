/**
 * The parser's errors and warnings as Diagnostics, reworded where the
 * library's message is about its own API rather than the author's file.
 */
import type { Document, LineCounter } from 'yaml';
import type { YAMLError } from 'yaml';
import type { Diagnostic } from './types';
import { MAX_DEPTH } from './limits';
import { offsetsToRange } from './positions';

export function yamlProblems(
  doc: Document,
  lc: LineCounter,
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  return {
    errors: doc.errors.map((e) => toDiagnostic(lc, e, 'error')),
    warnings: doc.warnings.map((w) => toDiagnostic(lc, w, 'warning')),
  };
}

function toDiagnostic(
  lc: LineCounter,
  error: YAMLError,
  severity: Diagnostic['severity'],
): Diagnostic {
  const [start, end] = error.pos;
  const { message, hint } = reword(error);
  const stop = error.code === 'MULTIPLE_DOCS' ? start + 3 : Math.max(end, start);
  const range = offsetsToRange(lc, start, stop);
  const d: Diagnostic = { severity, message, ...range, path: [] };
  if (hint) d.hint = hint;
  return d;
}

interface Words {
  message: string;
  hint?: string;
}

function reword(error: YAMLError): Words {
  const first = error.message.split('\n')[0] ?? error.message;
  switch (error.code) {
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

/**
 * The first half of loading: from untrusted text to plain data, with every
 * problem positioned. Size, control characters and nesting are checked on
 * the raw text before the parser runs; syntax errors, duplicate keys, broken
 * aliases and dangerous keys are checked on the document; alias expansion is
 * bounded when the document becomes data.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from './types';
import {
  MAX_ALIAS_COUNT,
  MAX_BYTES,
  MAX_DEPTH,
  MAX_ENTRIES,
  scanStructure,
  utf8Length,
} from './limits';
import { yamlProblems } from './yaml-problems';
import { checkDocument, findDeepPath } from './yaml-checks';
import { offsetsToRange, rangeForPath } from './positions';

export type ParsedYaml =
  | { ok: true; doc: Document; lc: LineCounter; data: unknown; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

type Fail = { ok: false; diagnostics: Diagnostic[] };

export function parseScenarioYaml(input: string): ParsedYaml {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const early = checkRawText(text);
  if (early) return early;

  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: false, // checked in linear time by checkDocument
    version: '1.2',
    merge: false,
    strict: true,
    keepSourceTokens: false,
  });
  const { errors, warnings } = yamlProblems(doc, lc);
  const checked = checkDocument(doc, lc);
  errors.push(...checked.duplicateKeys);
  if (errors.length > 0) return { ok: false, diagnostics: [...errors, ...warnings] };

  const version = checkVersion(doc, text);
  if (version) return fail(version);

  const structural = [...checked.brokenAliases, ...checked.unsafeKeys];
  if (structural.length > 0) return { ok: false, diagnostics: structural };

  const data = toData(doc);
  if (!data.ok) return data;
  const deep = findDeepPath(data.value, MAX_DEPTH);
  if (deep) {
    const range = rangeForPath(doc, lc, deep);
    return fail(
      diag(range, `the document nests deeper than ${MAX_DEPTH} levels`, deep,
        'flatten the structure; no scenario field needs this much nesting'),
    );
  }
  const allWarnings = [...encodingWarning(text, lc), ...warnings];
  return { ok: true, doc, lc, data: data.value, warnings: allWarnings };
}

/** U+FFFD usually means the file was not UTF-8 (say, Windows-1252 quotes). */
function encodingWarning(text: string, lc: LineCounter): Diagnostic[] {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return [];
  return [diag(offsetsToRange(lc, at, at + 1),
    'the file contains U+FFFD, the mark of text that was not valid UTF-8', [],
    'save the file as UTF-8 and retype the character shown here', 'warning')];
}

/** Checks that need no parser: size, binary content, runaway nesting. */
function checkRawText(text: string): Fail | null {
  if (tooLarge(text)) {
    const size = text.length > MAX_BYTES ? text.length : utf8Length(text);
    return fail(
      atStart(`the file is too large (${formatSize(size)}); the limit is 1 MB`,
        'split the scenario or remove bulk data such as long log excerpts'),
    );
  }
  const control = findControlChar(text);
  if (control >= 0) {
    const code = text.charCodeAt(control);
    const lc = lineCounterFor(text, control);
    const name = code === 0 ? 'a NUL byte' : `the control character U+${hex(code)}`;
    return fail(
      diag(offsetsToRange(lc, control, control + 1), `the file contains ${name}`, [],
        'a scenario is a UTF-8 text file; is this a binary file or the wrong encoding?'),
    );
  }
  const scan = scanStructure(text);
  const overflow = scan.overflow;
  if (overflow) {
    const lc = lineCounterFor(text, overflow.past);
    const at = offsetsToRange(lc, overflow.past, overflow.past + 1);
    return fail(
      diag(at, `the document nests deeper than ${MAX_DEPTH} levels`, [],
        'flatten the structure; no scenario field needs this much nesting'),
    );
  }
  if (scan.tooManyAt >= 0) {
    const lc = lineCounterFor(text, scan.tooManyAt);
    return fail(
      diag(offsetsToRange(lc, scan.tooManyAt, scan.tooManyAt + 1),
        `the file has too many entries (more than ${String(MAX_ENTRIES).replace(/\B(?=(\d{3})+$)/g, ',')})`, [],
        'a scenario describes one host; generate repetitive data with a behaviour instead'),
    );
  }
  return null;
}

/** A UTF-16 unit is at most 3 bytes of UTF-8: a short text needs no count. */
function tooLarge(text: string): boolean {
  if (text.length > MAX_BYTES) return true;
  return text.length * 3 > MAX_BYTES && utf8Length(text, MAX_BYTES) > MAX_BYTES;
}

/**
 * A `%YAML 1.1` directive would switch the parser to 1.1 rules (`yes` is
 * true, `010` is eight, `<<` merges), unlike the editor: refuse it.
 */
function checkVersion(doc: Document, text: string): Diagnostic | null {
  const yaml = doc.directives?.yaml;
  if (!yaml?.explicit || yaml.version === '1.2') return null;
  const match = /^%YAML[^\r\n]*/m.exec(text);
  const offset = match?.index ?? 0;
  const lc = lineCounterFor(text, offset);
  const range = offsetsToRange(lc, offset, offset + (match?.[0].length ?? 1));
  return diag(range, `the file asks for YAML ${yaml.version}; scenarios are read as YAML 1.2`, [],
    `remove the \`%YAML ${yaml.version}\` line`);
}

/** Turn the document into plain data, refusing runaway alias expansion. */
function toData(doc: Document): { ok: true; value: unknown } | Fail {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return fail(
        atStart('aliases expand to too much data (possible "billion laughs" file)',
          `use fewer *alias references; at most ${MAX_ALIAS_COUNT} expansions are allowed`),
      );
    }
    return fail(atStart(`the YAML could not be read: ${message}`));
  }
}

/** First character YAML forbids in a text file (C0, DEL, C1 except NEL). */
function findControlChar(text: string): number {
  const match = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/.exec(text);
  return match ? match.index : -1;
}

/** A line counter over the text up to `offset` (for pre-parse positions). */
function lineCounterFor(text: string, offset: number): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    lc.addNewLine(i + 1);
  }
  return lc;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export function diag(
  range: { line: number; col: number; endLine: number; endCol: number },
  message: string,
  path: (string | number)[] = [],
  hint?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const d: Diagnostic = { severity, message, ...range, path };
  if (hint !== undefined) d.hint = hint;
  return d;
}

export function atStart(message: string, hint?: string): Diagnostic {
  return diag({ line: 1, col: 1, endLine: 1, endCol: 1 }, message, [], hint);
}

function fail(...diagnostics: Diagnostic[]): Fail {
  return { ok: false, diagnostics };
}

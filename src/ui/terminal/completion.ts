/**
 * Applying Tab completion candidates the way readline does: one candidate is
 * inserted with a trailing space (none after a directory), several insert
 * their longest common prefix, and a second Tab lists them in columns. What
 * is inserted is quoted for the shell: `my notes` goes in as `my\ notes`, or
 * inside the quote the trainee opened.
 */
import { lastShellWord, type QuoteChar } from '../../engine/shell/shell-word';

export interface Completion {
  /** UTF-16 offset in the line where the completed word starts. */
  start: number;
  candidates: string[];
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i += 1;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Unquoted, these would mean something to the shell: a completion escapes them. */
const SPECIAL = /[\s\\'"$`!&;|<>()*?[\]{}#]/;

/**
 * `text` written so that the shell reads it back as it is, continuing a word
 * whose quote is `open` (bash's style: backslashes outside quotes, the same
 * quote continued inside one). `atStart`: `text` begins the word, where a
 * tilde would expand.
 */
export function quoteAs(text: string, open: QuoteChar | undefined, atStart: boolean): string {
  let out = '';
  for (const [i, c] of [...text].entries()) {
    if (open === "'") out += c === "'" ? "'\\''" : c;
    else if (open === '"') out += '"\\$`'.includes(c) ? `\\${c}` : c;
    else out += SPECIAL.test(c) || (c === '~' && atStart && i === 0) ? `\\${c}` : c;
  }
  return out;
}

/**
 * What replaces the typed word `raw` (from the word's start to the cursor),
 * or undefined when there is nothing to add. Candidates are the words the
 * shell should receive, unquoted; one is inserted with a closing quote and a
 * space (a directory with neither, to go on into it), several insert their
 * longest common prefix. What the trainee typed is kept, quoting included.
 */
export function replacement(raw: string, candidates: readonly string[]): string | undefined {
  const word = lastShellWord(raw);
  const matching = candidates.filter((c) => c.startsWith(word.value));
  if (matching.length === 0) return undefined;
  const only = matching.length === 1 ? matching[0]! : undefined;
  const target = only ?? commonPrefix(matching);
  if (!only && target.length <= word.value.length) return undefined;
  // A dangling backslash would escape the first inserted character: drop it.
  const kept = word.escaping ? raw.slice(0, -1) : raw;
  const atStart = kept === '';
  let text = kept + quoteAs(target.slice(word.value.length), word.open, atStart);
  if (only && !only.endsWith('/')) text += `${word.open ?? ''} `;
  return text === raw ? undefined : text;
}

/** What a listing shows of a candidate: its last path component. */
function shown(candidate: string): string {
  const trimmed = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
  const slash = trimmed.lastIndexOf('/');
  return slash >= 0 ? candidate.slice(slash + 1) : candidate;
}

/** Candidates in columns, filled top to bottom like bash's listing. */
export function listing(candidates: readonly string[], cols: number, width: (s: string) => number): string {
  const names = [...new Set(candidates.map(shown))].sort();
  const colWidth = Math.max(...names.map(width)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / colWidth));
  const rows = Math.ceil(names.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    let line = '';
    for (let c = 0; c < perRow; c += 1) {
      const name = names[c * rows + r];
      if (name === undefined) break;
      line += name + ' '.repeat(Math.max(0, colWidth - width(name)));
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\r\n');
}

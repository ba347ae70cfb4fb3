/**
 * The shell word a line ends with, as bash's lexer would see it: where it
 * starts (a blank or an operator outside quotes ends the word before it) and
 * the text it stands for once its backslashes and quotes are removed. Tab
 * completion reads it on both sides: the engine matches the text, the line
 * editor quotes what it inserts the way the word is quoted so far.
 */

export type QuoteChar = "'" | '"';

export interface ShellWord {
  /** UTF-16 offset in the line where the word (with its quoting) starts. */
  start: number;
  /** The word without its quoting: what the command would receive. */
  value: string;
  /** The quote left open at the end of the line, if any. */
  open?: QuoteChar;
  /** The line ends with a backslash that escapes nothing yet. */
  escaping: boolean;
}

/** Blanks and the operators that end a word when they are not quoted. */
const BREAKS = new Set([' ', '\t', '\n', '|', ';', '&', '<', '>', '(', ')']);
/** Inside double quotes a backslash only escapes these. */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);

export function lastShellWord(line: string): ShellWord {
  let start = 0;
  let value = '';
  let open: QuoteChar | undefined;
  let escaping = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (escaping) {
      escaping = false;
      // In double quotes "\x" keeps its backslash unless x is special there.
      value += open === '"' && !DOUBLE_QUOTE_ESCAPES.has(c) ? `\\${c}` : c;
    } else if (open === "'") {
      if (c === "'") open = undefined;
      else value += c;
    } else if (c === '\\') {
      escaping = true;
    } else if (open === '"') {
      if (c === '"') open = undefined;
      else value += c;
    } else if (c === "'" || c === '"') {
      open = c;
    } else if (BREAKS.has(c)) {
      start = i + 1;
      value = '';
    } else {
      value += c;
    }
  }
  return { start, value, open, escaping };
}

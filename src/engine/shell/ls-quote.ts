/**
 * How GNU ls (coreutils 9.4) writes a file name to a terminal: its default
 * there is QUOTING_STYLE=shell-escape. A name made only of characters a
 * shell reads as themselves is printed as it is. Any other name is put in
 * single quotes: a shell metacharacter, a space or a `?` anywhere, `#` or
 * `~` as the first character, `{` or `}` alone, a backslash, or a control
 * character. Inside the quotes a control character leaves them for a
 * `$'...'` piece (`'a'$'\n''b'`) and a single quote is written `'\''`;
 * a name whose only trouble is single quotes and spaces is put in double
 * quotes instead (`"it's"`). Output that is not a terminal gets the names
 * as they are (QUOTING_STYLE=literal).
 */

/** Characters that force quoting wherever they are. */
const SPECIAL = new Set([...' !"$&()*;<=>[^`|?\\\'']);

/**
 * Names whose characters a double-quoted string holds as they are: letters,
 * digits, `%+,-./:]_@`, space, `'`, printable non-ASCII, and `#` or `~` first.
 */
const DOUBLE_OK = /^[#~]?[A-Za-z0-9%+,\-./:\]_' @\u00a0-\uffff]*$/u;

const C_ESCAPES = new Map([
  ['\x07', 'a'], ['\b', 'b'], ['\f', 'f'], ['\n', 'n'], ['\r', 'r'], ['\t', 't'], ['\v', 'v'],
]);

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Whether shell-escape quoting changes `name`. */
export function needsQuoting(name: string): boolean {
  if (name === '') return true;
  if (name === '{' || name === '}') return true;
  if (name[0] === '#' || name[0] === '~') return true;
  for (const c of name) if (SPECIAL.has(c) || isControl(c)) return true;
  return false;
}

/** The escape of a control character inside `$'...'`: a C letter or three octal digits. */
function escapeOf(c: string): string {
  return C_ESCAPES.get(c) ?? c.charCodeAt(0).toString(8).padStart(3, '0');
}

/** `name` as ls prints it to a terminal. */
export function shellEscape(name: string): string {
  if (!needsQuoting(name)) return name;
  // Single quotes (and spaces) alone: one pair of double quotes reads better.
  if (name.includes("'") && DOUBLE_OK.test(name)) return `"${name}"`;
  let out = "'";
  let inDollar = false;
  for (const c of name) {
    if (isControl(c)) {
      if (!inDollar) out += "'$'";
      inDollar = true;
      out += `\\${escapeOf(c)}`;
      continue;
    }
    if (c === "'") out += "'\\''";
    else out += inDollar ? `''${c}` : c;
    inDollar = false;
  }
  return out + "'";
}

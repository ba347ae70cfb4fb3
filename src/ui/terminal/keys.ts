/**
 * Splits what xterm.js sends through `onData` (typed text, pastes with
 * embedded `\r`, control bytes, escape sequences) into keys the line editor
 * understands. Unknown escape sequences become `{ kind: 'ignored' }` rather
 * than text, so they never end up in a command line.
 */

export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'ctrl'; char: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'tab' }
  | { kind: 'escape' }
  | { kind: 'meta'; char: string }
  | { kind: 'special'; name: SpecialKey }
  | { kind: 'ignored' };

export type SpecialKey =
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete'
  | 'word-left' | 'word-right' | 'paste-start' | 'paste-end';

const CSI_FINAL: Readonly<Record<string, SpecialKey>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
};

const CSI_TILDE: Readonly<Record<string, SpecialKey>> = {
  '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete',
  '200': 'paste-start', '201': 'paste-end',
};

function csiKey(params: string, final: string): Key {
  if (final === '~') {
    const name = CSI_TILDE[params.split(';')[0] ?? ''];
    return name ? { kind: 'special', name } : { kind: 'ignored' };
  }
  const name = CSI_FINAL[final];
  if (!name) return { kind: 'ignored' };
  const ctrlOrAlt = /;[35]$/.test(params);
  if (ctrlOrAlt && name === 'left') return { kind: 'special', name: 'word-left' };
  if (ctrlOrAlt && name === 'right') return { kind: 'special', name: 'word-right' };
  return { kind: 'special', name };
}

/** Reads one escape sequence at `i` (data[i] is ESC); returns key and length. */
function readEscape(data: string, i: number): [Key, number] {
  const next = data[i + 1];
  if (next === undefined) return [{ kind: 'escape' }, 1];
  if (next === '[') {
    // Any CSI sequence is read whole; one with a private marker or intermediates is no key.
    const m = /^\x1b\[([0-?]*)([ -/]*)([@-~])/.exec(data.slice(i, i + 32));
    if (!m) return [{ kind: 'ignored' }, 2];
    const plain = /^[0-9;]*$/.test(m[1]!) && !m[2];
    return [plain ? csiKey(m[1]!, m[3]!) : { kind: 'ignored' }, m[0].length];
  }
  if (next === 'O') {
    const final = data[i + 2] ?? '';
    const name = CSI_FINAL[final];
    return [name ? { kind: 'special', name } : { kind: 'ignored' }, 3];
  }
  if (next === '\x7f' || next === '\b') return [{ kind: 'meta', char: '\x7f' }, 2];
  if (next === '\x1b') return [{ kind: 'escape' }, 1];
  return [{ kind: 'meta', char: next.toLowerCase() }, 2];
}

function controlKey(ch: string): Key {
  if (ch === '\r' || ch === '\n') return { kind: 'enter' };
  if (ch === '\x7f' || ch === '\b') return { kind: 'backspace' };
  if (ch === '\t') return { kind: 'tab' };
  return { kind: 'ctrl', char: String.fromCharCode(ch.charCodeAt(0) + 64).toLowerCase() };
}

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      const [key, length] = readEscape(data, i);
      keys.push(key);
      i += length;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code < 32 || code === 0x7f) {
      // A pasted "\r\n" is one line break, not an empty command after it.
      if (ch === '\r' && data[i + 1] === '\n') i += 1;
      keys.push(controlKey(ch));
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < data.length) {
      const c = data.charCodeAt(end);
      if (c < 32 || c === 0x7f) break;
      end += 1;
    }
    keys.push({ kind: 'text', text: data.slice(i, end) });
    i = end;
  }
  return keys;
}

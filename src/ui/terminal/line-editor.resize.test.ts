import { describe, expect, it } from 'vitest';
import { Terminal } from '@xterm/xterm';
import { LineEditor } from './line-editor';

const PROMPT = 'analyst@web01:~$ ';

/** Resolves once xterm has parsed everything written before. */
const drained = (term: Terminal) => new Promise<void>((resolve) => term.write('', resolve));

function screen(term: Terminal): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let i = 0; i < buffer.length; i += 1) rows.push(buffer.getLine(i)!.translateToString(true));
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  return rows;
}

async function typedAt(cols: number, typed: string) {
  // xterm's core runs without a DOM as long as the terminal is never opened.
  const term = new Terminal({ cols, rows: 12, reflowCursorLine: false });
  const editor = new LineEditor({
    write: (d) => term.write(d),
    cols: () => term.cols,
    submit: () => {},
    complete: async () => ({ start: 0, candidates: [] }),
    interrupt: () => {},
  });
  term.write('earlier output\r\n');
  editor.showPrompt(PROMPT);
  editor.feed(typed);
  await drained(term);
  const resize = async (to: number) => {
    term.resize(to, 12);
    editor.resized();
    await drained(term);
  };
  return { term, editor, resize };
}

describe('LineEditor: a refit redraws the input over the rows it was on', () => {
  it('leaves no fragments after a shrink below the prompt width and back', async () => {
    const { term, resize } = await typedAt(80, 'echo partial-typed');
    await resize(14);
    expect(screen(term)).toEqual(['earlier output', 'analyst@web01:', '~$ echo partia', 'l-typed']);
    await resize(80);
    expect(screen(term)).toEqual(['earlier output', `${PROMPT}echo partial-typed`]);
    expect(term.buffer.active.cursorX).toBe(PROMPT.length + 'echo partial-typed'.length);
  });

  it('keeps the cursor in the middle of a wrapped line where it was', async () => {
    const { term, editor, resize } = await typedAt(20, 'echo one two three four');
    editor.feed('\x1bb\x1bb'); // Alt-B twice: before "three"
    await drained(term);
    await resize(60);
    expect(screen(term)).toEqual(['earlier output', `${PROMPT}echo one two three four`]);
    expect(term.buffer.active.cursorX).toBe(PROMPT.length + 'echo one two '.length);
    editor.feed('X');
    expect(editor.text).toBe('echo one two Xthree four');
  });
});

import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

function editor(candidates: Record<string, { start: number; candidates: string[] }> = {}) {
  const out: string[] = [];
  const submitted: string[] = [];
  let interrupts = 0;
  const ed = new LineEditor({
    write: (d) => out.push(d),
    cols: () => 80,
    submit: (line) => submitted.push(line),
    complete: async (line) => candidates[line] ?? { start: 0, candidates: [] },
    interrupt: () => (interrupts += 1),
  });
  ed.showPrompt('$ ');
  return { ed, out, submitted, interrupts: () => interrupts };
}

describe('LineEditor: editing keys', () => {
  it('moves, kills and yanks like readline', () => {
    const { ed } = editor();
    ed.feed('echo one two three');
    ed.feed('\x17'); // Ctrl-W
    expect(ed.text).toBe('echo one two ');
    ed.feed('\x01\x1bf'); // Ctrl-A, Alt-F
    ed.feed('X');
    expect(ed.text).toBe('echoX one two ');
    ed.feed('\x0b'); // Ctrl-K
    expect(ed.text).toBe('echoX');
    ed.feed('\x19'); // Ctrl-Y
    expect(ed.text).toBe('echoX one two ');
    ed.feed('\x05\x15'); // Ctrl-E, Ctrl-U
    expect(ed.text).toBe('');
  });

  it('walks the history with the arrows and keeps the draft', () => {
    const { ed, submitted } = editor();
    ed.feed('ls\r');
    ed.showPrompt('$ ');
    ed.feed('pwd\r');
    ed.showPrompt('$ ');
    ed.feed('dra');
    ed.feed('\x1b[A');
    expect(ed.text).toBe('pwd');
    ed.feed('\x1b[A');
    expect(ed.text).toBe('ls');
    ed.feed('\x1b[B\x1b[B');
    expect(ed.text).toBe('dra');
    expect(submitted).toEqual(['ls', 'pwd']);
  });

  it('searches backwards with Ctrl-R and runs the match on Enter', () => {
    const { ed, submitted } = editor();
    ed.setHistory(['ss -tnp', 'ip -br a', 'sudo ss -tlnp']);
    ed.feed('\x12ss');
    expect(ed.text).toBe('sudo ss -tlnp');
    ed.feed('\x12');
    expect(ed.text).toBe('ss -tnp');
    ed.feed('\r');
    expect(submitted).toEqual(['ss -tnp']);
  });

  it('runs a pasted block line by line, each after the previous prompt', () => {
    const { ed, submitted } = editor();
    ed.feed('echo a\r\necho b\recho c');
    expect(submitted).toEqual(['echo a']);
    ed.showPrompt('$ ');
    expect(submitted).toEqual(['echo a', 'echo b']);
    ed.showPrompt('$ ');
    expect(ed.text).toBe('echo c');
  });

  it('sends Ctrl-C to the running command and drops the type-ahead before it', () => {
    const { ed, submitted, interrupts, out } = editor();
    ed.feed('sleep 100\r');
    ed.feed('abc');
    ed.feed('\x03def');
    expect(interrupts()).toBe(1);
    expect(out.join('')).toContain('abc^C');
    ed.showPrompt('$ ');
    expect(ed.text).toBe('def');
    expect(submitted).toEqual(['sleep 100']);
  });

  it('prints ^C and a fresh prompt when Ctrl-C is pressed at the prompt', () => {
    const { ed, out } = editor();
    ed.feed('half a line\x03');
    expect(ed.text).toBe('');
    expect(out.join('')).toContain('half a line^C\r\n');
  });

  it('completes a unique candidate with a space, a directory without', async () => {
    const { ed } = editor({
      whic: { start: 0, candidates: ['which'] },
      'ls /pro': { start: 3, candidates: ['/proc/'] },
    });
    ed.feed('whic\t');
    await new Promise((r) => setTimeout(r, 0));
    expect(ed.text).toBe('which ');
    ed.feed('\x15ls /pro\t');
    await new Promise((r) => setTimeout(r, 0));
    expect(ed.text).toBe('ls /proc/');
  });

  it('moves over wide characters as single clusters', () => {
    const { ed } = editor();
    ed.feed('日本語 ok 🙂');
    ed.feed('\x1b[D\x1b[D\x7f');
    expect(ed.text).toBe('日本語 o 🙂');
  });
});

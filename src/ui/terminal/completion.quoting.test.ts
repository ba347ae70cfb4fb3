import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastShellWord } from '../../engine/shell/shell-word';
import { LineEditor } from './line-editor';
import { quoteAs, replacement } from './completion';

describe('replacement: what Tab inserts is quoted for the shell', () => {
  it("escapes a space and the shell's other specials with backslashes, as bash does", () => {
    expect(replacement('my', ['my notes'])).toBe('my\\ notes ');
    expect(replacement('', ['a b$c&(d)*?[e]!#f;g|h<i>"j\'k`l'])).toBe(
      'a\\ b\\$c\\&\\(d\\)\\*\\?\\[e\\]\\!\\#f\\;g\\|h\\<i\\>\\"j\\\'k\\`l ');
    expect(replacement('/tmp/my', ['/tmp/my dir/'])).toBe('/tmp/my\\ dir/');
    expect(replacement('', ['~odd'])).toBe('\\~odd ');
    expect(replacement('a', ['a~b'])).toBe('a~b ');
  });

  it('continues a word already escaped, and uses a dangling backslash', () => {
    expect(replacement('my\\ n', ['my notes'])).toBe('my\\ notes ');
    expect(replacement('my\\', ['my notes'])).toBe('my\\ notes ');
  });

  it('continues an open quote instead, closing it after a single file', () => {
    expect(replacement("'my n", ['my notes'])).toBe("'my notes' ");
    expect(replacement('"my n', ['my notes'])).toBe('"my notes" ');
    expect(replacement('"', ['a$b"c'])).toBe('"a\\$b\\"c" ');
    expect(replacement("'it", ["it's"])).toBe("'it'\\''s' ");
    // A directory leaves the quote open, to go on completing inside it.
    expect(replacement("'my d", ['my dir/'])).toBe("'my dir/");
  });

  it('inserts the quoted common prefix of several candidates, or nothing', () => {
    expect(replacement('my', ['my notes', 'my novel'])).toBe('my\\ no');
    expect(replacement("'my", ['my notes', 'my novel'])).toBe("'my no");
    expect(replacement('my\\ no', ['my notes', 'my novel'])).toBeUndefined();
    expect(replacement('zz', ['my notes'])).toBeUndefined();
  });

  it('leaves plain words as they were', () => {
    expect(replacement('whic', ['which'])).toBe('which ');
    expect(replacement('--fo', ['--follow'])).toBe('--follow ');
    expect(quoteAs('plain-name_1.log', undefined, true)).toBe('plain-name_1.log');
  });
});

describe('quoteAs', () => {
  it('writes any name (without a newline) so that the shell reads it back whole', () => {
    const name = fc.string({ unit: fc.constantFrom(...'ab ~\'"$`!&;|<>()*?[]{}#\\\t=:日'.split('')) });
    const typed = fc.constantFrom('', 'x', "'", '"', "x'y", 'x"y', 'x\\ ');
    fc.assert(fc.property(typed, name, (raw, rest) => {
      const word = lastShellWord(raw);
      const line = `cat ${raw}${quoteAs(rest, word.open, raw === '')}${word.open ?? ''}`;
      const read = lastShellWord(line);
      expect(read).toMatchObject({ start: 4, value: word.value + rest, open: undefined });
    }));
  });
});

describe('LineEditor: completing a name with a space', () => {
  it('puts the escaped name in the line', async () => {
    const ed = new LineEditor({
      write: () => undefined,
      cols: () => 80,
      submit: () => undefined,
      complete: async (line) => (line.startsWith('cat ') ? { start: 4, candidates: ['my notes'] } : { start: 0, candidates: [] }),
      interrupt: () => undefined,
    });
    ed.showPrompt('$ ');
    ed.feed('cat my\t');
    await new Promise((r) => setTimeout(r, 0));
    expect(ed.text).toBe('cat my\\ notes ');
    ed.feed("\x15cat 'my\t");
    await new Promise((r) => setTimeout(r, 0));
    expect(ed.text).toBe("cat 'my notes' ");
  });
});

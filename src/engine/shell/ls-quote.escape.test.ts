import { describe, expect, it } from 'vitest';
import { needsQuoting, shellEscape } from './ls-quote';

describe('shell-escape quoting as ls writes names to a terminal', () => {
  it('leaves names a shell reads as they are', () => {
    for (const name of ['plain', 'a.b-c_d', 'x,y:z%+', 'user@host', 'a]b', 'a#b', 'a~', 'café', '{a}']) {
      expect([name, shellEscape(name)]).toEqual([name, name]);
    }
  });

  it('puts other names in single quotes', () => {
    expect(shellEscape('my notes')).toBe("'my notes'");
    expect(shellEscape('socket:[47830]')).toBe("'socket:[47830]'");
    expect(shellEscape('/dev/pts/1 (deleted)')).toBe("'/dev/pts/1 (deleted)'");
    expect(shellEscape('#x')).toBe("'#x'");
    expect(shellEscape('~x')).toBe("'~x'");
    expect(shellEscape('{')).toBe("'{'");
    expect(shellEscape('a?b')).toBe("'a?b'");
    expect(shellEscape('a\\b')).toBe("'a\\b'");
    expect(shellEscape('$HOME')).toBe("'$HOME'");
    expect(shellEscape('a=b')).toBe("'a=b'");
  });

  it("writes control characters in $'...' pieces, octal where C has no letter", () => {
    expect(shellEscape('a\nb')).toBe("'a'$'\\n''b'");
    expect(shellEscape('\tx')).toBe("''$'\\t''x'");
    expect(shellEscape('end\n')).toBe("'end'$'\\n'");
    expect(shellEscape('a\x01\x7fb')).toBe("'a'$'\\001\\177''b'");
  });

  it("double-quotes a name whose only trouble is single quotes, else writes them '\\''", () => {
    expect(shellEscape("it's")).toBe('"it\'s"');
    expect(shellEscape("don't panic")).toBe('"don\'t panic"');
    expect(shellEscape("it's $5")).toBe("'it'\\''s $5'");
    expect(shellEscape("a\n'")).toBe("'a'$'\\n'\\'''");
  });

  it('knows which names it changes', () => {
    expect(['plain', 'my notes', '', '}', 'a}'].map(needsQuoting)).toEqual([false, true, true, true, false]);
  });
});

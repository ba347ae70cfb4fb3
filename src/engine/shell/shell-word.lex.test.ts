import { describe, expect, it } from 'vitest';
import { lastShellWord } from './shell-word';

describe('lastShellWord', () => {
  it('ends a word at blanks and operators outside quotes', () => {
    expect(lastShellWord('cat /var/lo')).toEqual({ start: 4, value: '/var/lo', open: undefined, escaping: false });
    expect(lastShellWord('ls|gr')).toMatchObject({ start: 3, value: 'gr' });
    expect(lastShellWord('a;b&c>d<e(f)g')).toMatchObject({ start: 12, value: 'g' });
    expect(lastShellWord('cat ')).toMatchObject({ start: 4, value: '' });
  });

  it('reads backslashes and closed quotes as part of the word', () => {
    expect(lastShellWord('cat my\\ n')).toEqual({ start: 4, value: 'my n', open: undefined, escaping: false });
    expect(lastShellWord('cat "my "n')).toMatchObject({ start: 4, value: 'my n', open: undefined });
    expect(lastShellWord("cat 'a|b;c'd")).toMatchObject({ start: 4, value: 'a|b;cd' });
  });

  it('reports the quote left open and a dangling backslash', () => {
    expect(lastShellWord("cat 'my n")).toEqual({ start: 4, value: 'my n', open: "'", escaping: false });
    expect(lastShellWord('cat "my n')).toEqual({ start: 4, value: 'my n', open: '"', escaping: false });
    expect(lastShellWord('cat my\\')).toEqual({ start: 4, value: 'my', open: undefined, escaping: true });
  });

  it('keeps a backslash that escapes nothing inside double quotes, and all inside single', () => {
    expect(lastShellWord('echo "a\\b\\$c')).toMatchObject({ value: 'a\\b$c', open: '"' });
    expect(lastShellWord("echo 'a\\ b")).toMatchObject({ start: 5, value: 'a\\ b', open: "'" });
  });
});

/**
 * `grep -e A -e B` matches lines with A or B. just-bash's grep keeps only
 * the last -e; it does read a pattern with newlines in it as one pattern
 * per line, as GNU grep does. So several -e (or --regexp) become one -e
 * whose lines are the patterns, in order. Everything else is left as typed.
 */

/** grep's short options that take a value (the rest of the word, or the next word). */
const SHORT_WITH_VALUE = new Set(['e', 'f', 'm', 'A', 'B', 'C', 'd', 'D']);
/** Long options that take a value as the next word when written without `=`. */
const LONG_WITH_VALUE = new Set([
  '--regexp', '--file', '--max-count', '--after-context', '--before-context', '--context',
  '--directories', '--devices', '--label', '--include', '--exclude', '--exclude-dir', '--color', '--colour',
]);

export function joinPatterns(args: readonly string[]): string[] {
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (word === '--regexp' && i + 1 < args.length) {
      patterns.push(args[++i]!);
      continue;
    }
    if (word.startsWith('--regexp=')) {
      patterns.push(word.slice('--regexp='.length));
      continue;
    }
    if (word.startsWith('--')) {
      rest.push(word);
      // A value the option takes is not an option of its own.
      if (LONG_WITH_VALUE.has(word) && i + 1 < args.length) rest.push(args[++i]!);
      continue;
    }
    if (!word.startsWith('-') || word === '-') {
      rest.push(word);
      continue;
    }
    let flags = '-';
    let j = 1;
    for (; j < word.length; j++) {
      const c = word[j]!;
      if (!SHORT_WITH_VALUE.has(c)) {
        flags += c;
        continue;
      }
      const attached = word.slice(j + 1);
      const value = attached !== '' ? attached : args[++i];
      if (c === 'e') {
        if (value !== undefined) patterns.push(value);
      } else {
        flags += c;
        if (value !== undefined) {
          if (flags.length > 1) rest.push(flags);
          rest.push(value);
          flags = '-';
        }
      }
      break;
    }
    if (flags.length > 1) rest.push(flags);
  }
  if (patterns.length <= 1) return [...args];
  return ['-e', patterns.join('\n'), ...rest];
}

/**
 * Applying Tab completion candidates the way readline does: one candidate is
 * inserted with a trailing space (none after a directory), several insert
 * their longest common prefix, and a second Tab lists them in columns.
 */

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

/** The text that replaces [start, cursor), or undefined when there is nothing to add. */
export function replacement(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return only.endsWith('/') ? only : `${only} `;
  }
  const prefix = commonPrefix(candidates);
  return prefix.length > word.length ? prefix : undefined;
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

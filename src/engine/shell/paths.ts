/** Path helpers shared by the filesystem layers. */

/** An absolute path without `.`, `..`, repeated or trailing slashes. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

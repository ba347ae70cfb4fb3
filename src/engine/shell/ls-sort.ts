/**
 * The orders of ls (coreutils 9.4, C locale): by name as bytes, or by a key
 * with the name breaking ties; -r reverses the whole order, and "none"
 * (-U) keeps the directory's order, -r or not.
 */
import type { SortKey } from './ls-args';

export interface Sortable {
  name: string;
  mtime: number;
  size: number;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/** Version order in the spirit of filevercmp: digit runs compare as numbers. */
export function versionCompare(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const pa = parts(a), pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '', y = pb[i] ?? '';
    const digits = /^\d/.test(x) && /^\d/.test(y);
    const c = digits ? Number(x) - Number(y) || x.length - y.length : byName(x, y);
    if (c) return c;
  }
  return pa.length - pb.length || byName(a, b);
}

const KEYS: Record<Exclude<SortKey, 'none'>, (a: Sortable, b: Sortable) => number> = {
  name: () => 0,
  time: (a, b) => b.mtime - a.mtime,
  size: (a, b) => b.size - a.size,
  extension: (a, b) => byName(extension(a.name), extension(b.name)),
  version: (a, b) => versionCompare(a.name, b.name),
  width: (a, b) => a.name.length - b.name.length,
};

export function sortListing<T extends Sortable>(rows: T[], key: SortKey, reverse: boolean): T[] {
  if (key === 'none') return rows;
  const cmp = KEYS[key];
  const sorted = rows.sort((a, b) => cmp(a, b) || byName(a.name, b.name));
  return reverse ? sorted.reverse() : sorted;
}

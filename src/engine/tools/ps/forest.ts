/**
 * ps's forest (`f`, `--forest`, `-H`), as procps-ng 4 draws it: the selected
 * processes are ordered by parent pid then start time; roots (no selected
 * parent) are taken from the end of that order; each child gets `" \_ "`,
 * and each ancestor level `" |  "` when that ancestor has later siblings,
 * else four spaces. `-H` indents by two spaces per level instead.
 */
import type { Process } from '../../world/types';
import type { Row } from './columns';

export function forestRows(procs: Process[], style: 'ascii' | 'unix'): Row[] {
  const sorted = [...procs].sort((a, b) =>
    a.ppid - b.ppid || a.startTime - b.startTime || a.pid - b.pid);
  const pids = new Set(sorted.map((p) => p.pid));
  const kids = new Map<number, Process[]>();
  for (const p of sorted) {
    if (p.ppid === p.pid) continue;
    const list = kids.get(p.ppid) ?? [];
    list.push(p);
    kids.set(p.ppid, list);
  }
  const rows: Row[] = [];
  const seen = new Set<number>();
  const walk = (p: Process, marks: boolean[]): void => {
    if (seen.has(p.pid)) return;
    seen.add(p.pid);
    rows.push({ p, prefix: prefixFor(marks, style) });
    const children = kids.get(p.pid) ?? [];
    children.forEach((c, i) => walk(c, [...marks, i < children.length - 1]));
  };
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    if (p && (!pids.has(p.ppid) || p.ppid === p.pid)) walk(p, []);
  }
  return rows;
}

/** `marks[k]` is true when the level-k+1 ancestor (or self, last) has a later sibling. */
function prefixFor(marks: boolean[], style: 'ascii' | 'unix'): string {
  if (marks.length === 0) return '';
  if (style === 'unix') return '  '.repeat(marks.length);
  const ancestors = marks.slice(0, -1).map((more) => (more ? ' |  ' : '    '));
  return `${ancestors.join('')} \\_ `;
}

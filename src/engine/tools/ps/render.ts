/**
 * Two-pass rendering of ps rows: compute every cell, then pad each to its
 * column width (right or left aligned, one space between columns, the last
 * column unpadded). Lines are cut to the screen width when there is one.
 */
import type { Column, PsEnv, Row } from './columns';

export interface Field {
  col: Column;
  /** Header text (an `-o pid=NAME` override, or the column's own). */
  header: string;
}

function cell(text: string, width: number, align: 'left' | 'right', last: boolean): string {
  if (align === 'right') return text.padStart(width, ' ');
  return last ? text : text.padEnd(width, ' ');
}

function line(texts: string[], fields: Field[]): string {
  return texts
    .map((t, i) => {
      const f = fields[i];
      if (!f) return t;
      const width = Math.max(f.col.width, f.header.length);
      const last = i === fields.length - 1;
      return cell(f.col.clip && !last ? t.slice(0, width) : t, width, f.col.align, last);
    })
    .join(' ');
}

export function renderPs(
  rows: Row[], fields: Field[], env: PsEnv, opts: { headers: boolean; width: number },
): string {
  const out: string[] = [];
  if (opts.headers && fields.some((f) => f.header !== '')) {
    out.push(line(fields.map((f) => f.header), fields));
  }
  for (const r of rows) out.push(line(fields.map((f) => f.col.value(r, env)), fields));
  const cut = opts.width > 0 ? out.map((l) => l.slice(0, opts.width)) : out;
  return cut.map((l) => `${l.trimEnd()}\n`).join('');
}

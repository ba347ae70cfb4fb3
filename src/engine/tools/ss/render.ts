/**
 * ss's column layout: every line is a list of field texts, one per column;
 * widths are measured over all lines (the header included) and then each
 * field is printed with its column's delimiter and alignment. This is the
 * "compact" layout ss uses when its output is not a terminal, which is what
 * the reference captures show: a column is as wide as its longest field plus
 * its delimiter, and no spare screen width is handed out.
 */

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align: Align;
  /** Printed before the field unless it starts the line. */
  delim: string;
  disabled?: boolean;
}

export const COL = {
  NETID: 0, STATE: 1, RECVQ: 2, SENDQ: 3, ADDR: 4, SERV: 5, RADDR: 6, RSERV: 7, PROC: 8,
  EXT: 9,
} as const;

/** The columns of ss 6.1, in order. */
export function ssColumns(): Column[] {
  return [
    { header: 'Netid', align: 'left', delim: '' },
    { header: 'State', align: 'left', delim: ' ' },
    { header: 'Recv-Q', align: 'left', delim: ' ' },
    { header: 'Send-Q', align: 'left', delim: ' ' },
    { header: 'Local Address:', align: 'right', delim: ' ' },
    { header: 'Port', align: 'left', delim: '' },
    { header: 'Peer Address:', align: 'right', delim: ' ' },
    { header: 'Port', align: 'left', delim: '' },
    { header: 'Process', align: 'left', delim: '' },
    { header: '', align: 'left', delim: '' },
  ];
}

/** Lines are arrays of field texts indexed by column; disabled columns are skipped. */
export function renderColumns(columns: Column[], lines: string[][], header: boolean): string {
  const all = header ? [columns.map((c) => c.header), ...lines] : lines;
  if (all.length === 0) return '';
  const maxLen = columns.map(() => 0);
  for (const line of all) {
    for (let c = 0; c < columns.length; c++) {
      const len = (line[c] ?? '').length;
      if (len > (maxLen[c] as number)) maxLen[c] = len;
    }
  }
  const width = columnWidths(columns, maxLen);
  const out: string[] = [];
  for (const line of all) out.push(renderLine(columns, width, line));
  return out.join('');
}

function columnWidths(columns: Column[], maxLen: number[]): number[] {
  let first = true;
  return columns.map((c, i) => {
    if (c.disabled) return 0;
    const m = maxLen[i] as number;
    const w = !first && m ? m + c.delim.length : m;
    if (w) first = false;
    return w;
  });
}

function renderLine(columns: Column[], width: number[], line: string[]): string {
  let s = '';
  let started = false;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c] as Column;
    if (col.disabled) continue;
    const text = line[c] ?? '';
    const w = width[c] as number;
    let printed = 0;
    if (started) {
      s += col.delim;
      printed = col.delim.length;
    }
    started = true;
    if (w && col.align === 'right') {
      const pad = w - text.length - printed;
      if (pad > 0) {
        s += ' '.repeat(pad);
        printed += pad;
      }
    }
    s += text;
    printed += text.length;
    if (w && col.align === 'left' && w - printed > 0) s += ' '.repeat(w - printed);
  }
  return `${s}\n`;
}

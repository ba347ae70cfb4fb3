/**
 * ss's column layout: every line is a list of field texts, one per column;
 * widths are measured over all lines (the header included) and then each
 * field is printed with its column's delimiter and alignment. This is the
 * "compact" layout ss uses when its output is not a terminal, which is what
 * the reference captures show: a column is as wide as its longest field plus
 * its delimiter, and no spare screen width is handed out.
 *
 * Given a screen width (ss on a terminal), the spare width of each screen
 * line is spread over its columns as ss's render_calc_width does, and
 * columns that do not fit start a new line.
 *
 * The header quirk follows from this: "Peer Address:Port" and "Process" touch
 * ("PortProcess") when no peer port is longer than "Port" (every peer is "*"
 * or a port of at most 4 digits), because the Process column has no
 * delimiter and the port column is exactly 4 wide; a 5-character peer port
 * ("45713") widens that column and leaves a space.
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
  NETID: 0,
  STATE: 1,
  RECVQ: 2,
  SENDQ: 3,
  ADDR: 4,
  SERV: 5,
  RADDR: 6,
  RSERV: 7,
  PROC: 8,
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

/**
 * Lines are arrays of field texts indexed by column; disabled columns are
 * skipped. The output is appended to one string rather than collected and
 * joined: JavaScript engines keep such appends as a tree of pieces and copy
 * them out once, when the text is first read, which on 10,000 lines is
 * cheaper than building and copying an array of line strings.
 */
export function renderColumns(
  columns: Column[],
  lines: string[][],
  header: boolean,
  screenWidth?: number,
): string {
  if (!header && lines.length === 0) return '';
  const width = columnWidths(columns, longestFields(columns, lines, header));
  if (screenWidth !== undefined && screenWidth > 0) spreadWidths(width, screenWidth);
  const slots = slotsOf(columns, width);
  let out = header ? renderLine(slots, columns.map((c) => c.header)) : '';
  for (const line of lines) out += renderLine(slots, line);
  return out;
}

/** The longest text of each column (its header included when printed). */
function longestFields(columns: Column[], lines: string[][], header: boolean): number[] {
  const maxLen = columns.map((c) => (header ? c.header.length : 0));
  for (const line of lines) {
    for (let c = 0; c < columns.length; c++) {
      const len = (line[c] ?? '').length;
      if (len > (maxLen[c] as number)) maxLen[c] = len;
    }
  }
  return maxLen;
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

/** ss's second pass: break lines at the screen width and share out spare columns. */
function spreadWidths(width: number[], screen: number): void {
  for (let i = 0; i < width.length; i++) width[i] = Math.min(width[i] as number, screen);
  let eol = -1;
  let len = 0;
  let cols = 0;
  for (let c = 0; c < width.length; c++) {
    if (!width[c]) continue;
    cols++;
    len += width[c] as number;
    const last = !width.slice(c + 1).some((w) => w > 0);
    if (!last && len < screen) continue;
    if (len !== screen) {
      if (len > screen) {
        len -= width[c] as number;
        c--;
        cols--;
      }
      const pad = screen - len;
      const each = cols ? Math.floor(pad / cols) : 0;
      let rem = cols ? pad % cols : 0;
      for (let t = c; t > eol; t--) {
        if (!width[t]) continue;
        width[t] = (width[t] as number) + each + (rem > 0 ? 1 : 0);
        if (rem > 0) rem--;
      }
    }
    eol = c;
    len = 0;
    cols = 0;
  }
}

/** Padding of 0..256 spaces, made once; longer runs are made when needed. */
const SPACES = Array.from({ length: 257 }, (_, n) => ' '.repeat(n));
const SPACES_NL = SPACES.map((blank) => `${blank}\n`);

function spaces(n: number): string {
  return SPACES[n] ?? ' '.repeat(n);
}

/** What printing a shown column needs, worked out once per output. */
interface Slot {
  index: number;
  width: number;
  right: boolean;
  /** Printed before the field unless it starts the line. */
  delim: string;
  /** The delimiter is only spaces, so it can merge with the padding around it. */
  blank: boolean;
}

function slotsOf(columns: Column[], width: number[]): Slot[] {
  const slots: Slot[] = [];
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c] as Column;
    if (col.disabled) continue;
    const delim = slots.length > 0 ? col.delim : '';
    slots.push({
      index: c,
      width: width[c] as number,
      right: col.align === 'right',
      delim,
      blank: !/[^ ]/.test(delim),
    });
  }
  return slots;
}

/**
 * One output line: each shown column's delimiter, its padding on the
 * aligned side and its text. A run of spaces (padding on both sides of a
 * blank delimiter) is appended as one shared piece, so a line is built from
 * about two pieces per column and no padding string is made per line.
 */
function renderLine(slots: Slot[], line: string[]): string {
  let out = '';
  let owed = 0;
  for (const slot of slots) {
    const text = line[slot.index] ?? '';
    const free = Math.max(0, slot.width - slot.delim.length - text.length);
    if (slot.blank) owed += slot.delim.length;
    else {
      out += spaces(owed) + slot.delim;
      owed = 0;
    }
    if (slot.right) owed += free;
    if (text) {
      if (owed) out += spaces(owed);
      out += text;
      owed = 0;
    }
    if (!slot.right) owed += free;
  }
  return out + (SPACES_NL[owed] ?? `${spaces(owed)}\n`);
}

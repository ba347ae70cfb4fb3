/**
 * Draws the prompt and the line being edited with absolute redraws: go back
 * to the prompt's first row, clear to the end of the screen, print, then put
 * the cursor where it belongs. Positions come from the same cell widths the
 * terminal uses, including its habit of moving a wide character that does not
 * fit in the last column to the next row, so wrapped lines and CJK/emoji keep
 * the cursor in step.
 */
import { wcwidth } from './wcwidth';

export interface Cell {
  row: number;
  col: number;
}

const clusterWidth = (cluster: string): number => wcwidth(cluster.codePointAt(0)!);

/**
 * Where the cursor sits before each cluster, and after the last one. A
 * line that ends exactly at the margin ends at column 0 of the next row
 * (the renderer moves the cursor there out of the pending-wrap state).
 */
export function layout(clusters: readonly string[], cols: number): Cell[] {
  const cells: Cell[] = [];
  let row = 0;
  let col = 0;
  for (const cluster of clusters) {
    const w = clusterWidth(cluster);
    if (col + w > cols) {
      row += 1;
      col = 0;
    }
    cells.push({ row, col });
    col += w;
  }
  cells.push(col >= cols ? { row: row + 1, col: 0 } : { row, col });
  return cells;
}

/** True when printing the clusters leaves the terminal in its pending-wrap state. */
function endsAtMargin(clusters: readonly string[], cols: number): boolean {
  let col = 0;
  for (const cluster of clusters) {
    const w = clusterWidth(cluster);
    if (col + w > cols) col = 0;
    col += w;
  }
  return clusters.length > 0 && col >= cols;
}

export function splitClusters(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (out.length > 0 && wcwidth(ch.codePointAt(0)!) === 0) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

export class PromptRenderer {
  /** Row of the terminal cursor, counted from the prompt's first row. */
  private cursorRow = 0;
  private lastCells: Cell[] = [{ row: 0, col: 0 }];

  constructor(private readonly cols: () => number) {}

  /** The cursor is at column 0 of a fresh row: the next draw starts here. */
  reset(): void {
    this.cursorRow = 0;
    this.lastCells = [{ row: 0, col: 0 }];
  }

  /** Escape sequence that redraws prompt + line with the cursor on `cursor`. */
  draw(prompt: string, line: readonly string[], cursor: number): string {
    const cols = Math.max(1, this.cols());
    const all = [...splitClusters(prompt), ...line];
    const cells = layout(all, cols);
    let out = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    out += '\r\x1b[J' + all.join('');
    if (endsAtMargin(all, cols)) out += ' \r\x1b[K';
    const end = cells[all.length]!;
    const target = cells[all.length - line.length + cursor]!;
    if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
    if (target.col !== end.col) out += '\r' + (target.col > 0 ? `\x1b[${target.col}C` : '');
    this.cursorRow = target.row;
    this.lastCells = cells;
    return out;
  }

  /** Moves below the drawn input, ready for output; the next draw starts fresh. */
  leave(): string {
    const end = this.lastCells[this.lastCells.length - 1]!;
    const down = end.row - this.cursorRow;
    let out = down > 0 ? `\x1b[${down}B` : '';
    // A line that filled the last row exactly already left the cursor on a fresh row.
    out += end.col === 0 && end.row > 0 ? '\r' : '\r\n';
    this.reset();
    return out;
  }
}

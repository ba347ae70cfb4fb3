/**
 * The smallest terminal the lab fits to. A layout that leaves the host a
 * sliver (a notice taking the row, a window dragged to nothing) would
 * otherwise shrink the terminal to a column or two, and reflowing the
 * screen through that width garbles it for good. Below these the terminal
 * keeps its size and the frame clips it until there is room again.
 */
export const MIN_COLS = 20;
export const MIN_ROWS = 4;

export interface Size {
  cols: number;
  rows: number;
}

/** Whether a size the fit addon proposes is worth fitting to. */
export function worthFitting(size: Size | undefined): size is Size {
  return size !== undefined && Number.isFinite(size.cols) && Number.isFinite(size.rows) &&
    size.cols >= MIN_COLS && size.rows >= MIN_ROWS;
}

/**
 * Ctrl-R: incremental search backwards through the history, as readline's
 * `(reverse-i-search)` does. Holds the query, the matched entry and where in
 * it the match sits; the editor shows `label()` as the prompt.
 */
export class HistorySearch {
  query = '';
  index: number | undefined;
  line: string;
  cursor: number;
  private failed = false;

  constructor(
    private readonly history: readonly string[],
    readonly original: string,
    readonly originalCursor: number,
  ) {
    this.line = original;
    this.cursor = originalCursor;
  }

  label(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  type(text: string): void {
    this.query += text;
    this.find(this.index ?? this.history.length - 1);
  }

  erase(): void {
    this.query = Array.from(this.query).slice(0, -1).join('');
    this.index = undefined;
    if (!this.query) {
      this.failed = false;
      return;
    }
    this.find(this.history.length - 1);
  }

  older(): void {
    if (!this.query) return;
    this.find((this.index ?? this.history.length) - 1);
  }

  private find(from: number): void {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i -= 1) {
      const at = this.history[i]!.lastIndexOf(this.query);
      if (at >= 0) {
        this.index = i;
        this.line = this.history[i]!;
        this.cursor = at;
        this.failed = false;
        return;
      }
    }
    this.failed = true;
  }
}

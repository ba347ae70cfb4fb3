/**
 * The text being edited at the prompt, as a list of clusters (a base code
 * point with the zero-width marks that follow it), with a cursor between
 * clusters. Pure: every edit returns nothing but changes this buffer; the
 * editor redraws afterwards.
 */
import { wcwidth } from './wcwidth';

function toClusters(text: string): string[] {
  const clusters: string[] = [];
  for (const ch of text) {
    const last = clusters.length - 1;
    if (last >= 0 && wcwidth(ch.codePointAt(0)!) === 0 && ch !== '\t') {
      clusters[last] += ch;
    } else {
      clusters.push(ch);
    }
  }
  return clusters;
}

const isWordChar = (c: string | undefined): boolean =>
  c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

export class LineBuffer {
  private clusters: string[] = [];
  cursor = 0;
  /** The last killed text, for Ctrl-Y. */
  killed = '';

  get text(): string {
    return this.clusters.join('');
  }

  get length(): number {
    return this.clusters.length;
  }

  /** Cursor position as a UTF-16 offset into `text`. */
  get offset(): number {
    return this.clusters.slice(0, this.cursor).join('').length;
  }

  cells(): readonly string[] {
    return this.clusters;
  }

  set(text: string, cursor?: number): void {
    this.clusters = toClusters(text);
    this.cursor = Math.min(cursor ?? this.clusters.length, this.clusters.length);
  }

  /** Sets the cursor from a UTF-16 offset into `text`. */
  setOffset(offset: number): void {
    let at = 0;
    let i = 0;
    while (i < this.clusters.length && at + this.clusters[i]!.length <= offset) {
      at += this.clusters[i]!.length;
      i += 1;
    }
    this.cursor = i;
  }

  insert(text: string): void {
    const added = toClusters(text);
    this.clusters.splice(this.cursor, 0, ...added);
    this.cursor += added.length;
  }

  /** Replaces clusters [from, cursor) by `text`. */
  replaceBefore(from: number, text: string): void {
    this.clusters.splice(from, this.cursor - from);
    this.cursor = from;
    this.insert(text);
  }

  backspace(): boolean {
    if (this.cursor === 0) return false;
    this.clusters.splice(this.cursor - 1, 1);
    this.cursor -= 1;
    return true;
  }

  deleteForward(): boolean {
    if (this.cursor >= this.clusters.length) return false;
    this.clusters.splice(this.cursor, 1);
    return true;
  }

  move(delta: number): boolean {
    const next = Math.max(0, Math.min(this.clusters.length, this.cursor + delta));
    const moved = next !== this.cursor;
    this.cursor = next;
    return moved;
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.clusters.length;
  }

  private kill(from: number, to: number): boolean {
    if (from === to) return false;
    this.killed = this.clusters.slice(from, to).join('');
    this.clusters.splice(from, to - from);
    this.cursor = from;
    return true;
  }

  killToStart(): boolean {
    return this.kill(0, this.cursor);
  }

  killToEnd(): boolean {
    return this.kill(this.cursor, this.clusters.length);
  }

  /** Ctrl-W: back to the previous white space (unix-word-rubout). */
  killWordBackUnix(): boolean {
    let i = this.cursor;
    while (i > 0 && isSpace(this.clusters[i - 1])) i -= 1;
    while (i > 0 && !isSpace(this.clusters[i - 1])) i -= 1;
    return this.kill(i, this.cursor);
  }

  /** Alt-Backspace: back to the start of the previous word. */
  killWordBack(): boolean {
    return this.kill(this.wordLeft(), this.cursor);
  }

  /** Alt-D: forward to the end of the next word. */
  killWordForward(): boolean {
    return this.kill(this.cursor, this.wordRight());
  }

  wordLeft(): number {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.clusters[i - 1])) i -= 1;
    while (i > 0 && isWordChar(this.clusters[i - 1])) i -= 1;
    return i;
  }

  wordRight(): number {
    let i = this.cursor;
    const n = this.clusters.length;
    while (i < n && !isWordChar(this.clusters[i])) i += 1;
    while (i < n && isWordChar(this.clusters[i])) i += 1;
    return i;
  }

  yank(): boolean {
    if (!this.killed) return false;
    this.insert(this.killed);
    return true;
  }

  /** Ctrl-T: swap the two clusters around the cursor. */
  transpose(): boolean {
    if (this.clusters.length < 2 || this.cursor === 0) return false;
    const at = this.cursor === this.clusters.length ? this.cursor - 1 : this.cursor;
    const a = this.clusters[at - 1]!;
    this.clusters[at - 1] = this.clusters[at]!;
    this.clusters[at] = a;
    this.cursor = at + 1;
    return true;
  }
}

/**
 * A readline-like line editor for a terminal with no PTY behind it. It owns
 * the prompt line: history, reverse search, completion, kill and yank, and
 * type-ahead while a command runs (echoed, then replayed at the next prompt).
 * It knows nothing of xterm.js: it writes escape sequences through its host.
 */
import { parseKeys, type Key } from './keys';
import { LineBuffer } from './line-buffer';
import { PromptRenderer } from './prompt-renderer';
import { listing, replacement, type Completion } from './completion';
import { HistorySearch } from './history-search';
import { stringWidth } from './wcwidth';

export interface EditorHost {
  write(data: string): void;
  cols(): number;
  /** A line was entered; the editor waits for `showPrompt()`. */
  submit(line: string): void;
  complete(line: string, cursor: number): Promise<Completion>;
  /** Ctrl-C while a command runs. */
  interrupt(): void;
}

type Mode = 'waiting' | 'edit' | 'search' | 'completing';

export class LineEditor {
  private mode: Mode = 'waiting';
  private prompt = '';
  private readonly line = new LineBuffer();
  private readonly renderer: PromptRenderer;
  private readonly queue: Key[] = [];
  private history: string[] = [];
  private historyIndex = 0;
  private draft = '';
  private search: HistorySearch | undefined;
  private lastWasTab = false;

  constructor(private readonly host: EditorHost) {
    this.renderer = new PromptRenderer(() => host.cols());
  }

  get busy(): boolean {
    return this.mode === 'waiting';
  }

  get text(): string {
    return this.line.text;
  }

  setHistory(lines: readonly string[]): void {
    this.history = [...lines];
    this.historyIndex = this.history.length;
  }

  /** Shows a fresh prompt (the cursor is at column 0) and replays type-ahead. */
  showPrompt(prompt: string): void {
    this.prompt = prompt;
    this.mode = 'edit';
    this.line.set('');
    this.historyIndex = this.history.length;
    this.renderer.reset();
    this.redraw();
    this.pump();
  }

  feed(data: string): void {
    const keys = parseKeys(data);
    if (this.mode === 'waiting') {
      this.typeAhead(keys);
      return;
    }
    this.queue.push(...keys);
    this.pump();
  }

  /**
   * The terminal changed width. xterm.js does not reflow the wrapped line
   * that holds the cursor (`reflowCursorLine` is off), so the prompt and
   * input keep the rows they were drawn on, only cut or padded: redrawing
   * from the same row clears every one of them, as readline does after
   * SIGWINCH. Call it once the terminal has parsed every earlier write.
   */
  resized(): void {
    if (this.mode !== 'edit' && this.mode !== 'search') return;
    this.redraw();
  }

  /** While a command runs: Ctrl-C interrupts and drops what was typed before it. */
  private typeAhead(keys: Key[]): void {
    for (const key of keys) {
      if (key.kind === 'ctrl' && key.char === 'c') {
        this.queue.length = 0;
        this.host.write('^C');
        this.host.interrupt();
        continue;
      }
      if (key.kind === 'text') this.host.write(key.text);
      if (key.kind === 'enter') this.host.write('\r\n');
      this.queue.push(key);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.mode === 'edit' || this.mode === 'search')) {
      const key = this.queue.shift()!;
      if (this.mode === 'search') this.searchKey(key);
      else this.editKey(key);
    }
  }

  private shownPrompt(): string {
    return this.search ? this.search.label() : this.prompt;
  }

  private redraw(): void {
    this.host.write(this.renderer.draw(this.shownPrompt(), this.line.cells(), this.line.cursor));
  }

  private bell(): void {
    this.host.write('\x07');
  }

  private editKey(key: Key): void {
    const wasTab = this.lastWasTab;
    this.lastWasTab = key.kind === 'tab';
    switch (key.kind) {
      case 'text':
        this.line.insert(key.text.replace(/\t/g, ' '));
        return this.redraw();
      case 'enter':
        return this.accept();
      case 'backspace':
        return this.line.backspace() ? this.redraw() : this.bell();
      case 'tab':
        return this.completeWord(wasTab);
      case 'ctrl':
        return this.ctrlKey(key.char);
      case 'meta':
        return this.metaKey(key.char);
      case 'special':
        return this.specialKey(key.name);
      default:
        return;
    }
  }

  private ctrlKey(char: string): void {
    const l = this.line;
    const edits: Record<string, () => boolean | void> = {
      a: () => l.home(), e: () => l.end(), b: () => l.move(-1), f: () => l.move(1),
      h: () => l.backspace(), u: () => l.killToStart(), k: () => l.killToEnd(),
      w: () => l.killWordBackUnix(), y: () => l.yank(), t: () => l.transpose(),
      d: () => l.deleteForward(),
    };
    const edit = edits[char];
    if (edit) {
      if (edit() === false) this.bell();
      return this.redraw();
    }
    if (char === 'c') return this.cancelLine();
    if (char === 'l') return this.clearScreen();
    if (char === 'p') return this.historyMove(-1);
    if (char === 'n') return this.historyMove(1);
    if (char === 'r') return this.startSearch();
    if (char === 'g') return this.bell();
  }

  private metaKey(char: string): void {
    const l = this.line;
    if (char === 'b') l.cursor = l.wordLeft();
    else if (char === 'f') l.cursor = l.wordRight();
    else if (char === 'd') l.killWordForward();
    else if (char === '\x7f') l.killWordBack();
    else return;
    this.redraw();
  }

  private specialKey(name: string): void {
    const l = this.line;
    if (name === 'up') return this.historyMove(-1);
    if (name === 'down') return this.historyMove(1);
    if (name === 'left') l.move(-1);
    else if (name === 'right') l.move(1);
    else if (name === 'home') l.home();
    else if (name === 'end') l.end();
    else if (name === 'delete') l.deleteForward();
    else if (name === 'word-left') l.cursor = l.wordLeft();
    else if (name === 'word-right') l.cursor = l.wordRight();
    else return;
    this.redraw();
  }

  private accept(): void {
    const text = this.line.text;
    this.line.end();
    this.redraw();
    this.host.write(this.renderer.leave());
    this.remember(text);
    // Keys already queued behind this line (the rest of a paste) wait, unechoed,
    // for the next prompt, as bash leaves them in the tty's input queue.
    this.mode = 'waiting';
    this.host.submit(text);
  }

  private remember(text: string): void {
    // Like HISTCONTROL=ignoreboth: no blank lines, no repeats, no leading space.
    if (!text.trim() || text.startsWith(' ')) return;
    if (this.history[this.history.length - 1] !== text) this.history.push(text);
    this.historyIndex = this.history.length;
  }

  private cancelLine(): void {
    this.line.end();
    this.redraw();
    this.host.write('^C' + this.renderer.leave());
    this.search = undefined;
    this.showPrompt(this.prompt);
  }

  private clearScreen(): void {
    this.host.write('\x1b[H\x1b[2J');
    this.renderer.reset();
    this.redraw();
  }

  private historyMove(delta: number): void {
    const next = this.historyIndex + delta;
    if (next < 0 || next > this.history.length) return this.bell();
    if (this.historyIndex === this.history.length) this.draft = this.line.text;
    this.historyIndex = next;
    this.line.set(next === this.history.length ? this.draft : this.history[next]!);
    this.redraw();
  }

  private completeWord(second: boolean): void {
    const text = this.line.text;
    const offset = this.line.offset;
    this.mode = 'completing';
    this.host
      .complete(text, offset)
      .catch((): Completion => ({ start: offset, candidates: [] }))
      .then((result) => {
        this.mode = 'edit';
        this.applyCompletion(text, offset, result, second);
        this.pump();
      });
  }

  private applyCompletion(text: string, offset: number, result: Completion, second: boolean): void {
    const start = Math.max(0, Math.min(result.start, offset));
    const insert = replacement(text.slice(start, offset), result.candidates);
    if (insert !== undefined) {
      this.line.set(text.slice(0, start) + insert + text.slice(offset));
      this.line.setOffset(start + insert.length);
      return this.redraw();
    }
    if (!second || result.candidates.length < 2) return this.bell();
    this.line.end();
    this.redraw();
    const list = listing(result.candidates, this.host.cols(), stringWidth);
    this.host.write(this.renderer.leave() + list + '\r\n');
    this.line.set(text, undefined);
    this.line.setOffset(offset);
    this.redraw();
  }

  private startSearch(): void {
    this.search = new HistorySearch(this.history, this.line.text, this.line.offset);
    this.mode = 'search';
    this.redraw();
  }

  private searchKey(key: Key): void {
    const search = this.search!;
    if (key.kind === 'ctrl' && key.char === 'c') return this.cancelLine();
    if (key.kind === 'ctrl' && key.char === 'g') return this.endSearch(false);
    if (key.kind === 'escape') return this.endSearch(true);
    if (key.kind === 'ctrl' && key.char === 'r') search.older();
    else if (key.kind === 'text') search.type(key.text);
    else if (key.kind === 'backspace') search.erase();
    else {
      this.endSearch(true);
      return this.editKey(key);
    }
    this.line.set(search.line);
    this.line.setOffset(search.cursor);
    this.redraw();
  }

  private endSearch(keep: boolean): void {
    const search = this.search!;
    this.search = undefined;
    this.line.set(keep ? search.line : search.original);
    this.line.setOffset(keep ? search.cursor : search.originalCursor);
    if (keep && search.index !== undefined) this.historyIndex = search.index;
    this.mode = 'edit';
    this.redraw();
  }
}

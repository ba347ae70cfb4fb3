/**
 * Everything a lab page does that is not drawing: it opens the scenario in
 * the worker (restoring the saved session), runs the line editor's commands,
 * keeps the transcript and the event log, saves after every change, and
 * recovers when the worker has to be replaced. React reads `snapshot` through
 * useSyncExternalStore; the terminal is attached when it is on screen.
 */
import type { Terminal } from '@xterm/xterm';
import type { SessionEvent } from '../../engine/session/types';
import { LineEditor } from '../terminal/line-editor';
import { cleanInput } from '../terminal/input-filter';
import { EngineClient } from '../worker/client';
import type { ClockView, GradeView, OpenOutcome, OpenedLab, ReportReply } from '../worker/protocol';
import { clearSave, loadSave } from '../storage/lab-storage';
import { CORRUPT_RESTORE, SAVE_VERSION, type TranscriptEntry } from '../storage/saved-lab';
import { cleanPrompt, crlf, simNow, transcriptText } from './lab-text';
import { LabSaver } from './lab-saver';
import { withNotice, withoutNotice, type Notice } from './notices';
import { cutOutput, LOG_KEEP } from '../../engine/session/log-output';

export type LabPhase =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | Exclude<OpenOutcome, { kind: 'opened' }>;

export interface LabSnapshot {
  phase: LabPhase;
  lab?: OpenedLab;
  grades?: GradeView;
  clock?: ClockView;
  notices: Notice[];
  running: boolean;
  /** The case's report, once every question is answered or the trainee chose Finish. */
  report?: ReportReply;
}

/** Home and erase display: xterm (scrollOnEraseInDisplay) keeps the old screen in its scrollback. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/** How long Ctrl-C waits for the worker before replacing it. */
const ABORT_GRACE_MS = 500;
/** How long opening the lab (compiling, replaying a restored log) may take. */
export const OPEN_TIMEOUT_MS = 30_000;

/** The command line being run, with enough to save it if the page goes away meanwhile. */
interface Running {
  line: string;
  prompt: string;
  /** Simulated time when it was sent to the engine. */
  at: number;
  /** What it streamed so far (tail -f, watch). */
  streamed: string;
  interrupted: boolean;
}

export class LabController {
  private readonly client: EngineClient;
  private snap: LabSnapshot = { phase: { kind: 'loading' }, notices: [], running: false };
  private readonly listeners = new Set<() => void>();
  private events: SessionEvent[] = [];
  private transcript: TranscriptEntry[] = [];
  private prompt = '$ ';
  private term: Terminal | undefined;
  private editor: LineEditor | undefined;
  private running: Running | undefined;
  private painted = false;
  private disposed = false;
  /** Writes handed to xterm that it has not parsed yet (xterm writes asynchronously). */
  private pendingWrites = 0;
  private saver: LabSaver | undefined;

  constructor(
    readonly scenarioId: string,
    readonly seed: number,
    private readonly openTimeoutMs = OPEN_TIMEOUT_MS,
    client?: EngineClient,
    /** An open request for a fresh session already sent on `client` (early-open.ts). */
    private opening?: Promise<OpenOutcome>,
  ) {
    this.client = client ?? new EngineClient();
  }

  getSnapshot = (): LabSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<LabSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** An error shown in the strip above the lab; `key` keeps one of each kind. */
  private notice(key: string, text: string): void {
    this.showNotice({ key, text, tone: 'error' });
  }

  showNotice(notice: Notice): void {
    this.update({ notices: withNotice(this.snap.notices, notice) });
  }

  dismissNotice(key: string): void {
    if (this.snap.notices.some((n) => n.key === key)) this.update({ notices: withoutNotice(this.snap.notices, key) });
  }

  focusTerminal(): void {
    this.term?.focus();
  }

  get editorText(): string {
    return this.editor?.text ?? '';
  }

  /** A command runs, the lab is not open yet, or the terminal has output still to draw. */
  get busy(): boolean {
    return this.running !== undefined || this.snap.phase.kind !== 'ready' || this.pendingWrites > 0;
  }

  private write(data: string): void {
    const term = this.term;
    if (!term || !data) return;
    this.pendingWrites += 1;
    term.write(data, () => {
      this.pendingWrites -= 1;
    });
  }

  async start(): Promise<void> {
    this.saver = new LabSaver(this.scenarioId, this.seed, {
      show: (n) => this.showNotice(n),
      hide: (key) => this.dismissNotice(key),
    });
    this.saver.claim();
    const saved = loadSave(this.scenarioId, this.seed);
    if (saved.status === 'corrupt') {
      clearSave(this.scenarioId, this.seed);
      this.notice('save-unread', `Your saved session could not be read: ${saved.reason}. A fresh session was started.`);
    }
    const restore = saved.status === 'ok' ? saved.save : undefined;
    let outcome: OpenOutcome;
    try {
      outcome = await this.openRequest(restore?.events, restore?.clock.now);
    } catch (error) {
      if (!restore) return this.fail(error);
      const text = errorText(error);
      this.notice('save-unread', text.startsWith(CORRUPT_RESTORE)
        ? `Your saved session could not be read: ${text.slice(CORRUPT_RESTORE.length)}. A fresh session was started.`
        : `Your saved session could not be restored (${text}). A fresh session was started.`);
      clearSave(this.scenarioId, this.seed);
      return this.openFresh();
    }
    if (outcome.kind !== 'opened') return this.update({ phase: outcome });
    this.transcript = restore ? [...restore.transcript] : [];
    this.adopt(outcome.lab);
    if (restore && restore.clock.speed !== outcome.lab.clock.speed) await this.setSpeed(restore.clock.speed);
  }

  /** Opens the lab in the worker; a worker that does not answer in time is replaced. */
  private openRequest(restore?: SessionEvent[], at?: number): Promise<OpenOutcome> {
    const sent = restore ? undefined : this.opening;
    this.opening = undefined;
    const request = sent ?? this.client.request({ type: 'open', scenarioId: this.scenarioId, seed: this.seed, restore, at });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.client.restart();
        reject(new Error(`the simulated host did not start within ${Math.max(1, Math.round(this.openTimeoutMs / 1000))} s`));
      }, this.openTimeoutMs);
    });
    return Promise.race([request, timeout]).finally(() => clearTimeout(timer));
  }

  private async openFresh(): Promise<void> {
    this.client.restart();
    this.events = [];
    this.transcript = [];
    try {
      const outcome = await this.openRequest();
      if (outcome.kind !== 'opened') return this.update({ phase: outcome });
      this.adopt(outcome.lab);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.update({ phase: { kind: 'failed', message: errorText(error) } });
  }

  private adopt(lab: OpenedLab): void {
    this.events = [...lab.log];
    this.prompt = cleanPrompt(lab.prompt);
    this.painted = false;
    this.update({ phase: { kind: 'ready' }, lab, grades: lab.grades, clock: lab.clock });
    this.paint();
    if (lab.gradesPending) void this.fetchGrades(lab);
  }

  private async fetchGrades(lab: OpenedLab): Promise<void> {
    try {
      const { questions, grades } = await this.client.request({ type: 'grades' });
      if (this.snap.lab === lab) this.update({ lab: { ...lab, questions, gradesPending: false }, grades });
    } catch (error) {
      if (this.snap.lab === lab) this.notice('questions', `The questions could not be loaded: ${errorText(error)}`);
    }
  }

  /** Called by the terminal view once xterm is open; undefined when it goes away. */
  attach(term: Terminal | undefined): void {
    this.term = term;
    this.editor = undefined;
    this.painted = false;
    if (!term) return;
    this.editor = new LineEditor({
      write: (data) => this.write(data),
      cols: () => term.cols,
      submit: (line) => void this.run(line),
      complete: (line, cursor) => this.client.request({ type: 'complete', line, cursor }),
      interrupt: () => this.interrupt(),
    });
    this.paint();
  }

  /** Input from xterm: terminal reports dropped, pasted control characters filtered. */
  feed(data: string, pasted = false): void {
    const text = cleanInput(data, pasted);
    if (text) this.editor?.feed(text);
  }

  resized(): void {
    this.editor?.resized();
  }

  private paint(): void {
    const { term, editor } = this;
    if (!term || !editor || this.painted || this.snap.phase.kind !== 'ready') return;
    this.painted = true;
    term.reset();
    this.write(transcriptText(this.transcript));
    editor.setHistory(this.snap.lab?.history ?? []);
    editor.showPrompt(this.prompt);
  }

  private async run(line: string): Promise<void> {
    const prompt = this.prompt;
    const running: Running = { line, prompt, at: this.clockNow(), streamed: '', interrupted: false };
    this.running = running;
    this.update({ running: true });
    let output = '';
    // What tail -f or watch streamed while running is shown at once, and kept for the transcript.
    const onOutput = (text: string, screen?: boolean) => {
      // After Ctrl-C the ^C is the last thing drawn; a chunk still in flight is dropped.
      if (this.running !== running || running.interrupted) return;
      running.streamed += text;
      // The clear is the lab's own, never the output's: the filter drops those.
      this.write((screen ? CLEAR_SCREEN : '') + crlf(text));
    };
    try {
      const request = { type: 'exec' as const, line, columns: this.term?.cols ?? 80 };
      const reply = await this.client.request(request, onOutput);
      output = reply.result.stdout + reply.result.stderr;
      this.events.push(...reply.appended);
      this.prompt = cleanPrompt(reply.prompt);
      this.update({ clock: reply.clock });
    } catch (error) {
      // The lab was closed under the command: dispose() saved it as interrupted.
      if (this.disposed) return;
      if (!running.interrupted) output = `outbound: ${errorText(error)}\n`;
      else await this.reopenAfterInterrupt();
    }
    const { streamed } = running;
    // The line editor drew ^C where the trainee pressed it, after what had streamed.
    if (running.interrupted) output = `\n${output}`;
    if (!(streamed + output).endsWith('\n') && (streamed || output)) output += '\n';
    this.write(crlf(output));
    this.transcript.push({ prompt, line, output: running.interrupted ? `${streamed}^C${output}` : streamed + output });
    this.running = undefined;
    this.update({ running: false });
    this.save();
    if (!this.disposed) this.editor?.showPrompt(this.prompt);
  }

  private interrupt(): void {
    const running = this.running;
    if (!running) return;
    running.interrupted = true;
    this.client.abort();
    setTimeout(() => {
      if (this.running === running) this.client.restart();
    }, ABORT_GRACE_MS);
  }

  /** The worker was replaced mid-command: replay the log into the new one. */
  private async reopenAfterInterrupt(): Promise<void> {
    try {
      const outcome = await this.client.request({
        type: 'open', scenarioId: this.scenarioId, seed: this.seed,
        restore: this.events, at: this.clockNow(),
      });
      if (outcome.kind === 'opened') {
        this.events = [...outcome.lab.log];
        this.prompt = cleanPrompt(outcome.lab.prompt);
        this.update({ clock: outcome.lab.clock, grades: outcome.lab.grades });
      }
    } catch (error) {
      this.notice('engine', `The engine had to be restarted and failed: ${errorText(error)}`);
    }
  }

  private clockNow(): number {
    return this.snap.clock ? simNow(this.snap.clock, Date.now()) : 0;
  }

  async setSpeed(speed: number): Promise<void> {
    const reply = await this.client.request({ type: 'clock', speed });
    this.events.push(...reply.appended);
    this.update({ clock: reply.clock });
    this.save();
  }

  async answer(question: string, value: string): Promise<void> {
    const reply = await this.client.request({ type: 'answer', question, value });
    this.events.push(...reply.appended);
    this.update({ grades: reply.grades });
    this.save();
    if (reply.grades.questions.every((q) => q.status !== 'open')) await this.finish();
  }

  /** Builds the report and shows it ("Finish", or the last question answered). */
  async finish(): Promise<void> {
    try {
      this.update({ report: await this.client.request({ type: 'report' }) });
    } catch (error) {
      this.notice('report', `The report could not be built: ${errorText(error)}`);
    }
  }

  closeReport(): void {
    this.update({ report: undefined });
  }

  async hint(question: string): Promise<void> {
    const reply = await this.client.request({ type: 'hint', question });
    this.events.push(...reply.appended);
    this.update({ grades: reply.grades });
    this.save();
  }

  save(): void {
    if (this.snap.phase.kind !== 'ready' || !this.snap.clock) return;
    const now = this.clockNow();
    const { events, transcript } = this.savedState();
    const grades = this.snap.grades;
    this.saver?.write({
      version: SAVE_VERSION, scenarioId: this.scenarioId, seed: this.seed, savedAt: Date.now(),
      clock: { now, speed: this.snap.clock.speed },
      events, transcript,
    }, grades && {
      percent: grades.score.percent,
      answered: grades.questions.filter((q) => q.status !== 'open').length,
      total: grades.questions.length,
      commands: transcript.filter((t) => t.line.trim()).length,
      updatedAt: Date.now(),
    });
  }

  /**
   * The log and transcript to save. A command still running (the page is
   * being reloaded or closed, or this is a periodic save) is saved as if
   * Ctrl-C had stopped it now: in the history and the log with bash's 130,
   * what it streamed and ^C on the screen. Restoring replays it up to the
   * saved time, as the engine replays any interrupted follower.
   */
  private savedState(): { events: SessionEvent[]; transcript: TranscriptEntry[] } {
    const r = this.running;
    if (!r || !r.line.trim()) return { events: this.events, transcript: this.transcript };
    return {
      // Cut as the engine cuts what it logs (the restore replays the command anyway).
      events: [...this.events, { type: 'command', at: r.at, line: r.line.trim(), exitCode: 130, output: cutOutput(r.streamed, LOG_KEEP) }],
      transcript: [...this.transcript, { prompt: r.prompt, line: r.line, output: `${r.streamed}^C\n` }],
    };
  }

  /** "Restart": forget the saved session and start the scenario over. */
  async restart(): Promise<void> {
    this.saver?.clear();
    this.running = undefined;
    // The notices about the old session go; a warning about saving or another tab stays true.
    const kept = this.snap.notices.filter((n) => n.tone === 'warning');
    this.update({ phase: { kind: 'loading' }, running: false, notices: kept, report: undefined });
    await this.openFresh();
  }

  dispose(): void {
    this.disposed = true;
    this.save();
    this.saver?.dispose();
    this.client.dispose();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Messages between the page and the engine worker. Every request carries an
 * id and gets exactly one reply with the same id (`abort` gets none: the
 * running `exec` replies instead); an `exec` may stream output before it. Everything here is structured-clone data.
 */
import type { Diagnostic, ScenarioMeta } from '../../engine/scenario/types';
import type { ExecResult, SessionEvent } from '../../engine/session/types';
import type { Report } from '../../engine/scoring';

export interface ClockView {
  /** Simulated epoch ms at the moment of `wall`. */
  now: number;
  speed: number;
  /** The page's wall clock (Date.now()) when `now` was read. */
  wall: number;
}

export interface CatalogEntry {
  /** The file's name without `.yaml`; the id in the lab's URL. */
  id: string;
  file: string;
  meta?: ScenarioMeta;
  questionCount?: number;
  diagnostics?: Diagnostic[];
}

export interface QuestionView {
  id: string;
  prompt: string;
  kind: string;
  points: number;
  attempts: number;
  options?: { id: string; text: string }[];
  hintCount: number;
}

export interface QuestionState {
  id: string;
  status: 'open' | 'right' | 'closed';
  tries: number;
  earned: number;
  /** Answers given, oldest first. */
  answers: string[];
  /** The latest text submitted, attempt or not (an unreadable answer uses no attempt). */
  latest?: string;
  /** Shown after a wrong answer. */
  feedback?: string;
  hints: { text: string; cost: number }[];
  /** Shown once the question is closed. */
  explanation?: { command?: string; why: string };
}

export interface ScoreView {
  earned: number;
  possible: number;
  percent: number;
  passingScore: number;
  passed: boolean;
}

export interface GradeView {
  questions: QuestionState[];
  score: ScoreView;
}

export interface OpenedLab {
  meta: ScenarioMeta;
  seed: number;
  questions: QuestionView[];
  grades: GradeView;
  prompt: string;
  history: string[];
  clock: ClockView;
  /** The whole log (after a restore, the replayed one). */
  log: SessionEvent[];
  warnings: Diagnostic[];
  /** The questions are still being resolved against the world: ask with `grades`. */
  gradesPending?: boolean;
}

export type OpenOutcome =
  | { kind: 'opened'; lab: OpenedLab }
  | { kind: 'unknown'; id: string; known: string[] }
  | { kind: 'invalid'; id: string; file: string; diagnostics: Diagnostic[] };

export interface ExecReply {
  result: ExecResult;
  prompt: string;
  clock: ClockView;
  /** Events the session logged since the previous reply. */
  appended: SessionEvent[];
}

export type Request =
  | { type: 'catalog' }
  | { type: 'open'; scenarioId: string; seed: number; restore?: SessionEvent[]; at?: number }
  | { type: 'exec'; line: string; columns: number }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'clock'; speed?: number }
  | { type: 'answer'; question: string; value: string }
  | { type: 'hint'; question: string }
  | { type: 'grades' }
  | { type: 'report' };

export interface ReplyMap {
  catalog: CatalogEntry[];
  open: OpenOutcome;
  exec: ExecReply;
  complete: { start: number; candidates: string[] };
  clock: { clock: ClockView; appended: SessionEvent[] };
  answer: { grades: GradeView; appended: SessionEvent[] };
  hint: { grades: GradeView; appended: SessionEvent[] };
  grades: { questions: QuestionView[]; grades: GradeView };
  report: ReportReply;
}

/** The case's report, built by the scoring engine, with its JSON and printable HTML. */
export interface ReportReply {
  report: Report;
  json: string;
  html: string;
}

export type ToWorker = { id: number; request: Request } | { id: number; abort: true };

export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  /**
   * Output of the running `exec` while it runs (tail -f, watch); its reply
   * does not repeat it. `screen`: a whole new screen, shown on a cleared one.
   */
  | { id: number; output: string; screen?: boolean };

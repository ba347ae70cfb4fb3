/**
 * The trainee's answers, graded by the scoring engine: a grader built once
 * per scenario, and the score state its pure actions return. The state is
 * rebuilt from the session log on restore (`replayLog`), so a reload shows
 * exactly what it showed before. This file only translates to what the page
 * shows.
 */
import type { CompiledScenario } from '../../engine/scenario/types';
// Each from its own module, not the scoring index: the worker does not load
// the question schema (a compiled scenario's questions passed it already).
import { compiledGrader, type Grader } from '../../engine/scoring/grader-core';
import {
  initialState, replayLog, submitAnswer, takeHint, totals, type QuestionProgress, type ScoreState,
} from '../../engine/scoring/grade';
import { buildReport, reportJson } from '../../engine/scoring/report';
import { reportHtml } from '../../engine/scoring/report-html';
import type { SessionEvent } from '../../engine/session/types';
import type { WorldEvent } from '../../engine/world/types';
import type { GradeView, QuestionState, QuestionView, ReportReply } from './protocol';
import { questionViews } from './question-views';

type AnswerEvent = Extract<SessionEvent, { type: 'answer' }>;
type HintEvent = Extract<SessionEvent, { type: 'hint' }>;

export class Grades {
  private readonly grader: Grader;
  private state: ScoreState;
  /** The last reply per question that did not become an attempt (unreadable, refused). */
  private readonly notes = new Map<string, { message: string; value: string }>();

  constructor(scenario: CompiledScenario, log: readonly SessionEvent[] = []) {
    this.grader = compiledGrader(scenario);
    this.state = log.length ? replayLog(this.grader, log) : initialState(this.grader);
  }

  questions(): QuestionView[] {
    return questionViews(this.grader.questions.map((g) => g.question));
  }

  isOpen(question: string): boolean {
    return this.progress(question)?.status === 'open';
  }

  nextHint(question: string): number | undefined {
    const g = this.grader.byId.get(question);
    const p = this.progress(question);
    if (!g || !p || p.hints.length >= g.question.hints.length) return undefined;
    return p.hints.length;
  }

  answer(event: AnswerEvent, actions: readonly WorldEvent[]): void {
    const { state, reply } = submitAnswer(
      this.grader, this.state, { question: event.question, value: event.value, at: event.at }, actions,
    );
    this.state = state;
    if (reply.kind === 'right' || reply.kind === 'wrong') this.notes.delete(event.question);
    else this.notes.set(event.question, { message: reply.message, value: event.value });
  }

  hint(event: HintEvent): void {
    this.state = takeHint(this.grader, this.state, { question: event.question, index: event.index, at: event.at }).state;
  }

  private progress(id: string): QuestionProgress | undefined {
    return this.state.questions.find((p) => p.id === id);
  }

  private questionState(p: QuestionProgress): QuestionState {
    const g = this.grader.byId.get(p.id)!;
    const q = g.question;
    const last = p.attempts[p.attempts.length - 1];
    const wrong = last && last.result === 'wrong' ? (last.feedback ?? last.message) : undefined;
    const why = q.explanation?.why;
    return {
      id: p.id,
      status: p.status === 'failed' ? 'closed' : p.status,
      tries: p.attempts.length,
      earned: p.points,
      answers: p.attempts.map((a) => a.value),
      latest: this.notes.get(p.id)?.value ?? last?.value,
      feedback: this.notes.get(p.id)?.message ?? (p.status === 'right' ? undefined : wrong),
      hints: p.hints.map((h) => ({ text: q.hints[h.index]?.text ?? '', cost: h.cost })),
      explanation: p.status !== 'open' && why ? { command: q.explanation?.command ?? g.shownBy, why } : undefined,
    };
  }

  /** The report of the case so far, from the session log. */
  report(log: readonly SessionEvent[]): ReportReply {
    const report = buildReport(this.grader, log, this.state);
    return { report, json: reportJson(report), html: reportHtml(report) };
  }

  view(): GradeView {
    const t = totals(this.grader, this.state);
    return {
      questions: this.state.questions.map((p) => this.questionState(p)),
      score: { earned: t.points, possible: t.max, percent: t.percent, passingScore: t.passingScore, passed: t.passed },
    };
  }
}

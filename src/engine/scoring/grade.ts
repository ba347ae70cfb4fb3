/**
 * The trainee's scoring actions as pure steps: submit an answer, take a
 * hint. Each takes the grader and the current state and returns the new
 * state and a reply for the UI; nothing throws, nothing is mutated. The
 * state can always be rebuilt from the session log (`replayLog`).
 *
 * Rules. A right answer earns the question's points minus the cost of the
 * hints taken before it. A wrong answer uses an attempt; when none are left
 * the question closes with no points. An answer that does not read as the
 * kind of thing asked for (a port for an address) costs nothing; a feedback
 * entry that names it is shown. An answer over the size limit or with
 * control characters is refused and costs nothing.
 */
import type { SessionEvent } from '../session/types';
import type { WorldEvent } from '../world/types';
import type { Grader, GradedQuestion } from './grader';
import { matchAnswer, type Match } from './match';
import { checkAnswerInput } from './normalise';

export interface Attempt {
  at: number;
  value: string;
  result: 'right' | 'wrong';
  message: string;
  feedback?: string;
}

export interface HintTaken {
  index: number;
  at: number;
  /** Points the hint cost (0 when taken after the question closed). */
  cost: number;
}

export interface QuestionProgress {
  id: string;
  status: 'open' | 'right' | 'failed';
  attempts: readonly Attempt[];
  hints: readonly HintTaken[];
  closedAt?: number;
  points: number;
}

export interface ScoreState {
  /** In the scenario's question order. */
  questions: readonly QuestionProgress[];
}

export type AnswerReply =
  | { kind: 'right'; message: string; points: number; explanation?: string }
  | { kind: 'wrong'; message: string; feedback?: string; attemptsLeft: number; explanation?: string }
  /** `message` is the feedback when a feedback entry names the answer. */
  | { kind: 'unreadable'; message: string; feedback?: string }
  | { kind: 'rejected' | 'closed' | 'unknown'; message: string };

export type HintReply =
  | { kind: 'hint'; text: string; cost: number }
  | { kind: 'refused'; message: string };

export function initialState(grader: Grader): ScoreState {
  return {
    questions: grader.questions.map((g) => ({
      id: g.question.id, status: 'open', attempts: [], hints: [], points: 0,
    })),
  };
}

function update(state: ScoreState, next: QuestionProgress): ScoreState {
  return { questions: state.questions.map((p) => (p.id === next.id ? next : p)) };
}

function progressOf(state: ScoreState, id: string): QuestionProgress | undefined {
  return state.questions.find((p) => p.id === id);
}

function hintCost(p: QuestionProgress): number {
  return p.hints.reduce((sum, h) => sum + h.cost, 0);
}

function explain(g: GradedQuestion): string | undefined {
  return g.question.explanation?.why;
}

function grade(grader: Grader, g: GradedQuestion, text: string, at: number, actions: readonly WorldEvent[]): Match {
  if (!g.expected) return { result: 'wrong', message: 'This question cannot be graded.' };
  const world = g.expected.mode === 'state' ? grader.scenario.worldAt(at, actions) : undefined;
  try {
    return matchAnswer(g.question, g.expected, text, world);
  } catch {
    return { result: 'unreadable', message: 'That answer could not be graded; try another spelling.' };
  }
}

function feedbackFor(g: GradedQuestion, text: string): string | undefined {
  for (const [i, test] of g.feedback.entries()) {
    if (test && safeTest(test, text)) return g.question.feedback[i]?.text;
  }
  return undefined;
}

function safeTest(test: (t: string) => boolean, text: string): boolean {
  try {
    return test(text);
  } catch {
    return false;
  }
}

export interface SubmitInput {
  question: string;
  value: unknown;
  at: number;
}

/**
 * Submits an answer. `actions` are the trainee's world events so far; a
 * state question checks the world at `at` with them applied.
 */
export function submitAnswer(
  grader: Grader, state: ScoreState, input: SubmitInput, actions: readonly WorldEvent[] = [],
): { state: ScoreState; reply: AnswerReply } {
  const g = grader.byId.get(input.question);
  const p = progressOf(state, input.question);
  if (!g || !p) return { state, reply: { kind: 'unknown', message: 'There is no such question.' } };
  if (p.status !== 'open') {
    return { state, reply: { kind: 'closed', message: 'This question is already closed.' } };
  }
  const checked = checkAnswerInput(input.value);
  if (!checked.ok) return { state, reply: { kind: 'rejected', message: checked.message } };
  const text = checked.text;
  const match = grade(grader, g, text, input.at, actions);
  const feedback = match.result === 'right' ? undefined : feedbackFor(g, text);
  if (match.result === 'unreadable') {
    const reply: AnswerReply = feedback === undefined
      ? { kind: 'unreadable', message: match.message }
      : { kind: 'unreadable', message: feedback, feedback };
    return { state, reply };
  }
  if (match.result === 'right') {
    const points = Math.max(0, g.question.points - hintCost(p));
    const attempt: Attempt = { at: input.at, value: text, result: 'right', message: 'Right.' };
    const next: QuestionProgress = {
      ...p, status: 'right', attempts: [...p.attempts, attempt], closedAt: input.at, points,
    };
    const reply: AnswerReply = { kind: 'right', message: 'Right.', points };
    const why = explain(g);
    if (why !== undefined) reply.explanation = why;
    return { state: update(state, next), reply };
  }
  const attempt: Attempt = { at: input.at, value: text, result: 'wrong', message: match.message };
  if (feedback !== undefined) attempt.feedback = feedback;
  const attempts = [...p.attempts, attempt];
  const left = Math.max(0, g.question.attempts - attempts.length);
  const next: QuestionProgress = left === 0
    ? { ...p, attempts, status: 'failed', closedAt: input.at, points: 0 }
    : { ...p, attempts };
  const reply: AnswerReply = { kind: 'wrong', message: match.message, attemptsLeft: left };
  if (feedback !== undefined) reply.feedback = feedback;
  const why = left === 0 ? explain(g) : undefined;
  if (why !== undefined) reply.explanation = why;
  return { state: update(state, next), reply };
}

export interface HintInput {
  question: string;
  index: number;
  at: number;
}

/** Takes a hint; a hint already taken is shown again at no extra cost. */
export function takeHint(
  grader: Grader, state: ScoreState, input: HintInput,
): { state: ScoreState; reply: HintReply } {
  const g = grader.byId.get(input.question);
  const p = progressOf(state, input.question);
  if (!g || !p) return { state, reply: { kind: 'refused', message: 'There is no such question.' } };
  const hint = Number.isInteger(input.index) ? g.question.hints[input.index] : undefined;
  if (!hint) return { state, reply: { kind: 'refused', message: 'There is no such hint.' } };
  if (p.hints.some((h) => h.index === input.index)) {
    return { state, reply: { kind: 'hint', text: hint.text, cost: 0 } };
  }
  const cost = p.status === 'open' ? hint.cost : 0;
  const next: QuestionProgress = { ...p, hints: [...p.hints, { index: input.index, at: input.at, cost }] };
  return { state: update(state, next), reply: { kind: 'hint', text: hint.text, cost } };
}

/** Rebuilds the score from a session log, applying its actions in order. */
export function replayLog(grader: Grader, log: readonly SessionEvent[]): ScoreState {
  let state = initialState(grader);
  const actions: WorldEvent[] = [];
  for (const e of log) {
    if (e.type === 'world') actions.push(e.event);
    else if (e.type === 'hint') {
      state = takeHint(grader, state, { question: e.question, index: e.index, at: e.at }).state;
    } else if (e.type === 'answer') {
      const current = actions.filter((a) => a.at <= e.at);
      state = submitAnswer(grader, state, { question: e.question, value: e.value, at: e.at }, current).state;
    }
  }
  return state;
}

/**
 * The one rounding of a score every view shows (the questions panel, the
 * report, its JSON and HTML): whole percent, rounded down, so 100 % means
 * every point and a score shown at the passing mark has reached it. The
 * small epsilon keeps 0.29 * 100 = 28.999999999999996 at 29.
 */
export function wholePercent(exact: number): number {
  return Math.floor(exact + 1e-9);
}

export interface Totals {
  points: number;
  max: number;
  /** Whole percent (`wholePercent`); `passed` compares the exact score. */
  percent: number;
  passingScore: number;
  passed: boolean;
  answered: number;
  right: number;
}

export function totals(grader: Grader, state: ScoreState): Totals {
  const gradable = grader.questions.filter((g) => g.expected !== null);
  const max = gradable.reduce((s, g) => s + g.question.points, 0);
  const points = state.questions.reduce((s, p) => s + p.points, 0);
  const exact = max === 0 ? 0 : (points / max) * 100;
  const passingScore = grader.scenario.meta?.passingScore ?? 70;
  return {
    points, max, percent: wholePercent(exact), passingScore, passed: max > 0 && exact >= passingScore,
    answered: state.questions.filter((p) => p.attempts.length > 0).length,
    right: state.questions.filter((p) => p.status === 'right').length,
  };
}

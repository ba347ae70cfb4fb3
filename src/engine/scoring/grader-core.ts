/**
 * A grader: a scenario's questions, their expected answers and feedback
 * matchers resolved against the world once. Everything the pure actions in
 * grade.ts need. This part takes questions that passed the schema (a
 * compiled scenario's are); grader.ts checks raw ones first.
 */
import type { PathIssue } from '../scenario/issues';
import type { CompiledScenario } from '../scenario/types';
import { resolveMatcher, type FeedbackTest } from './feedback';
import { type Expectation, type Outcome } from './resolve';
import { resolveQuestion } from './resolve-question';
import type { Question } from './schema';
import { memoView } from './world-lookup';
import type { ScenarioView } from './values';

export interface GradedQuestion {
  question: Question;
  /** Null when the world cannot produce the answer (a scenario error). */
  expected: Expectation | null;
  feedback: (FeedbackTest | null)[];
  /** The command that would have shown the answer. */
  shownBy?: string;
}

export interface Grader {
  scenario: ScenarioView & Partial<Pick<CompiledScenario, 'meta' | 'seed'>>;
  questions: readonly GradedQuestion[];
  byId: ReadonlyMap<string, GradedQuestion>;
  /** Problems found while preparing (the same ones checkQuestions reports). */
  issues: readonly PathIssue[];
}

function located(index: number, r: Outcome<unknown> & { ok: false }): PathIssue {
  const issue: PathIssue = { path: ['questions', index, ...r.path], message: r.message };
  if (r.hint !== undefined) issue.hint = r.hint;
  return issue;
}

export type GraderScenario = ScenarioView & Partial<Pick<CompiledScenario, 'meta' | 'seed'>>;

/** A question that passed the schema, and where it stands in the scenario's list. */
export interface CheckedQuestion {
  index: number;
  question: Question;
}

/** Resolves checked questions against the world; `issues` gains what cannot be resolved. */
export function buildGrader(scenario: GraderScenario, checked: readonly CheckedQuestion[], issues: PathIssue[]): Grader {
  const view = memoView(scenario);
  const questions: GradedQuestion[] = [];
  const byId = new Map<string, GradedQuestion>();
  for (const { index, question: q } of checked) {
    if (byId.has(q.id)) {
      issues.push({ path: ['questions', index, 'id'], message: `question id "${q.id}" is used twice`,
        hint: 'Give every question its own id.' });
      continue;
    }
    const graded = prepare(view, q, index, issues);
    questions.push(graded);
    byId.set(q.id, graded);
  }
  return { scenario: { ...scenario, worldAt: view.worldAt }, questions, byId, issues };
}

// Resolving reads the world at many moments: one grader per scenario object.
const cache = new WeakMap<object, Grader>();

/** The grader of a compiled scenario, whose questions passed the schema when it loaded. */
export function compiledGrader(scenario: GraderScenario & { questions: readonly Question[] }): Grader {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const grader = buildGrader(scenario, scenario.questions.map((question, index) => ({ index, question })), []);
  cache.set(scenario, grader);
  return grader;
}

function prepare(view: ScenarioView, q: Question, index: number, issues: PathIssue[]): GradedQuestion {
  let expected: Expectation | null = null;
  try {
    const r = resolveQuestion(view, q);
    if (r.ok) expected = r.value;
    else issues.push(located(index, r));
  } catch (e) {
    issues.push({ path: ['questions', index, 'answer'],
      message: `the answer could not be read from the world: ${(e as Error).message}` });
  }
  const feedback = q.feedback.map((_, i) => {
    const m = resolveMatcher(view, q, i, expected ?? undefined);
    if (m.ok) return m.value;
    issues.push(located(index, m));
    return null;
  });
  const shownBy = q.explanation?.command ?? (expected && expected.mode !== 'pattern' ? expected.shownBy : undefined);
  const out: GradedQuestion = { question: q, expected, feedback };
  if (shownBy !== undefined) out.shownBy = shownBy;
  return out;
}

/**
 * A grader: a scenario's questions parsed, their expected answers and
 * feedback matchers resolved against the world once. Everything the pure
 * actions in grade.ts need.
 */
import type { PathIssue } from '../scenario/issues';
import type { CompiledScenario } from '../scenario/types';
import { resolveMatcher, type FeedbackTest } from './feedback';
import { type Expectation, type Outcome } from './resolve';
import { resolveQuestion } from './resolve-question';
import { questionSchema, type Question } from './schema';
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

function zodIssues(index: number, error: { issues: readonly { path: PropertyKey[]; message: string }[] }): PathIssue[] {
  return error.issues.map((i) => ({
    path: ['questions', index, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')],
    message: i.message,
  }));
}

function located(index: number, r: Outcome<unknown> & { ok: false }): PathIssue {
  const issue: PathIssue = { path: ['questions', index, ...r.path], message: r.message };
  if (r.hint !== undefined) issue.hint = r.hint;
  return issue;
}

type GraderScenario = ScenarioView & Partial<Pick<CompiledScenario, 'meta' | 'seed'>>;

// Resolving reads the world at many moments; the compile step's check and
// the lab's grader share one resolution per scenario object.
const cache = new WeakMap<object, { raw: readonly unknown[]; grader: Grader }>();

const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Parses and resolves every question; never throws. */
export function createGrader(scenario: GraderScenario, raw: readonly unknown[]): Grader {
  const hit = cache.get(scenario);
  if (hit && sameItems(hit.raw, raw)) return hit.grader;
  const grader = buildGrader(scenario, raw);
  cache.set(scenario, { raw: [...raw], grader });
  return grader;
}

function buildGrader(scenario: GraderScenario, raw: readonly unknown[]): Grader {
  const view = memoView(scenario);
  const issues: PathIssue[] = [];
  const questions: GradedQuestion[] = [];
  const byId = new Map<string, GradedQuestion>();
  raw.forEach((item, index) => {
    const parsed = questionSchema.safeParse(item);
    if (!parsed.success) {
      issues.push(...zodIssues(index, parsed.error));
      return;
    }
    const q = parsed.data;
    if (byId.has(q.id)) {
      issues.push({ path: ['questions', index, 'id'], message: `question id "${q.id}" is used twice`,
        hint: 'Give every question its own id.' });
      return;
    }
    const graded = prepare(view, q, index, issues);
    questions.push(graded);
    byId.set(q.id, graded);
  });
  return { scenario: { ...scenario, worldAt: view.worldAt }, questions, byId, issues };
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

/**
 * The semantic check of a scenario's questions, for the compile step:
 * problems with a path like ['questions', 3, 'answer', 'of'].
 */
export function checkQuestions(questions: readonly unknown[], scenario: ScenarioView): PathIssue[] {
  return [...createGrader(scenario, questions).issues];
}

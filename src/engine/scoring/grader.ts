/**
 * A grader from questions as an author wrote them: each checked against the
 * schema first (grader-core.ts resolves the ones that pass), so a question
 * the schema refuses is an issue at its path, never an exception.
 */
import type { PathIssue } from '../scenario/issues';
import { buildGrader, type CheckedQuestion, type Grader, type GraderScenario } from './grader-core';
import { questionSchema } from './schema';

export { compiledGrader } from './grader-core';
export type { Grader, GradedQuestion } from './grader-core';

function zodIssues(index: number, error: { issues: readonly { path: PropertyKey[]; message: string }[] }): PathIssue[] {
  return error.issues.map((i) => ({
    path: ['questions', index, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')],
    message: i.message,
  }));
}

// Resolving reads the world at many moments; the compile step's check and
// the lab's grader share one resolution per scenario object.
const cache = new WeakMap<object, { raw: readonly unknown[]; grader: Grader }>();

const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Parses and resolves every question; never throws. */
export function createGrader(scenario: GraderScenario, raw: readonly unknown[]): Grader {
  const hit = cache.get(scenario);
  if (hit && sameItems(hit.raw, raw)) return hit.grader;
  const issues: PathIssue[] = [];
  const checked: CheckedQuestion[] = [];
  raw.forEach((item, index) => {
    const parsed = questionSchema.safeParse(item);
    if (parsed.success) checked.push({ index, question: parsed.data });
    else issues.push(...zodIssues(index, parsed.error));
  });
  const grader = buildGrader(scenario, checked, issues);
  cache.set(scenario, { raw: [...raw], grader });
  return grader;
}

/**
 * The semantic check of a scenario's questions, for the compile step:
 * problems with a path like ['questions', 3, 'answer', 'of'].
 */
export function checkQuestions(questions: readonly unknown[], scenario: GraderScenario): PathIssue[] {
  return [...createGrader(scenario, questions).issues];
}

/**
 * What the page shows of the questions, read from the compiled scenario
 * alone. A lab shows its questions and an empty score as soon as it opens;
 * the scoring engine (grades.ts), which resolves every answer against the
 * world, loads with the first answer, hint or report instead.
 */
import type { CompiledScenario } from '../../engine/scenario/types';
import type { Question } from '../../engine/scoring/schema';
import type { GradeView, QuestionView } from './protocol';

export function questionViews(questions: readonly Question[]): QuestionView[] {
  return questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    kind: q.kind,
    points: q.points,
    attempts: q.attempts,
    options: 'options' in q ? q.options.map((o) => ({ id: o.id, text: o.text })) : undefined,
    hintCount: q.hints.length,
  }));
}

/** The score before any answer: every question open, nothing earned. */
export function untouchedView(scenario: CompiledScenario): GradeView {
  const possible = scenario.questions.reduce((sum, q) => sum + q.points, 0);
  return {
    questions: scenario.questions.map((q) => ({
      id: q.id, status: 'open', tries: 0, earned: 0, answers: [], latest: undefined, feedback: undefined,
      hints: [], explanation: undefined,
    })),
    score: { earned: 0, possible, percent: 0, passingScore: scenario.meta.passingScore, passed: false },
  };
}

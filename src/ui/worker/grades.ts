/**
 * The trainee's progress on the questions, rebuilt from answer and hint
 * events so that a restored session shows exactly what it showed before.
 * A right answer earns the question's points minus the hints taken; a
 * question closes when it is right or its attempts are used up.
 */
import type { SessionEvent } from '../../engine/session/types';
import type { GradeView, QuestionState } from './protocol';
import type { RawQuestion } from './questions';
import type { Verdict } from './simple-grader';

export type Judge = (q: RawQuestion, value: string) => Verdict;

export class Grades {
  private readonly states = new Map<string, QuestionState>();

  constructor(
    private readonly questions: readonly RawQuestion[],
    private readonly passingScore: number,
  ) {
    for (const q of questions) {
      this.states.set(q.id, { id: q.id, status: 'open', tries: 0, earned: 0, answers: [], hints: [] });
    }
  }

  question(id: string): RawQuestion | undefined {
    return this.questions.find((q) => q.id === id);
  }

  /** Applies an answer or hint event (from the trainee now, or from a saved log). */
  apply(event: SessionEvent, judge: Judge): void {
    if (event.type !== 'answer' && event.type !== 'hint') return;
    const q = this.question(event.question);
    const state = this.states.get(event.question);
    if (!q || !state || state.status !== 'open') return;
    if (event.type === 'hint') {
      const hint = q.hints[state.hints.length];
      if (hint) state.hints.push(hint);
      return;
    }
    const verdict = judge(q, event.value);
    state.answers.push(event.value);
    if (verdict.uncheckable) {
      state.feedback = verdict.feedback;
      return;
    }
    state.tries += 1;
    state.feedback = verdict.right ? undefined : verdict.feedback;
    if (verdict.right) {
      state.status = 'right';
      const cost = state.hints.reduce((sum, h) => sum + h.cost, 0);
      state.earned = Math.max(0, q.points - cost);
    } else if (state.tries >= q.attempts) {
      state.status = 'closed';
    }
    if (state.status !== 'open') state.explanation = q.explanation;
  }

  canAnswer(id: string): boolean {
    return this.states.get(id)?.status === 'open';
  }

  view(): GradeView {
    const questions = this.questions.map((q) => structuredClone(this.states.get(q.id)!));
    const possible = this.questions.reduce((sum, q) => sum + q.points, 0);
    const earned = questions.reduce((sum, s) => sum + s.earned, 0);
    const percent = possible === 0 ? 0 : Math.round((earned / possible) * 100);
    return {
      questions,
      score: { earned, possible, percent, passingScore: this.passingScore, passed: percent >= this.passingScore },
    };
  }
}

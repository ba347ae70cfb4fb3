/**
 * One open lab inside the worker: the engine's session, the grades rebuilt
 * from its log, and the AbortController of the command that is running.
 */
import type { CompiledScenario } from '../../engine/scenario/types';
import { createLabSession } from '../../engine/session/session';
import type { LabSession, SessionEvent } from '../../engine/session/types';
import { Grades, type Judge } from './grades';
import type { ClockView, ExecReply, GradeView } from './protocol';
import { readQuestions, type RawQuestion } from './questions';
import { simpleVerdict } from './simple-grader';
import { systemWallClock } from '../../host/wall-clock';

export class LabHost {
  private sent = 0;
  private running: AbortController | undefined;

  private constructor(
    readonly session: LabSession,
    readonly questions: readonly RawQuestion[],
    private readonly grades: Grades,
    private readonly judge: Judge,
  ) {}

  static async open(scenario: CompiledScenario, restore?: SessionEvent[], at?: number): Promise<LabHost> {
    const session = createLabSession({
      scenario,
      wallClock: systemWallClock,
      restore: restore?.length ? restore : undefined,
      at: restore?.length ? at : undefined,
    });
    // An empty line waits behind the replay of a restored log.
    await session.exec('');
    const questions = readQuestions(scenario.questions);
    const judge: Judge = (q, value) => simpleVerdict(q, value, scenario.vars);
    const grades = new Grades(questions, scenario.meta.passingScore);
    const host = new LabHost(session, questions, grades, judge);
    for (const event of session.log()) grades.apply(event, judge);
    host.sent = session.log().length;
    return host;
  }

  appended(): SessionEvent[] {
    const log = this.session.log();
    const out = log.slice(this.sent);
    this.sent = log.length;
    return out;
  }

  clock(): ClockView {
    return { now: this.session.clock.now(), speed: this.session.clock.speed(), wall: Date.now() };
  }

  async exec(line: string, columns: number): Promise<ExecReply> {
    const controller = new AbortController();
    this.running = controller;
    try {
      const result = await this.session.exec(line, { signal: controller.signal, columns });
      return { result, prompt: this.session.prompt(), clock: this.clock(), appended: this.appended() };
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  abort(): void {
    this.running?.abort();
  }

  setSpeed(speed: number): void {
    if (speed !== this.session.clock.speed()) this.session.clock.setSpeed(speed);
  }

  answer(question: string, value: string): GradeView {
    if (this.grades.canAnswer(question)) {
      const event = { type: 'answer' as const, at: this.session.clock.now(), question, value: value.slice(0, 1024) };
      this.session.note(event);
      this.grades.apply(event, this.judge);
    }
    return this.grades.view();
  }

  hint(question: string): GradeView {
    const state = this.grades.view().questions.find((q) => q.id === question);
    const q = this.grades.question(question);
    if (state && q && state.status === 'open' && state.hints.length < q.hints.length) {
      const event = { type: 'hint' as const, at: this.session.clock.now(), question, index: state.hints.length };
      this.session.note(event);
      this.grades.apply(event, this.judge);
    }
    return this.grades.view();
  }

  gradeView(): GradeView {
    return this.grades.view();
  }
}

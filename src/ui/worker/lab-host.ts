/**
 * One open lab inside the worker: the engine's session, the grades rebuilt
 * from its log, and the AbortController of the command that is running.
 * The scoring engine loads with the first answer, hint or report (or at
 * once, for a restored lab that has some); until then the questions and the
 * empty score are read from the compiled scenario (question-views.ts).
 */
import type { CompiledScenario } from '../../engine/scenario/types';
import { createLabSession } from '../../engine/session/session';
import type { LabSession, SessionEvent } from '../../engine/session/types';
import type { WorldEvent } from '../../engine/world/types';
import type { Grades } from './grades';
import { questionViews, untouchedView } from './question-views';
import type { ClockView, ExecReply, GradeView, QuestionView, ReportReply } from './protocol';
import { systemWallClock } from '../../host/wall-clock';
import { MAX_ANSWER_BYTES } from '../../engine/scoring/answer-limit';

/** Longer than any answer the grader takes: what the log keeps of an over-long one. */
const LOGGED_ANSWER_CHARS = MAX_ANSWER_BYTES * 4 + 1;

/**
 * An answer as the log keeps it. One over the size limit is kept cut, but
 * still over the limit, so the grader refuses it as too long (no attempt
 * used) now and on every replay, whatever the question's kind; cutting it
 * to the limit would have graded its start instead.
 */
export function logged(value: string): string {
  return value.length > LOGGED_ANSWER_CHARS ? value.slice(0, LOGGED_ANSWER_CHARS) : value;
}

export class LabHost {
  private sent = 0;
  private running: AbortController | undefined;
  private grades: Grades | undefined;
  private loading: Promise<Grades> | undefined;

  private constructor(
    readonly session: LabSession,
    private readonly scenario: CompiledScenario,
  ) {}

  get questions(): QuestionView[] {
    return this.grades?.questions() ?? questionViews(this.scenario.questions);
  }

  /** The grades, rebuilt from the log as it stands when they first load. */
  private loadGrades(): Promise<Grades> {
    this.loading ??= import('./grades').then(({ Grades }) => {
      this.grades = new Grades(this.scenario, this.session.log());
      return this.grades;
    });
    return this.loading;
  }

  static async open(scenario: CompiledScenario, restore?: SessionEvent[], at?: number): Promise<LabHost> {
    const session = createLabSession({
      scenario,
      wallClock: systemWallClock,
      restore: restore?.length ? restore : undefined,
      at: restore?.length ? at : undefined,
    });
    // An empty line waits behind the replay of a restored log.
    await session.exec('');
    const host = new LabHost(session, scenario);
    if (session.log().some((e) => e.type === 'answer' || e.type === 'hint')) await host.loadGrades();
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

  async exec(line: string, columns: number, onOutput?: (text: string, screen?: boolean) => void): Promise<ExecReply> {
    const controller = new AbortController();
    this.running = controller;
    try {
      const result = await this.session.exec(line, { signal: controller.signal, columns, onOutput });
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

  async answer(question: string, value: string): Promise<GradeView> {
    const grades = await this.loadGrades();
    if (grades.isOpen(question)) {
      const event = { type: 'answer' as const, at: this.session.clock.now(), question, value: logged(value) };
      this.session.note(event);
      grades.answer(event, this.actions());
    }
    return grades.view();
  }

  async hint(question: string): Promise<GradeView> {
    const grades = await this.loadGrades();
    const index = grades.nextHint(question);
    if (index !== undefined) {
      const event = { type: 'hint' as const, at: this.session.clock.now(), question, index };
      this.session.note(event);
      grades.hint(event);
    }
    return grades.view();
  }

  private actions(): WorldEvent[] {
    return this.session.log().flatMap((e) => (e.type === 'world' ? [e.event] : []));
  }

  async report(): Promise<ReportReply> {
    return (await this.loadGrades()).report(this.session.log());
  }

  gradeView(): GradeView {
    return this.grades?.view() ?? untouchedView(this.scenario);
  }
}

/**
 * One open lab inside the worker: the engine's session, the grades rebuilt
 * from its log, and the AbortController of the command that is running.
 */
import type { CompiledScenario } from '../../engine/scenario/types';
import { createLabSession } from '../../engine/session/session';
import type { LabSession, SessionEvent } from '../../engine/session/types';
import type { WorldEvent } from '../../engine/world/types';
import { Grades } from './grades';
import type { ClockView, ExecReply, GradeView, QuestionView, ReportReply } from './protocol';
import { systemWallClock } from '../../host/wall-clock';

export class LabHost {
  private sent = 0;
  private running: AbortController | undefined;

  private constructor(
    readonly session: LabSession,
    private readonly grades: Grades,
  ) {}

  get questions(): QuestionView[] {
    return this.grades.questions();
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
    const host = new LabHost(session, new Grades(scenario, session.log()));
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

  answer(question: string, value: string): GradeView {
    if (this.grades.isOpen(question)) {
      const event = { type: 'answer' as const, at: this.session.clock.now(), question, value: value.slice(0, 1024) };
      this.session.note(event);
      this.grades.answer(event, this.actions());
    }
    return this.grades.view();
  }

  hint(question: string): GradeView {
    const index = this.grades.nextHint(question);
    if (index !== undefined) {
      const event = { type: 'hint' as const, at: this.session.clock.now(), question, index };
      this.session.note(event);
      this.grades.hint(event);
    }
    return this.grades.view();
  }

  private actions(): WorldEvent[] {
    return this.session.log().flatMap((e) => (e.type === 'world' ? [e.event] : []));
  }

  report(): ReportReply {
    return this.grades.report(this.session.log());
  }

  gradeView(): GradeView {
    return this.grades.view();
  }
}

/**
 * A trainee's lab session: one scenario, one seed, one shell on the simulated
 * host. The UI (through a Web Worker), the CLI and the tests all drive the
 * engine through this interface. A session is its event log: replaying the
 * log on the same scenario and seed gives the same state.
 */
import type { CompiledScenario } from '../scenario/types';
import type { WorldEvent } from '../world/types';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The part of AbortSignal the engine uses (the engine has no DOM lib). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

export interface ExecOptions {
  signal?: AbortSignalLike;
  /** Terminal width, for tools that truncate (ps, w). */
  columns?: number;
  /**
   * Receives output while the line runs, from programs that run until Ctrl-C
   * (tail -f, watch) when the line is one command writing to the terminal.
   * What it received is not repeated in the result. `screen`: the text is a
   * whole new screen (watch), to be shown on a cleared terminal.
   */
  onOutput?: (text: string, screen?: boolean) => void;
}

/** What is saved, in order; the log is the whole session. */
export type SessionEvent =
  | { type: 'command'; at: number; line: string; exitCode: number; output: string }
  | { type: 'world'; event: WorldEvent }
  | { type: 'clock'; at: number; wall: number; speed: number }
  | { type: 'answer'; at: number; question: string; value: string }
  | { type: 'hint'; at: number; question: string; index: number };

/** The simulated clock: simulated time runs with the wall clock at `speed`. */
export interface SimClock {
  now(): number;
  speed(): number;
  /** 0 pauses. */
  setSpeed(speed: number): void;
}

export interface LabSession {
  readonly scenario: CompiledScenario;
  readonly clock: SimClock;
  /** `user@host:cwd$ ` as bash prints it (with ~ for home). */
  prompt(): string;
  /** Runs one command line; never throws. */
  exec(line: string, options?: ExecOptions): Promise<ExecResult>;
  /** Tab completion: candidates for the word before the cursor. */
  complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }>;
  /** Records a trainee action that is not a command (an answer, a hint taken). */
  note(event: Extract<SessionEvent, { type: 'answer' | 'hint' }>): void;
  /** Command history, oldest first. */
  history(): readonly string[];
  /** The event log, for saving. */
  log(): readonly SessionEvent[];
}

/**
 * What the rest of the engine sees of a scenario once it has been loaded,
 * validated and compiled: its metadata, its questions, and a function that
 * gives the world at any simulated time.
 */
import type { HostState, WorldEvent } from '../world/types';
import type { Question } from '../scoring/schema';

/** A problem in a scenario file, positioned for the author (1-based). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it, in the author's terms. */
  hint?: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** The path in the document, for example ["timeline", 2, "parent"]. */
  path: (string | number)[];
}

export interface ScenarioMeta {
  id: string;
  title: string;
  summary: string;
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  estimatedMinutes: number;
  /** MITRE ATT&CK technique ids, for example "T1059.004". */
  attack: string[];
  /** Markdown-free plain text: the alert that opened the case and what is known. */
  briefing: string;
  /** Score (in percent) needed to pass. */
  passingScore: number;
}

/** Who the trainee is logged in as, and from where. */
export interface TraineeLogin {
  user: string;
  uid: number;
  gid: number;
  home: string;
  /** The pid of the trainee's bash on the simulated host. */
  shellPid: number;
  tty: string;
  from: string;
  /** When the trainee's SSH login happens (absent when the login is not part of the world). */
  loginAt?: number;
}

/** A scenario entity an id refers to, and what it became in the world. */
export interface EntityRef {
  id: string;
  kind: string;
  /** Start of the entity on the simulated clock. */
  at: number;
  /** Pids and socket inodes it created (the first is the main one). */
  pids: number[];
  inodes: number[];
}

export interface CompiledScenario {
  meta: ScenarioMeta;
  seed: number;
  /** Per-trainee values drawn from the seed, by name. */
  vars: ReadonlyMap<string, string | number>;
  /** The moment the alert fired: where the clock starts. */
  now: number;
  /** How far back the logs reach. */
  historyStart: number;
  trainee: TraineeLogin;
  /** The host's name, as every world has it (the prompt before any world is built). */
  hostname: string;
  entities: ReadonlyMap<string, EntityRef>;
  /** The questions, as they passed the scoring schema (defaults filled in). */
  questions: Question[];
  /** The world at simulated time t, with the trainee's actions applied. */
  worldAt(t: number, actions?: readonly WorldEvent[]): HostState;
}

export type LoadResult =
  | { ok: true; scenario: CompiledScenario; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

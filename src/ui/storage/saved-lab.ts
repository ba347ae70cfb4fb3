/**
 * The trainee's session as it is kept in localStorage: the engine's event
 * log (what a restore replays), the terminal transcript (what the screen
 * showed), and the clock. Saved data is untrusted input: a save that does
 * not read back as this shape is reported as corrupt, never thrown.
 */
import type { SessionEvent } from '../../engine/session/types';

export const SAVE_VERSION = 1;

export interface TranscriptEntry {
  prompt: string;
  line: string;
  output: string;
}

export interface SavedLab {
  version: typeof SAVE_VERSION;
  scenarioId: string;
  seed: number;
  savedAt: number;
  clock: { now: number; speed: number };
  events: SessionEvent[];
  transcript: TranscriptEntry[];
}

export type LoadedSave =
  | { status: 'none' }
  | { status: 'ok'; save: SavedLab }
  | { status: 'corrupt'; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function validEvent(e: unknown): boolean {
  if (!isRecord(e)) return false;
  switch (e.type) {
    case 'command':
      return isNum(e.at) && isStr(e.line) && isNum(e.exitCode) && isStr(e.output);
    case 'world':
      return isRecord(e.event);
    case 'clock':
      return isNum(e.at) && isNum(e.wall) && isNum(e.speed);
    case 'answer':
      return isNum(e.at) && isStr(e.question) && isStr(e.value);
    case 'hint':
      return isNum(e.at) && isStr(e.question) && isNum(e.index);
    default:
      return false;
  }
}

const validEntry = (t: unknown): boolean =>
  isRecord(t) && isStr(t.prompt) && isStr(t.line) && isStr(t.output);

/** Why `data` is not a save of this lab, or null when it is one. */
export function saveProblem(data: unknown, scenarioId: string, seed: number): string | null {
  if (!isRecord(data)) return 'the saved data is not an object';
  if (data.version !== SAVE_VERSION) return `the save has version ${String(data.version)}, expected ${SAVE_VERSION}`;
  if (data.scenarioId !== scenarioId || data.seed !== seed) return 'the save belongs to another lab';
  if (!isRecord(data.clock) || !isNum(data.clock.now) || !isNum(data.clock.speed)) return 'the saved clock is unreadable';
  if (!Array.isArray(data.events) || !data.events.every(validEvent)) return 'the saved event log is unreadable';
  if (!Array.isArray(data.transcript) || !data.transcript.every(validEntry)) return 'the saved transcript is unreadable';
  return null;
}

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

/** The clock speeds the lab offers; a saved speed is one of them. */
export const LAB_SPEEDS: readonly number[] = [0, 1, 10, 60];
/** The largest time a JavaScript Date holds (ms from the epoch). */
const MAX_DATE_MS = 8.64e15;
const DAY_MS = 86_400_000;
const isTime = (v: unknown): v is number => isNum(v) && Math.abs(v) <= MAX_DATE_MS;
const isWall = (v: unknown): v is number => isNum(v) && v > 0 && v <= MAX_DATE_MS;
const isSpeed = (v: unknown): v is number => isNum(v) && LAB_SPEEDS.includes(v);

function validEvent(e: unknown): boolean {
  if (!isRecord(e)) return false;
  switch (e.type) {
    case 'command':
      return isTime(e.at) && isStr(e.line) && isNum(e.exitCode) && isStr(e.output);
    case 'world':
      return isRecord(e.event) && isTime(e.event.at);
    case 'clock':
      return isTime(e.at) && isWall(e.wall) && isSpeed(e.speed);
    case 'answer':
      return isTime(e.at) && isStr(e.question) && isStr(e.value);
    case 'hint':
      return isTime(e.at) && isStr(e.question) && isNum(e.index);
    default:
      return false;
  }
}

const validEntry = (t: unknown): boolean =>
  isRecord(t) && isStr(t.prompt) && isStr(t.line) && isStr(t.output);

/** Why `data` is not a save of this lab, or null when it is one. */
export function saveProblem(data: unknown, scenarioId: string, seed: number): string | null {
  if (!isRecord(data)) return 'the saved data is not an object';
  if (data.version !== SAVE_VERSION) {
    return `the save has version ${JSON.stringify(data.version) ?? 'undefined'}, expected ${SAVE_VERSION}`;
  }
  if (data.scenarioId !== scenarioId || data.seed !== seed) return 'the save belongs to another lab';
  if (!isRecord(data.clock) || !isTime(data.clock.now) || !isSpeed(data.clock.speed)) return 'the saved clock is unreadable';
  if (!Array.isArray(data.events) || !data.events.every(validEvent)) return 'the saved event log is unreadable';
  if (!Array.isArray(data.transcript) || !data.transcript.every(validEntry)) return 'the saved transcript is unreadable';
  return null;
}

/** The start of the message a restore that does not fit the scenario fails with. */
export const CORRUPT_RESTORE = 'corrupt save: ';

/** The simulated times a save of one scenario may hold. */
export interface TimeBounds {
  min: number;
  max: number;
}

/** From a day before the scenario's logs begin to 30 days after its alert. */
export const scenarioBounds = (historyStart: number, now: number): TimeBounds =>
  ({ min: historyStart - DAY_MS, max: now + 30 * DAY_MS });

function eventTime(e: SessionEvent): number {
  return e.type === 'world' ? e.event.at : e.at;
}

/**
 * Why a restored log (already shape-checked by saveProblem) cannot belong
 * to this scenario: a time outside `bounds`. Null when every time fits.
 */
export function restoreProblem(events: readonly SessionEvent[], at: number | undefined, bounds: TimeBounds): string | null {
  const fits = (t: number) => Number.isFinite(t) && t >= bounds.min && t <= bounds.max;
  if (at !== undefined && !fits(at)) return `the saved clock (${at}) is outside the scenario's time`;
  const bad = events.find((e) => !fits(eventTime(e)));
  return bad ? `a saved ${bad.type} event has the time ${eventTime(bad)}, outside the scenario's time` : null;
}

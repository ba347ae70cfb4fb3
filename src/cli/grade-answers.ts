/**
 * Reading an answers file for `grade`: untrusted JSON, checked event by
 * event. Events of an unknown shape are skipped with a warning, never
 * trusted; the file as a whole is refused only when it is not JSON or not
 * one of the accepted shapes.
 */
import type { SessionEvent } from '../engine/session/types';
import type { WorldEvent } from '../engine/world/types';

/** Larger files are refused (a long session's log is well under this). */
export const MAX_ANSWERS_FILE = 20 * 1024 * 1024;
const MAX_WARNINGS = 20;

export type AnswersFile =
  | { ok: true; kind: 'log'; events: SessionEvent[]; seed?: number; scenarioId?: string; warnings: string[] }
  | { ok: true; kind: 'answers'; answers: [string, string][]; seed?: number; scenarioId?: string; warnings: string[] }
  | { ok: false; message: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

function toEvent(v: unknown): SessionEvent | null {
  if (!isObj(v) || !str(v.type)) return null;
  switch (v.type) {
    case 'command':
      return num(v.at) && str(v.line) && num(v.exitCode) && str(v.output)
        ? { type: 'command', at: v.at, line: v.line, exitCode: v.exitCode, output: v.output } : null;
    case 'answer':
      return num(v.at) && str(v.question) && str(v.value)
        ? { type: 'answer', at: v.at, question: v.question, value: v.value } : null;
    case 'hint':
      return num(v.at) && str(v.question) && num(v.index)
        ? { type: 'hint', at: v.at, question: v.question, index: v.index } : null;
    case 'clock':
      return num(v.at) && num(v.wall) && num(v.speed)
        ? { type: 'clock', at: v.at, wall: v.wall, speed: v.speed } : null;
    case 'world':
      // World events are checked by the world when applied; only the shape
      // that every event shares is required here.
      return isObj(v.event) && str(v.event.type) && num(v.event.at)
        ? { type: 'world', event: v.event as unknown as WorldEvent } : null;
    default:
      return null;
  }
}

function readEvents(list: unknown[], warnings: string[]): SessionEvent[] {
  const events: SessionEvent[] = [];
  list.forEach((item, i) => {
    const e = toEvent(item);
    if (e) events.push(e);
    else if (warnings.length < MAX_WARNINGS) warnings.push(`event ${i} is not a session event; skipped`);
  });
  return events;
}

function readAnswers(map: Record<string, unknown>, warnings: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const [id, value] of Object.entries(map)) {
    if (str(value)) out.push([id, value]);
    else if (Array.isArray(value) && value.every((x) => str(x) || num(x))) out.push([id, value.join(', ')]);
    else if (num(value)) out.push([id, String(value)]);
    else if (warnings.length < MAX_WARNINGS) warnings.push(`the answer to "${id}" is not text; skipped`);
  }
  return out;
}

function seedOf(v: Record<string, unknown>): number | undefined {
  return num(v.seed) && Number.isInteger(v.seed) && v.seed >= 0 ? v.seed : undefined;
}

export function parseAnswersFile(text: string): AnswersFile {
  if (text.length > MAX_ANSWERS_FILE) return { ok: false, message: 'the file is too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  const warnings: string[] = [];
  if (Array.isArray(data)) return { ok: true, kind: 'log', events: readEvents(data, warnings), warnings };
  if (!isObj(data)) return { ok: false, message: 'expected a session log or { "answers": { ... } }' };
  const seed = seedOf(data);
  const base: { warnings: string[]; seed?: number; scenarioId?: string } = { warnings };
  if (seed !== undefined) base.seed = seed;
  if (str(data.scenarioId)) base.scenarioId = data.scenarioId;
  const list = Array.isArray(data.events) ? data.events : Array.isArray(data.log) ? data.log : null;
  if (list) return { ok: true, kind: 'log', events: readEvents(list, warnings), ...base };
  if (isObj(data.answers)) return { ok: true, kind: 'answers', answers: readAnswers(data.answers, warnings), ...base };
  return { ok: false, message: 'expected a session log or { "answers": { ... } }' };
}

/**
 * Reads the raw `questions:` definitions of a compiled scenario into what
 * the page shows. The scenario was validated by the loader; this still reads
 * defensively, because a question the UI cannot show must not break the lab.
 */
import type { QuestionView } from './protocol';

export interface RawQuestion {
  id: string;
  prompt: string;
  kind: string;
  points: number;
  attempts: number;
  options?: { id: string; text: string }[];
  hints: { text: string; cost: number }[];
  answer?: unknown;
  feedback: { when: unknown; text: string }[];
  explanation?: { command?: string; why: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const count = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;

function readOptions(v: unknown): RawQuestion['options'] {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isRecord).map((o) => ({ id: text(o.id), text: text(o.text, text(o.id)) }));
}

export function readQuestions(raw: readonly unknown[]): RawQuestion[] {
  return raw.filter(isRecord).map((q, i) => ({
    id: text(q.id, `q${i + 1}`),
    prompt: text(q.prompt, text(q.text, '(this question has no prompt)')),
    kind: text(q.kind, 'text'),
    points: count(q.points, 10),
    attempts: Math.max(1, count(q.attempts, 3)),
    options: readOptions(q.options),
    hints: Array.isArray(q.hints)
      ? q.hints.filter(isRecord).map((h) => ({ text: text(h.text), cost: count(h.cost, 0) }))
      : [],
    answer: q.answer,
    feedback: Array.isArray(q.feedback)
      ? q.feedback.filter(isRecord).map((f) => ({ when: f.when, text: text(f.text) }))
      : [],
    explanation: isRecord(q.explanation)
      ? { command: text(q.explanation.command) || undefined, why: text(q.explanation.why) }
      : undefined,
  }));
}

export function questionView(q: RawQuestion): QuestionView {
  return {
    id: q.id,
    prompt: q.prompt,
    kind: q.kind,
    points: q.points,
    attempts: q.attempts,
    options: q.options,
    hintCount: q.hints.length,
  };
}

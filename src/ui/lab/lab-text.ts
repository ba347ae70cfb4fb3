/** Small pure helpers for what the lab writes and shows. */
import type { TranscriptEntry } from '../storage/saved-lab';
import type { ClockView } from '../worker/protocol';
import { safeOutput } from '../terminal/output-filter';

/** Command output on its way to xterm: CR LF line ends (there is no PTY), screen-safe (output-filter.ts). */
export const crlf = (text: string): string => safeOutput(text).replace(/\r?\n/g, '\r\n');

/** What the terminal showed for a saved transcript, ready to write back. */
export function transcriptText(entries: readonly TranscriptEntry[]): string {
  return entries.map((e) => crlf(`${e.prompt}${e.line}\n${e.output}`)).join('');
}

/** The simulated time now, from the last reading of the clock. */
export function simNow(clock: ClockView, wallNow: number): number {
  return Math.floor(clock.now + Math.max(0, wallNow - clock.wall) * clock.speed);
}

/** `2026-03-14 09:42:07 UTC`, the way the clock bar shows simulated time. */
export function formatSimTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A prompt is drawn by the line editor, which measures it: no control characters in it. */
export const cleanPrompt = (prompt: string): string => prompt.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');

/**
 * An answer as the trainee chose it: a choice's option text, or an order's
 * texts joined by arrows, rather than the ids the grader reads. Anything
 * that is not a list of known ids is shown as it was typed.
 */
export function answerShown(value: string, options: readonly { id: string; text: string }[] | undefined, ordered: boolean): string {
  if (!options) return value;
  const texts = new Map(options.map((o) => [o.id, o.text]));
  const parts = value.split(',').map((p) => texts.get(p.trim()));
  if (parts.some((p) => p === undefined)) return value;
  return parts.join(ordered ? ' → ' : ', ');
}

/** Small pure helpers for what the lab writes and shows. */
import type { TranscriptEntry } from '../storage/saved-lab';
import type { ClockView } from '../worker/protocol';

/**
 * Command output on its way to xterm: CR LF line ends (there is no PTY to
 * translate them), and no OSC, DCS, APC, PM or SOS strings. Colours and
 * cursor moves (CSI) pass; the string commands that can set the window
 * title, plant hyperlinks or talk to the terminal are dropped, because
 * scenario text ends up in output (process names, log lines).
 */
const STRING_COMMAND = /\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x90\x9d\x9e\x9f\x98][^\x07\x9c]*\x9c?/g;

export const crlf = (text: string): string => text.replace(STRING_COMMAND, '').replace(/\r?\n/g, '\r\n');

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

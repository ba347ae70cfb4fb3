/**
 * What the event log keeps of a command's output. The log is saved (the lab
 * puts it in the browser's storage) and read back by one thing only: the
 * report's evidence check, which looks for the expected values in what the
 * trainee's commands printed. A restore runs the commands again and does not
 * read their saved output; the screen is saved apart from the log.
 *
 * So a long output is kept as its start and its end, cut at line breaks,
 * with a marker line in place of the middle. Once the outputs kept in a
 * session reach a budget, later commands keep a shorter start and end, so a
 * session of hundreds of commands stays well under a megabyte.
 *
 * A value printed only in a part that was not kept is not evidence; the
 * marker lets the evidence check tell "never shown" from "not kept"
 * (evidence.ts), so such an answer is not flagged as a guess either.
 */

/** Kept of one command's output while the session's budget lasts. */
export const LOG_KEEP = { head: 4_000, tail: 12_000 } as const;
/** Kept of one command's output once the budget is spent. */
export const LOG_KEEP_LEAN = { head: 250, tail: 750 } as const;
/** Characters of output the log keeps in full-size pieces across a session. */
export const LOG_OUTPUT_BUDGET = 400_000;

/** The marker line that stands for the middle of an output the log did not keep. */
export function cutMarker(omitted: number): string {
  return `[outbound: ${omitted} characters of output not kept in the session log]\n`;
}

const MARKER = /^\[outbound: \d+ characters of output not kept in the session log\]$/m;

/** Whether a logged output lost part of itself to the cut. */
export function outputWasCut(output: string): boolean {
  return MARKER.test(output);
}

/** `output` with its middle replaced by the marker when it is longer than head + tail. */
export function cutOutput(output: string, keep: { head: number; tail: number }): string {
  if (output.length <= keep.head + keep.tail) return output;
  // Whole lines only, so no token is cut in two (a pid's last digits are not a pid).
  const headBreak = output.lastIndexOf('\n', keep.head - 1);
  const headEnd = headBreak >= 0 ? headBreak + 1 : 0;
  const tailBreak = output.indexOf('\n', output.length - keep.tail - 1);
  const tailStart = tailBreak >= 0 && tailBreak + 1 >= headEnd ? tailBreak + 1 : output.length;
  const omitted = tailStart - headEnd;
  return output.slice(0, headEnd) + cutMarker(omitted) + output.slice(tailStart);
}

/** Cuts each command's output for the log, tracking the session's budget. */
export class LogOutputBudget {
  private spent = 0;

  keep(output: string): string {
    const kept = cutOutput(output, this.spent < LOG_OUTPUT_BUDGET ? LOG_KEEP : LOG_KEEP_LEAN);
    this.spent += kept.length;
    return kept;
  }
}

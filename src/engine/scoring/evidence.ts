/**
 * Evidence: had the trainee's own commands printed the expected value before
 * the answer was given? A right answer without it is flagged in the report
 * (a guess, or an answer passed on by someone else). The check looks for
 * the value's spellings in each command's output, as whole tokens, and
 * credits the commands whose output showed them (for a set, its members),
 * never merely the last one run.
 *
 * The log keeps only the start and end of a long output. A value printed
 * only in the middle of one is not found; the answer is then "not shown"
 * but marked `cut`, and the report does not flag it as a guess.
 */
import type { SessionEvent } from '../session/types';
import type { Expectation } from './resolve';
import { outputWasCut } from '../session/log-output';
import { valueSpellings, type Value } from './values';

export interface EvidenceCommand {
  command: string;
  at: number;
}

export type Evidence =
  /**
   * `command` showed the value (for a set, the most of its members);
   * `commands` are every command credited: for a set, the fewest that
   * between them showed every member, the one that showed the most first.
   */
  | { status: 'shown'; command: string; at: number; commands: EvidenceCommand[] }
  /**
   * `cut`: some output before the answer was too long to be kept whole in
   * the log (log-output.ts), so the value may have been in what was not kept.
   */
  | { status: 'not-shown'; cut?: true }
  /** The expected value is not something a command prints (a choice, a duration). */
  | { status: 'not-applicable' };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A token regex: not inside a longer word, number or address. */
export function tokenPattern(spelling: string): RegExp {
  return new RegExp(`(?<![\\w.])${escapeRe(spelling)}(?![\\w]|\\.\\d)`, 'i');
}

function commandsBefore(log: readonly SessionEvent[], at: number) {
  return log.filter(
    (e): e is Extract<SessionEvent, { type: 'command' }> => e.type === 'command' && e.at <= at);
}

function shownIn(output: string, value: Value): boolean {
  return valueSpellings(value).some((s) => tokenPattern(s).test(output));
}

/** A choice's option id is no token a tool prints; a fact's text (a user name) is. */
function applicable(value: Value, fromFact: boolean): boolean {
  if (value.type === 'set') return value.element !== 'text' && value.items.length > 0;
  if (value.type === 'text') return fromFact;
  return valueSpellings(value).length > 0;
}

type CommandEvent = Extract<SessionEvent, { type: 'command' }>;

/**
 * The commands that showed a set's members: the one that showed the most,
 * then whichever showed the most of the rest, and so on (earliest on a tie);
 * null when some member was never shown.
 */
function setEvidence(commands: readonly CommandEvent[], items: readonly Value[]): CommandEvent[] | null {
  const shows = commands.map((c) => new Set(items.flatMap((item, i) => (shownIn(c.output, item) ? [i] : []))));
  const missing = new Set(items.map((_, i) => i));
  const credited: CommandEvent[] = [];
  while (missing.size > 0) {
    let best = -1;
    let bestCount = 0;
    shows.forEach((set, i) => {
      const count = [...set].filter((m) => missing.has(m)).length;
      if (count > bestCount) [best, bestCount] = [i, count];
    });
    if (best < 0) return null;
    for (const m of shows[best]!) missing.delete(m);
    credited.push(commands[best]!);
  }
  return credited;
}

function shown(credited: readonly CommandEvent[]): Evidence {
  const first = credited[0]!;
  return {
    status: 'shown', command: first.line, at: first.at,
    commands: credited.map((c) => ({ command: c.line, at: c.at })),
  };
}

/** Where (if anywhere) the trainee's output showed what `expected` expects. */
export function findEvidence(
  expected: Expectation | null, log: readonly SessionEvent[], at: number,
): Evidence {
  if (!expected || expected.mode !== 'value' || !applicable(expected.value, expected.shownBy !== undefined)) {
    return { status: 'not-applicable' };
  }
  const value = expected.value;
  const commands = commandsBefore(log, at);
  // Members may show up in different commands; all must have been seen.
  const credited = value.type === 'set'
    ? setEvidence(commands, value.items)
    : commands.filter((c) => shownIn(c.output, value)).slice(0, 1);
  if (credited && credited.length > 0) return shown(credited);
  return commands.some((c) => outputWasCut(c.output)) ? { status: 'not-shown', cut: true } : { status: 'not-shown' };
}

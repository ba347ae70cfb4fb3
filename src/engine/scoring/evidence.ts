/**
 * Evidence: had the trainee's own commands printed the expected value before
 * the answer was given? A right answer without it is flagged in the report
 * (a guess, or an answer passed on by someone else). The check looks for
 * the value's spellings in each command's output, as whole tokens.
 */
import type { SessionEvent } from '../session/types';
import type { Expectation } from './resolve';
import { valueSpellings, type Value } from './values';

export type Evidence =
  | { status: 'shown'; command: string; at: number }
  | { status: 'not-shown' }
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
  if (value.type === 'set') return value.items.every((item) => shownIn(output, item));
  return valueSpellings(value).some((s) => tokenPattern(s).test(output));
}

/** A choice's option id is no token a tool prints; a fact's text (a user name) is. */
function applicable(value: Value, fromFact: boolean): boolean {
  if (value.type === 'set') return value.element !== 'text' && value.items.length > 0;
  if (value.type === 'text') return fromFact;
  return valueSpellings(value).length > 0;
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
  if (value.type === 'set') {
    // Members may show up in different commands; all must have been seen.
    const joined = commands.map((c) => c.output).join('\n');
    const last = commands[commands.length - 1];
    return last && shownIn(joined, value)
      ? { status: 'shown', command: last.line, at: last.at }
      : { status: 'not-shown' };
  }
  const hit = commands.find((c) => shownIn(c.output, value));
  return hit ? { status: 'shown', command: hit.line, at: hit.at } : { status: 'not-shown' };
}

/**
 * Comparing a trainee's answer with what a question expects. An answer that
 * does not read as the kind of thing asked for is "unreadable" (it costs no
 * attempt); a readable one is right or wrong. Messages say what kind of
 * thing was expected and never what the answer is.
 */
import { foldText } from './normalise';
import { endpointReadings, optionId, optionIds, parseScalar, parseSet, type ScalarType } from './parse';
import type { Expectation } from './resolve';
import type { Question } from './schema';
import { STATE_CHECKS } from './state';
import type { HostState } from '../world/types';
import { showValue, type Value } from './values';

export type Match =
  | { result: 'right' }
  | { result: 'wrong'; message: string }
  | { result: 'unreadable'; message: string };

export const KIND_WORDS: Record<Question['kind'], string> = {
  ip: 'an IP address (IPv4 or IPv6)',
  endpoint: 'an address and a port (ADDRESS:PORT)',
  port: 'a port number',
  pid: 'a process id (a number)',
  process: 'a process name or the path of its program',
  duration: 'a duration (for example 30s, 5m or 00:05:00)',
  number: 'a number',
  choice: 'one of the options',
  choices: 'one or more of the options, separated by commas',
  set: 'a list of values separated by commas',
  order: 'every step, once each, in order',
  text: 'a short text',
  state: 'a change to the host (then submit again)',
};

/** Do two values of the same type name the same thing? */
export function sameValue(expected: Value, given: Value): boolean {
  if (expected.type === 'process' && given.type === 'process') {
    return given.names.some((n) => expected.names.includes(n));
  }
  if (expected.type === 'set' && given.type === 'set') {
    const distinct = given.items.filter(
      (g, i) => given.items.findIndex((h) => sameValue(g, h)) === i);
    return distinct.length === expected.items.length
      && distinct.every((g) => expected.items.some((e) => sameValue(e, g)));
  }
  if (expected.type === 'text' && given.type === 'text') {
    return foldText(expected.text) === foldText(given.text);
  }
  return expected.type === given.type && showValue(expected) === showValue(given);
}

function defaultTolerance(q: Question, expected: number): number {
  if (q.kind === 'duration') return Math.max(1, Math.abs(expected) * 0.1);
  return 0;
}

function withinTolerance(q: Question, expected: Value, given: Value): boolean {
  const e = expected.type === 'duration' ? expected.seconds : expected.type === 'number' ? expected.value : NaN;
  const g = given.type === 'duration' ? given.seconds : given.type === 'number' ? given.value : NaN;
  const tol = 'tolerance' in q && q.tolerance !== undefined ? q.tolerance : defaultTolerance(q, e);
  return Math.abs(e - g) <= tol + 1e-9;
}

const unreadable = (q: Question): Match => ({
  result: 'unreadable',
  message: `That does not read as ${KIND_WORDS[q.kind]}.`,
});

/**
 * An order question's answer usually comes from the lab's ordering widget,
 * where the trainee moves steps rather than typing: its words fit both.
 */
const wrong = (q: Question): Match => ({
  result: 'wrong',
  message: q.kind === 'order'
    ? 'That is not the order asked for: put every step in order.'
    : `That reads as ${KIND_WORDS[q.kind]}, but it is not the one asked for.`,
});

function readGiven(q: Question, expected: Value, text: string): Value[] | null {
  if (expected.type === 'set') {
    const v = parseSet(expected.element, text);
    return v ? [v] : null;
  }
  if (expected.type === 'endpoint') {
    const readings = endpointReadings(text);
    return readings.length > 0 ? readings : null;
  }
  const type: ScalarType = expected.type === 'order' ? 'text' : (expected.type as ScalarType);
  const v = parseScalar(q.kind === 'text' ? 'text' : type, text);
  return v ? [v] : null;
}

function matchOptions(q: Extract<Question, { options: unknown }>, expected: Value, text: string): Match {
  if (q.kind === 'choice') {
    const id = optionId(q.options, text);
    if (id === null) return unreadable(q);
    return expected.type === 'text' && id === expected.text ? { result: 'right' } : wrong(q);
  }
  const ids = optionIds(q.options, text, q.kind === 'order');
  if (ids === null || ids.length === 0) return unreadable(q);
  if (q.kind === 'order') {
    const want = expected.type === 'order' ? expected.ids : [];
    return ids.length === want.length && ids.every((id, i) => id === want[i]) ? { result: 'right' } : wrong(q);
  }
  const given: Value = { type: 'set', element: 'text', items: ids.map((id) => ({ type: 'text', text: id })) };
  return sameValue(expected, given) ? { result: 'right' } : wrong(q);
}

/**
 * Grades one answer. `world` is the world at the moment of the answer, with
 * the trainee's actions applied; only state questions read it.
 */
export function matchAnswer(q: Question, exp: Expectation, text: string, world?: HostState): Match {
  if (exp.mode === 'pattern') return exp.re.test(text) ? { result: 'right' } : wrong(q);
  if (exp.mode === 'state') {
    if (!world) return { result: 'wrong', message: 'The host could not be checked.' };
    const r = STATE_CHECKS[exp.check].run(world, exp.params);
    return r.ok ? { result: 'right' } : { result: 'wrong', message: `Not yet: ${r.detail}` };
  }
  if ('options' in q) return matchOptions(q, exp.value, text);
  const given = readGiven(q, exp.value, text);
  if (given === null) return unreadable(q);
  const right = given.some((g) =>
    exp.value.type === 'duration' || exp.value.type === 'number'
      ? withinTolerance(q, exp.value, g)
      : sameValue(exp.value, g));
  return right ? { result: 'right' } : wrong(q);
}

/**
 * Simple answer checking, used until the scoring engine's grader is wired:
 * literal (`value`) and seeded (`var`) answers are compared after trimming
 * and case folding (IP addresses in canonical form). Answers that need a
 * fact of the world are reported as not checkable rather than guessed.
 */
import { canonicalIp } from '../../engine/scoring/address';
import type { RawQuestion } from './questions';

export type Verdict = { right: boolean; feedback?: string; uncheckable?: boolean };

const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

function same(kind: string, given: string, expected: string): boolean {
  if (kind === 'ip') {
    const a = canonicalIp(given.trim());
    return a !== null && a === canonicalIp(expected);
  }
  return fold(given) === fold(expected);
}

function expectedOf(answer: unknown, vars: ReadonlyMap<string, string | number>): string[] | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const a = answer as Record<string, unknown>;
  if ('value' in a) {
    const v = a.value;
    return Array.isArray(v) ? [v.map(String).join(',')] : [String(v)];
  }
  if (typeof a.var === 'string') {
    const v = vars.get(a.var);
    return v === undefined ? null : [String(v)];
  }
  return null;
}

export function simpleVerdict(
  q: RawQuestion,
  value: string,
  vars: ReadonlyMap<string, string | number>,
): Verdict {
  const expected = expectedOf(q.answer, vars);
  if (!expected) {
    return { right: false, uncheckable: true, feedback: 'This answer cannot be checked yet.' };
  }
  const given = q.options?.find((o) => fold(o.text) === fold(value))?.id ?? value;
  const right = expected.some((e) => same(q.kind, given, e));
  return right ? { right } : { right, feedback: 'Not quite.' };
}

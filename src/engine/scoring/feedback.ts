/**
 * Targeted feedback: the `feedback:` matchers of a question, resolved once
 * against the world, then tested against wrong answers in order.
 */
import { canonicalIp } from './address';
import { factDef } from './facts';
import { sameValue } from './match';
import { endpointReadings, optionIds, parseScalar, parseSet, type ScalarType } from './parse';
import { bad, fromLiteral, resolveFact, type Expectation, type Outcome } from './resolve';
import { compilePattern } from './resolve-question';
import type { Question } from './schema';
import type { ScenarioView, Value } from './values';

/** A matcher ready to test: a predicate over the trimmed answer text. */
export type FeedbackTest = (text: string) => boolean;

function looksLike(kind: string): FeedbackTest {
  if (kind === 'ip') return (t) => canonicalIp(t) !== null;
  if (kind === 'endpoint') return (t) => endpointReadings(t).length > 0;
  return (t) => parseScalar(kind as ScalarType, t) !== null;
}

function equalTo(value: Value, q: Question): FeedbackTest {
  return (text) => {
    if ('options' in q) {
      const ids = optionIds(q.options, text, q.kind === 'order');
      if (ids === null) return false;
      if (value.type === 'text') return ids.length === 1 && ids[0] === value.text;
      if (value.type === 'order') return ids.join(',') === value.ids.join(',');
    }
    let given: Value[];
    if (value.type === 'set') {
      const s = parseSet(value.element, text);
      given = s ? [s] : [];
    } else if (value.type === 'endpoint') {
      given = endpointReadings(text);
    } else {
      const type = value.type === 'order' ? 'text' : (value.type as ScalarType);
      const v = parseScalar(type, text);
      given = v ? [v] : [];
    }
    return given.some((g) => sameValue(value, g));
  };
}

function typeOfQuestion(q: Question, expected: Expectation | undefined): ScalarType | 'set' {
  if (expected?.mode === 'value') {
    const t = expected.value.type;
    if (t === 'set') return 'set';
    if (t !== 'order') return t;
  }
  return q.kind === 'set' ? 'set' : 'text';
}

/** One matcher, resolved; `path` is relative to the question. */
export function resolveMatcher(
  view: ScenarioView, q: Question, index: number, expected: Expectation | undefined,
): Outcome<FeedbackTest> {
  const entry = q.feedback[index];
  const path = ['feedback', index, 'when'];
  if (!entry) return bad(path, 'no such feedback entry');
  const when = entry.when;
  if ('looks_like' in when) return { ok: true, value: looksLike(when.looks_like) };
  if ('pattern' in when) {
    const re = compilePattern(when.pattern);
    if (typeof re === 'string') return bad([...path, 'pattern'], re);
    return { ok: true, value: (t) => re.test(t) };
  }
  if ('fact' in when) {
    const def = factDef(when.fact);
    if (!def) return bad([...path, 'fact'], `unknown fact "${when.fact}"`);
    const r = resolveFact(view, when, def.yields, path);
    return r.ok ? { ok: true, value: equalTo(r.value.value, q) } : r;
  }
  const type = typeOfQuestion(q, expected);
  const element = expected?.mode === 'value' && expected.value.type === 'set'
    ? expected.value.element : undefined;
  const lit = fromLiteral(view, when, type, path, element);
  if (!lit.ok) return lit;
  return lit.value.mode === 'value'
    ? { ok: true, value: equalTo(lit.value.value, q) }
    : bad(path, 'a feedback value must be a plain value');
}

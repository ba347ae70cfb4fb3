/**
 * A question's expected answer, per kind of question.
 */
import { optionIds } from './parse';
import { bad, fromLiteral, resolveFact, resolveParams, type Expectation, type Outcome } from './resolve';
import type { Question } from './schema';
import { stateCheckDef } from './state';
import type { ScenarioView, Value } from './values';

type Path = (string | number)[];
type Of<K extends Question['kind']> = Extract<Question, { kind: K }>;

// A pattern with a quantified group that is itself quantified, like (a+)+,
// can take exponential time on a crafted answer; such patterns are refused.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}]\)\s*[+*{]/;

export function compilePattern(source: string): RegExp | string {
  if (NESTED_QUANTIFIER.test(source)) {
    return 'the pattern repeats a repeated group, which can be very slow to match';
  }
  try {
    return new RegExp(source, 'i');
  } catch (e) {
    return `the pattern is not a valid regular expression (${(e as Error).message})`;
  }
}

function scalar(view: ScenarioView, q: Of<'ip' | 'endpoint' | 'port' | 'pid' | 'process' | 'duration' | 'number'>): Outcome<Expectation> {
  const path: Path = ['answer'];
  if ('fact' in q.answer) {
    const r = resolveFact(view, q.answer, q.kind, path);
    return r.ok ? { ok: true, value: { mode: 'value', ...r.value } } : r;
  }
  return fromLiteral(view, q.answer, q.kind, path);
}

function set(view: ScenarioView, q: Of<'set'>): Outcome<Expectation> {
  const path: Path = ['answer'];
  if ('fact' in q.answer) {
    const r = resolveFact(view, q.answer, 'set', path);
    if (!r.ok) return r;
    const v = r.value.value;
    if (q.element !== undefined && v.type === 'set' && v.element !== q.element) {
      return bad(['element'], `fact "${q.answer.fact}" gives a set of ${v.element}, not ${q.element}`);
    }
    return { ok: true, value: { mode: 'value', ...r.value } };
  }
  if (q.element === undefined) {
    return bad(['element'], 'a literal set needs `element`', 'Add `element: pid` (or ip, port, ...).');
  }
  return fromLiteral(view, q.answer, 'set', path, q.element);
}

function choice(q: Of<'choice' | 'choices'>): Outcome<Expectation> {
  const raw = q.answer.value;
  const text = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
  const ids = optionIds(q.options, text, false);
  if (ids === null || ids.length === 0) {
    return bad(['answer', 'value'], `"${text}" names no option`, 'Use the ids of `options`.');
  }
  if (q.kind === 'choice') {
    if (ids.length !== 1) return bad(['answer', 'value'], 'a choice question has one answer');
    return { ok: true, value: { mode: 'value', value: { type: 'text', text: ids[0] as string } } };
  }
  const items: Value[] = [...new Set(ids)].map((id) => ({ type: 'text', text: id }));
  return { ok: true, value: { mode: 'value', value: { type: 'set', element: 'text', items } } };
}

function order(view: ScenarioView, q: Of<'order'>): Outcome<Expectation> {
  if ('fact' in q.answer) {
    if (q.answer.fact !== 'chronological') {
      return bad(['answer', 'fact'], 'an order question takes the fact `chronological`');
    }
    const starts: [string, number][] = [];
    for (const [i, o] of q.options.entries()) {
      const entity = view.entities.get(o.id);
      if (!entity) {
        return bad(['options', i, 'id'], `"${o.id}" is not an entity`,
          'With `fact: chronological`, option ids are timeline entry ids.');
      }
      starts.push([o.id, entity.at]);
    }
    const ids = starts.sort((a, b) => a[1] - b[1]).map(([id]) => id);
    return { ok: true, value: { mode: 'value', value: { type: 'order', ids }, shownBy: 'last, journalctl' } };
  }
  const raw = q.answer.value;
  const ids = optionIds(q.options, Array.isArray(raw) ? raw.join(',') : String(raw), true);
  if (ids === null || ids.length !== q.options.length || new Set(ids).size !== ids.length) {
    return bad(['answer', 'value'], 'the order must list every option once');
  }
  return { ok: true, value: { mode: 'value', value: { type: 'order', ids } } };
}

function text(view: ScenarioView, q: Of<'text'>): Outcome<Expectation> {
  const a = q.answer;
  if ('pattern' in a) {
    const re = compilePattern(a.pattern);
    return typeof re === 'string'
      ? bad(['answer', 'pattern'], re)
      : { ok: true, value: { mode: 'pattern', re, source: a.pattern } };
  }
  if ('fact' in a) {
    const r = resolveFact(view, a, 'text', ['answer']);
    return r.ok ? { ok: true, value: { mode: 'value', ...r.value } } : r;
  }
  return fromLiteral(view, a, 'text', ['answer']);
}

function state(view: ScenarioView, q: Of<'state'>): Outcome<Expectation> {
  const def = stateCheckDef(q.answer.check);
  if (!def) return bad(['answer', 'check'], `unknown check "${q.answer.check}"`);
  const params = resolveParams(view, q.answer, def.needs, ['answer']);
  if (!params.ok) return params;
  return {
    ok: true,
    value: { mode: 'state', check: q.answer.check, params: params.value, shownBy: def.shownBy },
  };
}

/** What a question expects, or where in the question the author must look. */
export function resolveQuestion(view: ScenarioView, q: Question): Outcome<Expectation> {
  switch (q.kind) {
    case 'set':
      return set(view, q);
    case 'choice':
    case 'choices':
      return choice(q);
    case 'order':
      return order(view, q);
    case 'text':
      return text(view, q);
    case 'state':
      return state(view, q);
    default:
      return scalar(view, q);
  }
}

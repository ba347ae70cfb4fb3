/**
 * Resolving a question's `answer` (a fact, a var or a literal) against the
 * world into what the trainee's answer is compared with. Failures carry the
 * path under the question where the author should look.
 */
import { factDef } from './facts';
import { paramAddress, paramPort, parseScalar, parseSet, type ScalarType } from './parse';
import type { FactRef, Param } from './schema';
import type { CheckParams, StateCheckName } from './state';
import type { ElementType, ScenarioView, Value } from './values';

export type Expectation =
  | { mode: 'value'; value: Value; shownBy?: string }
  | { mode: 'pattern'; re: RegExp; source: string }
  | { mode: 'state'; check: StateCheckName; params: CheckParams; shownBy: string };

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; path: (string | number)[]; message: string; hint?: string };

export const bad = (path: (string | number)[], message: string, hint?: string): Outcome<never> =>
  hint === undefined ? { ok: false, path, message } : { ok: false, path, message, hint };

function varValue(view: ScenarioView, name: string, path: (string | number)[]) {
  const v = view.vars.get(name);
  if (v !== undefined) return { ok: true as const, value: v };
  const known = [...view.vars.keys()].slice(0, 12).join(', ');
  return bad([...path, 'var'], `there is no var named "${name}"`,
    known === '' ? 'The scenario defines no vars.' : `Known vars: ${known}.`);
}

function param(view: ScenarioView, p: Param, path: (string | number)[]): Outcome<string | number> {
  return typeof p === 'object' ? varValue(view, p.var, path) : { ok: true, value: p };
}

/** Resolves `of`, `address` and `port` of a fact or a check. */
export function resolveParams(
  view: ScenarioView,
  ref: { of?: string; address?: Param; port?: Param },
  needs: readonly string[],
  path: (string | number)[],
): Outcome<CheckParams> {
  const out: CheckParams = {};
  for (const key of needs) {
    if ((ref as Record<string, unknown>)[key] === undefined) {
      return bad(path, `this needs \`${key}\``, `Add \`${key}:\` next to it.`);
    }
  }
  if (ref.of !== undefined) {
    const entity = view.entities.get(ref.of);
    if (!entity) return bad([...path, 'of'], `there is no entity "${ref.of}"`, 'Use the id of a timeline entry.');
    out.of = entity;
  }
  if (ref.address !== undefined) {
    const v = param(view, ref.address, [...path, 'address']);
    if (!v.ok) return v;
    const addr = paramAddress(v.value);
    if (addr === null) return bad([...path, 'address'], `"${v.value}" is not an IP address`);
    out.address = addr;
  }
  if (ref.port !== undefined) {
    const v = param(view, ref.port, [...path, 'port']);
    if (!v.ok) return v;
    const port = paramPort(v.value);
    if (port === null) return bad([...path, 'port'], `"${v.value}" is not a port`);
    out.port = port;
  }
  return { ok: true, value: out };
}

const ACCEPTS: Record<string, readonly string[]> = {
  ip: ['ip'], endpoint: ['endpoint'], port: ['port'], pid: ['pid'], process: ['process'],
  duration: ['duration'], number: ['number', 'port', 'pid'], set: ['set'], text: ['text'],
};

function toNumber(v: Value): Value {
  if (v.type === 'port') return { type: 'number', value: v.port };
  if (v.type === 'pid') return { type: 'number', value: v.pid };
  return v;
}

/** A fact's value, checked against the type the question wants. */
export function resolveFact(
  view: ScenarioView, ref: FactRef, want: string, path: (string | number)[],
): Outcome<{ value: Value; shownBy: string }> {
  const def = factDef(ref.fact);
  if (!def) return bad([...path, 'fact'], `unknown fact "${ref.fact}"`);
  const accepts = ACCEPTS[want] ?? [];
  if (!accepts.includes(def.yields)) {
    return bad([...path, 'fact'], `fact "${ref.fact}" gives a ${def.yields}, not a ${want}`,
      'Pick a fact of the same kind as the question.');
  }
  const params = resolveParams(view, ref, def.needs, path);
  if (!params.ok) return params;
  const r = def.resolve(view, params.value);
  if (!r.ok) {
    const at = ref.of !== undefined ? [...path, 'of'] : path;
    return bad(at, `the world cannot produce this answer: ${r.message}`, r.hint);
  }
  const value = want === 'number' ? toNumber(r.value) : r.value;
  return { ok: true, value: { value, shownBy: def.shownBy } };
}

function literalValue(type: ScalarType | 'set', text: string, element?: ElementType): Value | null {
  if (type === 'set') return parseSet(element ?? 'text', text);
  return parseScalar(type, text);
}

export function fromLiteral(
  view: ScenarioView,
  ref: { var: string } | { value: unknown },
  type: ScalarType | 'set',
  path: (string | number)[],
  element?: ElementType,
): Outcome<Expectation> {
  let raw: unknown;
  if ('var' in ref) {
    const v = varValue(view, ref.var, path);
    if (!v.ok) return v;
    raw = v.value;
  } else {
    raw = ref.value;
  }
  const text = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
  const value = literalValue(type, text, element);
  if (value === null) {
    return bad([...path, 'var' in ref ? 'var' : 'value'], `"${text}" is not a valid ${type}`);
  }
  return { ok: true, value: { mode: 'value', value } };
}

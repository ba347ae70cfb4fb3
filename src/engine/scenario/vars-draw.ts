/**
 * Per-trainee variables, the part that needs no schema: drawing values for
 * var definitions that are already valid, and putting them into a document.
 * vars.ts checks definitions written by an author first; the lab's worker
 * draws from definitions checked when the app was built (ahead.ts).
 *
 * Each var draws from its own stream ("var:NAME"), so adding a var does not
 * change the others. Vars of the same kind get distinct values (two ipv4
 * vars never name the same address) by redrawing on a clash, in the order the
 * vars are declared. IPv4 host parts .0 and .255 are never drawn.
 *
 * Substitution: `${name}` in any string is replaced by the value; a string
 * that is exactly `${name}` becomes the typed value (a port stays a number);
 * `$${` writes a literal `${`. The `vars` block itself is left as written.
 */
import { stream, type Rng } from '../world/ids';
import type { PathIssue } from './issues';
import type { VarDoc } from './schema-vars';

export type VarValue = string | number;

export const VAR_NAME = /^[a-z_][a-z0-9_]{0,63}$/;

const DOC_NETS = ['192.0.2', '198.51.100', '203.0.113'];
const RANGE_NETS: Record<string, string[]> = {
  documentation: DOC_NETS,
  'test-net-1': ['192.0.2'],
  'test-net-2': ['198.51.100'],
  'test-net-3': ['203.0.113'],
};

const USER_NAMES = [
  'deploy',
  'webops',
  'jenkins',
  'appuser',
  'svc-backup',
  'ansible',
  'build',
  'ops',
  'gitlab-runner',
  'devops',
  'release',
  'monitor',
];

function drawFromCidr(rng: Rng, cidr: string): string {
  const [addr = '', lenText = '32'] = cidr.split('/');
  const len = Math.min(32, Math.max(0, Number(lenText)));
  const base = addr.split('.').reduce((acc, p) => acc * 256 + (Number(p) & 255), 0);
  const size = 2 ** (32 - len);
  const net = base - (base % size);
  const offset = size <= 2 ? rng.int(0, size - 1) : rng.int(1, size - 2);
  const n = net + offset;
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function drawOne(def: VarDoc, rng: Rng): VarValue {
  switch (def.kind) {
    case 'ipv4':
      if (def.cidr) return drawFromCidr(rng, def.cidr);
      return `${rng.pick(RANGE_NETS[def.range] ?? DOC_NETS)}.${rng.int(1, 254)}`;
    case 'port':
      return def.choices
        ? rng.pick(def.choices)
        : rng.int(Math.min(def.min, def.max), Math.max(def.min, def.max));
    case 'choice':
      return rng.pick(def.choices);
    case 'user':
      return rng.pick(def.choices ?? USER_NAMES);
    case 'int':
      return rng.int(Math.min(def.min, def.max), Math.max(def.min, def.max));
  }
}

/** Values for var definitions that passed the schema, in declaration order; badly named ones are skipped. */
export function drawCheckedVars(defs: Iterable<[string, VarDoc]>, seed: number): Map<string, VarValue> {
  const out = new Map<string, VarValue>();
  const taken = new Map<string, Set<VarValue>>();
  for (const [name, def] of defs) {
    if (!VAR_NAME.test(name)) continue;
    const seen = taken.get(def.kind) ?? new Set<VarValue>();
    taken.set(def.kind, seen);
    const rng = stream(seed, `var:${name}`);
    let value = drawOne(def, rng);
    for (let i = 0; i < 32 && seen.has(value); i++) value = drawOne(def, rng);
    seen.add(value);
    out.set(name, value);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The seed to use: the caller's, else the document's, else 1. */
export function effectiveSeed(raw: unknown, seed?: number): number {
  if (seed !== undefined && Number.isInteger(seed)) return seed >>> 0;
  const own = isRecord(raw) ? raw.seed : undefined;
  return typeof own === 'number' && Number.isInteger(own) ? own >>> 0 : 1;
}

const REF = /\$\$\{|\$\{([^}]*)\}/g;
const EXACT = /^\$\{([a-z_][a-z0-9_]*)\}$/;

interface Walk {
  vars: Map<string, VarValue>;
  /** Names declared (even if their definition is invalid). */
  declared: Set<string>;
  issues: PathIssue[];
}

function closest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of names) {
    const score = editDistance(name, n);
    if (score < bestScore) [best, bestScore] = [n, score];
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(
        Math.min(
          (prev[j] as number) + 1,
          (cur[j - 1] as number) + 1,
          (prev[j - 1] as number) + cost,
        ),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

function unknownVar(w: Walk, path: (string | number)[], name: string): void {
  const near = closest(name, w.declared);
  const hint = near
    ? `did you mean \${${near}}?`
    : `declare it under vars:, or write $\${${name}} for a literal \${${name}}`;
  w.issues.push({ path: [...path], message: `unknown var "${name}" in \${${name}}`, hint });
}

function substString(text: string, path: (string | number)[], w: Walk): unknown {
  if (!text.includes('${')) return text;
  const exact = EXACT.exec(text);
  if (exact) {
    const name = exact[1] as string;
    const value = w.vars.get(name);
    if (value !== undefined) return value;
    if (!w.declared.has(name)) unknownVar(w, path, name);
    return text;
  }
  return text.replace(REF, (whole, name: string | undefined) => {
    if (name === undefined) return '${';
    const value = w.vars.get(name);
    if (value !== undefined) return String(value);
    if (!w.declared.has(name)) unknownVar(w, path, name);
    return whole;
  });
}

/** `path` is one array pushed and popped on the way down; an issue takes a copy. */
function walk(node: unknown, path: (string | number)[], w: Walk): unknown {
  if (typeof node === 'string') return substString(node, path, w);
  if (Array.isArray(node)) return node.map((item, i) => within(path, i, item, w));
  if (isRecord(node)) {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        path.length === 0 && k === 'vars' ? v : within(path, k, v, w),
      ]),
    );
  }
  return node;
}

function within(path: (string | number)[], key: string | number, node: unknown, w: Walk): unknown {
  path.push(key);
  const value = walk(node, path, w);
  path.pop();
  return value;
}

/**
 * Substitutes `vars` everywhere in the document but its `vars` block. Never
 * throws; a name that is not declared becomes an issue.
 */
export function substituteVars(
  raw: unknown, vars: Map<string, VarValue>, declared: Iterable<string>,
): { value: unknown; issues: PathIssue[] } {
  const w: Walk = { vars, declared: new Set(declared), issues: [] };
  const value = isRecord(raw) ? walk(raw, [], w) : raw;
  return { value, issues: w.issues };
}

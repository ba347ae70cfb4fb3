/**
 * Per-trainee variables as an author writes them: each definition checked
 * against the schema, then drawn from the seed and substituted before the
 * document is validated (vars-draw.ts does the drawing and substituting).
 */
import type { PathIssue } from './issues';
import { varSchema, type VarDoc } from './schema-vars';
import { drawCheckedVars, effectiveSeed, substituteVars, type VarValue } from './vars-draw';

export { effectiveSeed, type VarValue };

export interface ResolvedVars {
  /** The document with vars substituted (a copy; the input is not changed). */
  value: unknown;
  seed: number;
  vars: Map<string, VarValue>;
  issues: PathIssue[];
}

/** Values for the valid var definitions, in declaration order. */
export function drawVars(defs: Iterable<[string, unknown]>, seed: number): Map<string, VarValue> {
  const checked: [string, VarDoc][] = [];
  for (const [name, raw] of defs) {
    const parsed = varSchema.safeParse(raw);
    if (parsed.success) checked.push([name, parsed.data]);
  }
  return drawCheckedVars(checked, seed);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Draws the document's vars with `seed` (or its own `seed:`) and substitutes
 * them everywhere. Never throws; unknown names become issues.
 */
export function resolveVars(raw: unknown, seed?: number): ResolvedVars {
  const used = effectiveSeed(raw, seed);
  const block = isRecord(raw) && isRecord(raw.vars) ? raw.vars : {};
  const entries = Object.entries(block);
  const vars = drawVars(entries, used);
  const { value, issues } = substituteVars(raw, vars, entries.map(([k]) => k));
  return { value, seed: used, vars, issues };
}

/**
 * Opening a scenario that was checked when the app was built (ahead.ts):
 * its document as the schema gave it back, with each `${var}` left in place.
 * Drawing the vars with the trainee's seed and putting them in is all that
 * is left before compiling, so this path needs neither the YAML parser nor
 * the schema; its questions' answers were resolved against the world at
 * build time too, so it compiles the world alone (compile-world.ts).
 * Anything it cannot open cleanly is for the whole loader (load.ts), which
 * positions what is wrong.
 */
import type { LoadResult } from './types';
import type { ScenarioDoc } from './schema';
import type { VarDoc } from './schema-vars';
import { compileWorld } from './compile-world';
import { drawCheckedVars, effectiveSeed, substituteVars } from './vars-draw';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The checked document with this seed's vars in it, or undefined when it has unknown vars. */
export function withVars(checked: Record<string, unknown>, seed: number | undefined) {
  const used = effectiveSeed(checked, seed);
  const defs = (isRecord(checked.vars) ? Object.entries(checked.vars) : []) as [string, VarDoc][];
  const vars = drawCheckedVars(defs, used);
  const { value, issues } = substituteVars(checked, vars, defs.map(([name]) => name));
  return issues.length > 0 ? undefined : { doc: value as ScenarioDoc, seed: used, vars };
}

/** A scenario checked ahead; undefined means: load its text instead. Never throws. */
export function loadChecked(checked: unknown, seed?: number): LoadResult | undefined {
  try {
    if (!isRecord(checked)) return undefined;
    const resolved = withVars(checked, seed);
    if (!resolved) return undefined;
    const compiled = compileWorld(resolved.doc, { seed: resolved.seed, vars: resolved.vars });
    if (!compiled.ok || compiled.issues.length > 0) return undefined;
    return { ok: true, scenario: compiled.scenario, warnings: [] };
  } catch {
    return undefined;
  }
}

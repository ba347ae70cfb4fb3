/**
 * The stages after parsing (vars, schema, compiler) run on data that was
 * parsed ahead of time (ahead.ts). Free of the YAML parser, so the browser's
 * worker opens a shipped scenario without loading it; whatever these stages
 * would report is for the whole loader (load.ts), which positions it.
 */
import type { ScenarioPipeline } from './load';
import type { LoadResult } from './types';
import { scenarioSchema, type ScenarioDoc } from './schema';
import { resolveVars } from './vars';
import { compileScenario } from './compile';

/** The real format: schema, vars and compiler of scenario v1. */
export const scenarioV1: ScenarioPipeline<ScenarioDoc> = {
  schema: scenarioSchema,
  resolveVars: (raw, seed) => resolveVars(raw, seed),
  compile: (doc, { seed, vars }) => compileScenario(doc, { seed, vars }),
};

/** The compiled scenario, or undefined when there is anything to report or the data is not a mapping. */
export function fromData<Doc>(pipeline: ScenarioPipeline<Doc>, data: unknown, seed: number | undefined): LoadResult | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const vars = pipeline.resolveVars(data, seed);
  if (vars.issues.length > 0) return undefined;
  const checked = pipeline.schema.safeParse(vars.value, { jitless: true });
  if (!checked.success) return undefined;
  const compiled = pipeline.compile(checked.data, { seed: vars.seed ?? seed ?? 1, vars: vars.vars ?? new Map() });
  if (!compiled.ok || (compiled.issues?.length ?? 0) > 0) return undefined;
  return { ok: true, scenario: compiled.scenario, warnings: [] };
}

/** A scenario v1 from its data parsed ahead; undefined means: load its text instead. Never throws. */
export function loadFromData(data: unknown, seed?: number): LoadResult | undefined {
  try {
    return fromData(scenarioV1, data, seed);
  } catch {
    return undefined;
  }
}

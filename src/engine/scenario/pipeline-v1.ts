/**
 * Scenario format v1 as the loader runs it: vars, schema, compiler. The
 * schema (zod) lives here and in load.ts only, so code that opens a
 * scenario checked ahead of time (load-data.ts) does not carry it.
 */
import type { ScenarioPipeline } from './load';
import { scenarioSchema, type ScenarioDoc } from './schema';
import { resolveVars } from './vars';
import { compileScenario } from './compile';

/** The real format: schema, vars and compiler of scenario v1. */
export const scenarioV1: ScenarioPipeline<ScenarioDoc> = {
  schema: scenarioSchema,
  resolveVars: (raw, seed) => resolveVars(raw, seed),
  compile: (doc, { seed, vars }) => compileScenario(doc, { seed, vars }),
};

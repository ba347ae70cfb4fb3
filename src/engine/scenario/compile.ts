/**
 * Compiling a validated scenario document (compile-world.ts), then checking
 * each question's answer against the world it compiled to: an answer the
 * world cannot produce is a problem at the question's path.
 */
import { compileWorld, type CompileOptions, type CompileResult } from './compile-world';
import { checkQuestionRefs } from './compile-questions';
import type { ScenarioDoc } from './schema';

export type { CompileOptions, CompileResult };

/** Compiles a document that passed `scenarioSchema`, questions checked. */
export function compileScenario(doc: ScenarioDoc, options: CompileOptions = {}): CompileResult {
  const compiled = compileWorld(doc, options);
  if (!compiled.ok) return compiled;
  const issues = [...compiled.issues, ...checkQuestionRefs(doc.questions, compiled.scenario)];
  if (issues.some((i) => i.severity !== 'warning')) return { ok: false, issues };
  return { ok: true, scenario: compiled.scenario, issues };
}

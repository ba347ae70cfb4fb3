/**
 * Checking ahead of time. The browser build parses and validates each
 * shipped scenario as it bundles it, so opening a lab needs neither the YAML
 * parser nor the schema (load-data.ts).
 *
 * What is shipped is the document as the schema gives it back (defaults
 * filled in) with every string that names a var kept as written, so the
 * trainee's seed can still draw them. That is only sound when the schema
 * gives back the same document for every draw of the vars, bar the values
 * themselves; it is checked here for many seeds, and a scenario that fails
 * the check, or parses with any problem, is shipped as text and loaded by
 * the whole loader. For the same seeds the scenario is compiled and each
 * question's answer resolved against its world, which the lab then need
 * not do again.
 */
import { parseScenarioYaml } from './load-yaml';
import { scenarioSchema } from './schema';
import { resolveVars } from './vars';
import { withVars } from './load-data';
import { compileScenario } from './compile';

/** The seeds a checked document is held to: small ones, large ones, and a spread between. */
export const AHEAD_SEEDS: readonly number[] = [
  0, 1, 2, 3, 7, 42, 1000, 65_535, 424_242, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1,
  ...Array.from({ length: 36 }, (_, i) => (Math.imul(i + 1, 2_654_435_761) >>> 0)),
];

/** The checked document to ship, or undefined when the scenario must be loaded from its text. */
export function checkAhead(text: string): unknown {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok || parsed.warnings.length > 0 || !jsonSafe(parsed.data)) return undefined;
  const raw = parsed.data;
  let checked: unknown;
  for (const seed of AHEAD_SEEDS) {
    const vars = resolveVars(raw, seed);
    if (vars.issues.length > 0) return undefined;
    const doc = scenarioSchema.safeParse(vars.value, { jitless: true });
    if (!doc.success) return undefined;
    checked ??= keepVarRefs(raw, doc.data, true);
    if (!jsonSafe(checked)) return undefined;
    const drawn = withVars(checked as Record<string, unknown>, seed);
    if (!drawn || JSON.stringify(drawn.doc) !== JSON.stringify(doc.data)) return undefined;
    const compiled = compileScenario(drawn.doc, { seed: drawn.seed, vars: drawn.vars });
    if (!compiled.ok || compiled.issues.length > 0) return undefined;
  }
  return checked;
}

/**
 * The schema's output with each string of the input that names a var put
 * back in its place (the `vars` block itself is never substituted).
 */
function keepVarRefs(input: unknown, output: unknown, top = false): unknown {
  if (typeof input === 'string' && input.includes('${')) return input;
  if (Array.isArray(input) && Array.isArray(output) && input.length === output.length) {
    return output.map((item, i) => keepVarRefs(input[i], item));
  }
  if (isRecord(input) && isRecord(output)) {
    return Object.fromEntries(Object.entries(output).map(([k, v]) => [
      k, top && k === 'vars' ? v : keepVarRefs(Object.hasOwn(input, k) ? input[k] : undefined, v),
    ]));
  }
  return output;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether JSON.stringify then JSON.parse gives the same value back. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(jsonSafe);
}

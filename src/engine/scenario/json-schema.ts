/**
 * The scenario format as a JSON Schema (draft-7), generated from the zod
 * schema so the two never disagree. The editor (monaco-yaml) and other
 * editors use it for validation, completion and hover text.
 *
 * `io: 'input'` describes the file as written: keys with defaults are not
 * required and their defaults are shown. The shape carries no `$schema` or
 * `$id` URI, so the editor can register it under its own in-memory URI.
 *
 * The file as written may hold `${name}` var references where the checked
 * value will be (vars are substituted before zod runs). So the generated
 * schema is widened: a patterned string also accepts a text containing a
 * reference, and a number also accepts an exact `${name}`.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

export const SCHEMA_TITLE = 'Outbound scenario';

/** The schema for editors: the format, with `${var}` references allowed. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return widenForVars(scenarioFormatSchema()) as Record<string, unknown>;
}

/** The format exactly as zod checks it after substitution (for the docs). */
export function scenarioFormatSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-7',
  }) as Record<string, unknown>;
  const { $schema: _schema, $id: _id, ...rest } = generated;
  return {
    title: SCHEMA_TITLE,
    description:
      'A scenario for the Outbound Linux network triage lab: one host at the moment '
      + 'an alert fired, the attacker\'s timeline, and the analyst\'s questions.',
    ...rest,
  };
}

/** The schema as the text committed to public/scenario.schema.json. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

/** `${name}` as vars.ts reads it. */
const VAR_REF = '\\$\\{[a-z_][a-z0-9_]{0,63}\\}';

const VAR_ONLY = {
  type: 'string',
  pattern: `^${VAR_REF}$`,
  description: 'A per-trainee var, replaced by its value when the scenario loads.',
};

/** Copy of a JSON Schema node with var references allowed (see above). */
function widenForVars(node: unknown, key = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => widenForVars(n));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    // Names (map keys) and literal kinds are never substituted.
    out[k] = k === 'propertyNames' || k === 'const' || k === 'enum' ? v : widenForVars(v, k);
  }
  if (key === 'properties' || key === 'definitions') return out;
  if (out.type === 'string' && typeof out.pattern === 'string') {
    out.pattern = `(?:${out.pattern})|${VAR_REF}`;
  }
  if (out.type === 'number' || out.type === 'integer') {
    const { description, default: fallback, examples, ...check } = out;
    const wrapped: Record<string, unknown> = {};
    if (description !== undefined) wrapped.description = description;
    if (fallback !== undefined) wrapped.default = fallback;
    if (examples !== undefined) wrapped.examples = examples;
    wrapped.anyOf = [check, VAR_ONLY];
    return wrapped;
  }
  return out;
}

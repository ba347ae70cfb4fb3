/**
 * The scenario format as a JSON Schema (draft-7), generated from the zod
 * schema so the two never disagree. The editor (monaco-yaml) and other
 * editors use it for validation, completion and hover text.
 *
 * `io: 'input'` describes the file as written: keys with defaults are not
 * required and their defaults are shown. The shape carries no `$schema` or
 * `$id` URI, so the editor can register it under its own in-memory URI.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

export const SCHEMA_TITLE = 'Outbound scenario';

export function scenarioJsonSchema(): Record<string, unknown> {
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

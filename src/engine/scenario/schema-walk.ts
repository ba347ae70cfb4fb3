/**
 * Just enough introspection of a zod 4 schema to talk about it in the
 * author's terms: the sub-schema at a data path, the keys a mapping allows,
 * the kinds a discriminated union accepts, and a phrase for what a field
 * expects ("a port number (1-65535)").
 */
import { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}

type Segment = string | number;

export function defOf(schema: unknown): Def | null {
  const zod = (schema as { _zod?: { def?: Def } } | null)?._zod;
  return zod?.def ?? null;
}

const WRAPPERS = new Set([
  'optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional',
]);

/** Strip optional/default/pipe/lazy wrappers down to the schema that checks. */
export function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 32; i++) {
    const def = defOf(current);
    if (!def) return current;
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy') current = (def.getter as () => unknown)();
    else return current;
  }
  return current;
}

/** The sub-schema that validates the value at `path`, guided by the data. */
export function schemaAt(
  root: z.ZodType,
  data: unknown,
  path: readonly Segment[],
): unknown {
  let schema: unknown = root;
  let value = data;
  for (const segment of path) {
    schema = child(pickOption(schema, value), segment);
    if (!schema) return null;
    value = value && typeof value === 'object'
      ? (value as Record<Segment, unknown>)[segment]
      : undefined;
  }
  return schema;
}

function child(schema: unknown, segment: Segment): unknown {
  const def = defOf(unwrap(schema));
  if (!def) return null;
  if (def.type === 'object') {
    const shape = def.shape as Record<string, unknown>;
    return Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : def.catchall ?? null;
  }
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  if (def.type === 'tuple') return (def.items as unknown[])[Number(segment)] ?? def.rest ?? null;
  return null;
}

/** For a union, the option the data most likely meant. */
export function pickOption(schema: unknown, value: unknown): unknown {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def?.type !== 'union') return inner;
  const options = def.options as unknown[];
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  const discriminator = def.discriminator as string | undefined;
  if (discriminator && record) {
    const wanted = record[discriminator];
    const match = options.find((o) => literalValues(child(o, discriminator)).includes(wanted));
    if (match) return pickOption(match, value);
  }
  const typed = options.find((o) => acceptsShape(o, value));
  return typed ? pickOption(typed, value) : inner;
}

function acceptsShape(schema: unknown, value: unknown): boolean {
  const type = defOf(unwrap(schema))?.type;
  if (Array.isArray(value)) return type === 'array' || type === 'tuple';
  if (value && typeof value === 'object') return type === 'object' || type === 'record';
  return type === typeof value;
}

/** The keys an object schema allows, or [] for anything else. */
export function allowedKeys(schema: unknown): string[] {
  const def = defOf(unwrap(schema));
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The literal values a schema accepts (literals and enums), else []. */
export function literalValues(schema: unknown): unknown[] {
  const def = defOf(unwrap(schema));
  if (def?.type === 'literal') return def.values as unknown[];
  if (def?.type === 'enum') return Object.values(def.entries as object);
  return [];
}

/** The values of `key` that each option of a discriminated union takes. */
export function unionKinds(schema: unknown, key: string): string[] {
  const def = defOf(unwrap(schema));
  if (def?.type !== 'union') return literalValues(child(schema, key)).map(String);
  return (def.options as unknown[]).flatMap((o) => unionKinds(o, key));
}


/** The description and examples attached with `.meta()`, through wrappers. */
export function metaOf(schema: unknown): { description?: string; examples?: unknown[] } {
  let current = schema;
  for (let i = 0; i < 16 && current; i++) {
    const meta = z.globalRegistry.get(current as z.ZodType) as
      | { description?: string; examples?: unknown[] }
      | undefined;
    if (meta && (meta.description || meta.examples)) return meta;
    const def = defOf(current);
    if (!def) break;
    current = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : null;
  }
  return {};
}

/** A scalar example for `key: ...` hints, or null. */
export function exampleOf(schema: unknown): string | null {
  const literals = literalValues(schema);
  if (literals.length === 1) return String(literals[0]);
  const first = metaOf(schema).examples?.[0];
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  if (typeof first === 'string' && first.length <= 40 && !/[\n#]|: /.test(first)) return first;
  return null;
}

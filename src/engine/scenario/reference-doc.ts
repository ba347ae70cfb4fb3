/**
 * docs/scenario-reference.md, rendered from the JSON Schema: one table per
 * mapping of the format (top level, `host`, `timeline[]` of each kind, ...)
 * with every key's type, whether it is required, its default, description
 * and an example. Generated, so it cannot drift from the schema.
 */
import { scenarioFormatSchema } from './json-schema';

type Json = Record<string, unknown>;

interface Section {
  title: string;
  description?: string;
  rows: string[];
}

const MAX_SECTIONS = 400;

export function renderReferenceDoc(schema: Json = scenarioFormatSchema()): string {
  const sections: Section[] = [];
  collect(schema, schema, { path: '' }, sections, 0);
  const out = [
    '# Scenario format reference',
    '',
    '<!-- Generated from src/engine/scenario/schema.ts by `npm run cli -- docs`; '
      + 'do not edit by hand. -->',
    '',
    'Every key of the scenario format, by the mapping it belongs to. A key marked',
    '"yes" under Required must be present; the others may be left out and take',
    'their default. Strings that name a time or duration follow the patterns',
    'shown. Any value may instead be a per-trainee `${name}` var declared under',
    '`vars`; it is replaced by the drawn value before these checks apply. The',
    'same information drives the editor\'s completion and hover text.',
    '',
    '## Contents',
    '',
    ...sections.map((s) => `- [${s.title}](#${anchor(s.title)})`),
    '',
  ];
  for (const section of sections) out.push(...renderSection(section));
  return out.join('\n').replace(/\n+$/, '\n');
}

function renderSection(section: Section): string[] {
  const lines = [`## ${section.title}`, ''];
  if (section.description) lines.push(cellText(section.description), '');
  lines.push(
    '| Key | Type | Required | Default | Description | Example |',
    '| --- | --- | --- | --- | --- | --- |',
    ...section.rows,
    '',
  );
  return lines;
}

/** Where a section sits: its data path and, for a union, its variant. */
interface Place {
  path: string;
  variant?: string;
  /** The nearest enclosing variant, to tell apart same-path sections. */
  context?: string;
}

function titleOf(place: Place): string {
  const base = place.path === '' ? 'Top level' : '`' + place.path + '`';
  return place.variant ? `${base} (${place.variant})` : base;
}

/** Add a section for an object schema, then for each mapping under it. */
function collect(root: Json, node: Json, place: Place, out: Section[], depth: number): void {
  if (out.length >= MAX_SECTIONS || depth > 24) return;
  const schema = resolve(root, node);
  const variants = variantsOf(schema);
  if (variants) {
    for (const [label, variant] of variants) {
      const at: Place = { path: place.path, variant: label };
      if (place.context) at.context = place.context;
      collect(root, variant, at, out, depth + 1);
    }
    return;
  }
  const properties = schema.properties as Record<string, Json> | undefined;
  if (schema.type !== 'object' || !properties) return;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const section: Section = { title: titleOf(place), rows: [] };
  if (typeof schema.description === 'string' && depth > 0) section.description = schema.description;
  const index = out.length;
  out.push(section);
  const context = place.variant ?? place.context;
  for (const [key, raw] of Object.entries(properties)) {
    const child = resolve(root, raw);
    const nested = nestedMapping(root, child);
    const path = (place.path ? place.path + '.' : '') + key + (nested?.suffix ?? '');
    const first = nested && variantsOf(resolve(root, nested.schema))?.[0]?.[0];
    const link = nested ? anchor(titleOf(first ? { path, variant: first } : { path })) : null;
    section.rows.push(row(root, key, child, required.has(key), link));
    if (nested) collect(root, nested.schema, context ? { path, context } : { path }, out, depth + 1);
  }
  dedupe(out, index, place);
}

/** Drop a section identical to an earlier one; rename one that only shares the title. */
function dedupe(out: Section[], index: number, place: Place): void {
  const section = out[index] as Section;
  const same = out.slice(0, index).find((s) => s.title === section.title);
  if (!same) return;
  if (same.rows.join('\n') === section.rows.join('\n')) {
    out.splice(index, 1);
    return;
  }
  if (place.context) section.title += ` under ${place.context}`;
}

/** The mapping a key holds, directly, as list items, or as map values. */
function nestedMapping(root: Json, schema: Json): { schema: Json; suffix: string } | null {
  if (isMapping(root, schema)) return { schema, suffix: '' };
  const items = schema.items as Json | undefined;
  if (schema.type === 'array' && items && isMapping(root, resolve(root, items))) {
    return { schema: resolve(root, items), suffix: '[]' };
  }
  const values = schema.additionalProperties;
  if (schema.type === 'object' && !schema.properties && values && typeof values === 'object') {
    const resolved = resolve(root, values as Json);
    if (isMapping(root, resolved)) return { schema: resolved, suffix: '.NAME' };
  }
  return null;
}

function isMapping(root: Json, schema: Json): boolean {
  const s = resolve(root, schema);
  return (s.type === 'object' && !!s.properties) || variantsOf(s) !== null;
}

/** The options of a union of mappings, labelled by their discriminator. */
function variantsOf(schema: Json): [string, Json][] | null {
  const options = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (!options || !options.every((o) => o.type === 'object' && o.properties)) return null;
  const labels = options.map((option, i) => variantLabel(option, i));
  return options.map((option, i) => {
    const label = labels[i] as string;
    const clash = labels.filter((l) => l === label).length > 1;
    return [clash ? `${label}, ${i + 1}` : label, option];
  });
}

function variantLabel(option: Json, index: number): string {
  const properties = option.properties as Record<string, Json>;
  for (const [key, value] of Object.entries(properties)) {
    if (value.const !== undefined) return `${key}: ${String(value.const)}`;
  }
  const first = (option.required as string[] | undefined)?.[0] ?? Object.keys(properties)[0];
  return first ? `form with ${first}` : `form ${index + 1}`;
}

function row(root: Json, key: string, schema: Json, required: boolean, link: string | null): string {
  const type = typeText(root, schema);
  const cells = [
    '`' + key + '`',
    link ? type.replace('(see below)', `([see below](#${link}))`) : type,
    required ? 'yes' : 'no',
    schema.default === undefined ? '' : code(schema.default),
    cellText(String(schema.description ?? '')),
    Array.isArray(schema.examples) && schema.examples.length > 0 ? code(schema.examples[0]) : '',
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A short type description: `string`, 1-65535, one of `a`, `b`, list of ... */
export function typeText(root: Json, raw: Json, depth = 0): string {
  const s = resolve(root, raw);
  if (depth > 3) return 'value';
  if (s.const !== undefined) return code(s.const);
  if (Array.isArray(s.enum)) return 'one of ' + s.enum.map(code).join(', ');
  const options = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  if (options) {
    if (variantsOf(s)) return 'mapping, by kind (see below)';
    return [...new Set(options.map((o) => typeText(root, o, depth + 1)))].join(' or ');
  }
  const type = Array.isArray(s.type) ? s.type.join(' or ') : String(s.type ?? 'value');
  if (type === 'array') {
    const items = s.items as Json | undefined;
    const count = typeof s.minItems === 'number' ? ` (at least ${s.minItems})` : '';
    return 'list of ' + (items ? typeText(root, items, depth + 1) : 'values') + count;
  }
  if (type === 'object') return s.properties ? 'mapping (see below)' : 'mapping of names to values';
  return type + constraints(s);
}

function constraints(s: Json): string {
  const parts: string[] = [];
  const min = (s.minimum ?? s.minLength) as number | undefined;
  const max = (s.maximum ?? s.maxLength) as number | undefined;
  const safe = Number.MAX_SAFE_INTEGER;
  const unit = s.type === 'string' ? ' characters' : '';
  if (min !== undefined && max !== undefined && max < safe) parts.push(`${min}-${max}${unit}`);
  else if (min === 1 && unit) parts.push('not empty');
  else if (min !== undefined) parts.push(`at least ${min}${unit}`);
  else if (max !== undefined && max < safe) parts.push(`at most ${max}${unit}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`greater than ${String(s.exclusiveMinimum)}`);
  if (typeof s.format === 'string') parts.push(s.format);
  if (typeof s.pattern === 'string') parts.push('pattern ' + code(s.pattern));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Follow a local `$ref` (`#/definitions/X`), once per hop, bounded. */
function resolve(root: Json, node: Json): Json {
  let current = node;
  for (let i = 0; i < 8 && typeof current.$ref === 'string'; i++) {
    const parts = current.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
    let target: unknown = root;
    for (const part of parts) target = (target as Json | undefined)?.[part];
    if (!target || typeof target !== 'object') return current;
    current = target as Json;
  }
  return current;
}

function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const clipped = text.length > 80 ? text.slice(0, 77) + '...' : text;
  return '`' + clipped.replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

function cellText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to -. */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

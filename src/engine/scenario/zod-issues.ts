/**
 * zod's issues, reworded for the scenario author. Each becomes one or more
 * located messages: what is wrong in the author's terms, a hint to fix it,
 * and where to point (the value, the key itself, or, for a missing key, the
 * key of the mapping that lacks it).
 */
import type { z } from 'zod';
import { closest } from './suggest';
import { describeExpected, describeValue } from './schema-describe';
import {
  allowedKeys,
  exampleOf,
  metaOf,
  pickOption,
  schemaAt,
  unionKinds,
} from './schema-walk';

type Segment = string | number;
type Issue = z.core.$ZodIssue;

export interface LocatedIssue {
  path: Segment[];
  message: string;
  hint?: string;
  /** value: the node at path; key: the key at path; missing: path's parent. */
  at: 'value' | 'key' | 'missing';
}

export function explainIssues(
  issues: readonly Issue[],
  root: z.ZodType,
  data: unknown,
): LocatedIssue[] {
  return issues.flatMap((issue) => explainIssue(issue, [], root, data));
}

function explainIssue(
  issue: Issue,
  prefix: Segment[],
  root: z.ZodType,
  data: unknown,
): LocatedIssue[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  const value = valueAt(data, path);
  const schema = () => schemaAt(root, data, path);
  switch (issue.code) {
    case 'invalid_type':
      return [value === undefined ? missingKey(path, schema()) : wrongType(path, schema(), value)];
    case 'invalid_value':
      return [wrongValue(path, issue.values, value)];
    case 'unrecognized_keys': {
      const allowed = allowedKeys(pickOption(schema(), value));
      return issue.keys.map((key) => unknownKey(path, key, allowed));
    }
    case 'invalid_key':
      return [badKey(path, issue.issues)];
    case 'invalid_union':
      return badUnion(issue, path, root, data, value);
    case 'too_small':
    case 'too_big':
      return [{ path, at: 'value', ...sizeMessage(issue) }];
    case 'invalid_format':
      return [badFormat(path, schema(), value, issue.message)];
    case 'not_multiple_of':
      return [{ path, at: 'value', message: `must be a multiple of ${String(issue.divisor)}` }];
    default:
      return [{ path, at: 'value', message: lowerFirst(issue.message) }];
  }
}

function missingKey(path: Segment[], schema: unknown): LocatedIssue {
  const key = String(path[path.length - 1]);
  const description = metaOf(schema).description;
  const expected = describeExpected(schema);
  const about = description
    ? `: ${lowerFirst(description).replace(/\.$/, '')}`
    : VAGUE.has(expected) ? '' : ` (${expected})`;
  return {
    path,
    at: 'missing',
    message: `missing required key \`${key}\`${about}`,
    hint: `add \`${key}: ${exampleOf(schema) ?? '...'}\`${where(path.slice(0, -1))}`,
  };
}

/** Phrases that say nothing the key name does not. */
const VAGUE = new Set(['a valid value', 'a text matching the expected pattern', 'a text']);

/** A string that fails a pattern: the schema's own words, and an example. */
function badFormat(path: Segment[], schema: unknown, value: unknown, message: string): LocatedIssue {
  const custom = !/^Invalid\b/.test(message);
  const out = custom
    ? { path, at: 'value' as const, message: `${lowerFirst(message)}; got ${describeValue(value)}` }
    : wrongType(path, schema, value);
  const example = exampleOf(schema);
  if (example !== null && !out.hint) out.hint = `for example \`${example}\``;
  return out;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

function wrongType(path: Segment[], schema: unknown, value: unknown): LocatedIssue {
  const out: LocatedIssue = {
    path,
    at: 'value',
    message: `expected ${describeExpected(schema)}, got ${describeValue(value)}`,
  };
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    out.hint = `write the number without quotes: ${value.trim()}`;
  }
  return out;
}

function wrongValue(path: Segment[], values: readonly unknown[], value: unknown): LocatedIssue {
  const allowed = values.map((v) => '`' + String(v) + '`').join(', ');
  const out: LocatedIssue = {
    path,
    at: 'value',
    message: values.length === 1
      ? `expected ${allowed}, got ${describeValue(value)}`
      : `expected one of ${allowed}, got ${describeValue(value)}`,
  };
  const near = typeof value === 'string' ? closest(value, values.map(String)) : null;
  if (near !== null) out.hint = `did you mean \`${near}\`?`;
  return out;
}

/** A mapping key that fails the key schema (a var name, say). */
function badKey(path: Segment[], inner: readonly Issue[]): LocatedIssue {
  const key = String(path[path.length - 1]);
  const reason = inner.map((i) => i.message).find((m) => !/^Invalid\b/.test(m));
  return {
    path,
    at: 'key',
    message: `\`${key}\` is not allowed as a name here` + (reason ? `: ${lowerFirst(reason)}` : ''),
  };
}

function unknownKey(path: Segment[], key: string, allowed: string[]): LocatedIssue {
  const near = closest(key, allowed);
  const out: LocatedIssue = { path: [...path, key], at: 'key', message: `unknown key \`${key}\`` };
  if (near !== null) out.hint = `did you mean \`${near}\`?`;
  else if (allowed.length > 0) out.hint = `allowed keys here: ${allowed.join(', ')}`;
  return out;
}

function badUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: Segment[],
  root: z.ZodType,
  data: unknown,
  value: unknown,
): LocatedIssue[] {
  const extra = issue as { discriminator?: string; note?: string };
  const discriminator = extra.discriminator;
  if (discriminator !== undefined || extra.note === 'No matching discriminator') {
    return [badKind(issue, path, root, data, value, discriminator)];
  }
  const branch = bestBranch(issue.errors);
  if (branch) return branch.flatMap((i) => explainIssue(i, path, root, data));
  const schema = schemaAt(root, data, path);
  return [value === undefined ? missingKey(path, schema) : wrongType(path, schema, value)];
}

function badKind(
  issue: z.core.$ZodIssueInvalidUnion,
  path: Segment[],
  root: z.ZodType,
  data: unknown,
  value: unknown,
  discriminator = String(path[path.length - 1]),
): LocatedIssue {
  const options = (issue as { options?: unknown[] }).options;
  const parent = path[path.length - 1] === discriminator ? path.slice(0, -1) : path;
  const kinds = options?.map(String) ?? unionKinds(schemaAt(root, data, parent), discriminator);
  const listed = kinds.map((k) => '`' + k + '`').join(', ');
  const keyPath = [...parent, discriminator];
  const actual = valueAt(data, keyPath);
  if (actual === undefined) {
    return {
      path: keyPath,
      at: 'missing',
      message: `missing \`${discriminator}\`: say which kind this is (one of ${listed})`,
      hint: `add \`${discriminator}: ${kinds[0] ?? '...'}\``,
    };
  }
  const near = typeof actual === 'string' ? closest(actual, kinds) : null;
  const out: LocatedIssue = {
    path: keyPath,
    at: 'value',
    message: `unknown ${discriminator} ${describeValue(actual)}; expected one of ${listed}`,
  };
  if (near !== null) out.hint = `did you mean \`${near}\`?`;
  void value;
  return out;
}

/**
 * Of a plain union's failed branches, the one the author most likely meant:
 * a branch whose top-level type matched, with the fewest issues. Null when
 * every branch failed on the type itself.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const failsOnType = (i: Issue) =>
    i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
  const typed = branches.filter((b) => !b.some(failsOnType));
  if (typed.length === 0) return null;
  return typed.reduce((best, b) => (b.length < best.length ? b : best));
}

type SizeIssue = z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig;

function sizeMessage(issue: SizeIssue): { message: string } {
  const small = issue.code === 'too_small';
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const origin = issue.origin;
  if (origin === 'string') {
    if (small && limit === 1) return { message: 'must not be empty' };
    return { message: `must be ${small ? 'at least' : 'at most'} ${limit} characters long` };
  }
  if (origin === 'array' || origin === 'set') {
    if (small && limit === 1) return { message: 'needs at least one entry' };
    return { message: `needs ${small ? 'at least' : 'at most'} ${limit} entries` };
  }
  const word = small
    ? (inclusive ? 'at least' : 'greater than')
    : (inclusive ? 'at most' : 'less than');
  return { message: `must be ${word} ${limit}` };
}

function where(path: Segment[]): string {
  return path.length === 0 ? ' at the top level' : ` under \`${humanPath(path)}\``;
}

/** `timeline[2].parent` */
export function humanPath(path: readonly Segment[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (!current || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<Segment, unknown>)[segment];
  }
  return current;
}

function toSegment(key: PropertyKey): Segment {
  return typeof key === 'number' ? key : String(key);
}


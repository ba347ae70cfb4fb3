/**
 * Phrases for what a field expects and what the author wrote, so messages
 * read "expected a port number (1-65535), got \"ssh\"" instead of zod's
 * "expected number, received string".
 */
import { defOf, literalValues, unwrap } from './schema-walk';

interface Bounds {
  min?: number;
  max?: number;
  int: boolean;
  /** The lower bound itself is not allowed (non-integer "greater than"). */
  exclusiveMin?: boolean;
  format?: string;
}

/** Numeric or length bounds read from a schema's checks. */
export function boundsOf(schema: unknown): Bounds {
  const def = defOf(unwrap(schema));
  const bounds: Bounds = { int: false };
  if (typeof def?.format === 'string') bounds.format = def.format;
  if (def?.type === 'number' && String(def.format ?? '').includes('int')) bounds.int = true;
  for (const check of (def?.checks as unknown[] | undefined) ?? []) {
    const c = defOf(check) as unknown as Record<string, unknown> | null;
    if (!c) continue;
    const value = c.value as number;
    if (c.check === 'number_format') bounds.int = String(c.format).includes('int');
    if (c.check === 'greater_than') {
      bounds.min = value;
      bounds.exclusiveMin = !c.inclusive;
    }
    if (c.check === 'less_than') bounds.max = c.inclusive ? value : value - 1;
    if (c.check === 'min_length') bounds.min = c.minimum as number;
    if (c.check === 'max_length') bounds.max = c.maximum as number;
    if (c.check === 'length_equals') bounds.min = bounds.max = c.length as number;
    if (c.check === 'string_format') bounds.format = String(c.format);
  }
  return bounds;
}

/** "a port number (1-65535)", "one of `a`, `b`", "a list", ... */
export function describeExpected(schema: unknown, depth = 0): string {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (!def || depth > 4) return 'a valid value';
  const literals = literalValues(inner);
  if (literals.length > 0) return oneOf(literals);
  switch (def.type) {
    case 'string':
      return describeString(inner);
    case 'number':
    case 'int':
      return describeNumber(inner);
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'nothing (null)';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value)';
    case 'union': {
      const parts = (def.options as unknown[]).map((o) => describeExpected(o, depth + 1));
      return [...new Set(parts)].join(' or ');
    }
    default:
      return 'a valid value';
  }
}

function describeNumber(schema: unknown): string {
  const b = boundsOf(schema);
  if (b.int && b.exclusiveMin && b.min !== undefined) {
    b.min += 1;
    b.exclusiveMin = false;
  }
  if (b.int && b.min === 1 && b.max === 65535) return 'a port number (1-65535)';
  const noun = b.int ? 'a whole number' : 'a number';
  return noun + rangeText(b);
}

function rangeText(b: Bounds): string {
  if (b.exclusiveMin && b.min !== undefined) {
    return ` (greater than ${b.min}${b.max !== undefined ? `, at most ${b.max}` : ''})`;
  }
  if (b.min !== undefined && b.max !== undefined) return ` (${b.min}-${b.max})`;
  if (b.min !== undefined) return ` (at least ${b.min})`;
  if (b.max !== undefined) return ` (at most ${b.max})`;
  return '';
}

const FORMATS: Record<string, string> = {
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  cidrv4: 'an IPv4 network (address/prefix)',
  cidrv6: 'an IPv6 network (address/prefix)',
  datetime: 'a date and time (ISO 8601, e.g. 2026-03-14T09:26:53Z)',
  date: 'a date (YYYY-MM-DD)',
  duration: 'an ISO 8601 duration',
  regex: 'a text matching the expected pattern',
};

function describeString(schema: unknown): string {
  const b = boundsOf(schema);
  if (b.format && Object.hasOwn(FORMATS, b.format)) return FORMATS[b.format] ?? 'a text';
  if (b.min === 1 && b.max === undefined) return 'a non-empty text';
  return 'a text';
}

function oneOf(values: unknown[]): string {
  const shown = values.map((v) => '`' + String(v) + '`');
  if (shown.length === 1) return shown[0] ?? '';
  return 'one of ' + shown.join(', ');
}

/** What the author wrote, briefly: `"ssh"`, `22`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** A string quoted JSON-style and shortened for a one-line message. */
export function quote(text: string, max = 40): string {
  const short = text.length > max ? text.slice(0, max) + '…' : text;
  return JSON.stringify(short);
}

/**
 * Every key of the format (outside the timeline and questions blocks, which
 * their own schemas cover) carries a description for the editor's hover
 * text and the generated reference, and unknown keys are errors.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from './schema';

type Json = { [k: string]: unknown };

function walk(node: unknown, path: string, out: { undocumented: string[]; open: string[] }): void {
  if (typeof node !== 'object' || node === null) return;
  const n = node as Json;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((x) => walk(x, path, out));
  }
  if (n.items) walk(n.items, `${path}[]`, out);
  if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}.*`, out);
  if (n.type === 'object' && n.properties && n.additionalProperties !== false) out.open.push(path);
  for (const [k, v] of Object.entries((n.properties ?? {}) as Json)) {
    const p = `${path}.${k}`;
    if (p === '$.timeline' || p === '$.questions') continue;
    if (typeof (v as Json).description !== 'string') out.undocumented.push(p);
    walk(v, p, out);
  }
}

describe('the JSON Schema of the format', () => {
  const json = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7' });
  const out = { undocumented: [] as string[], open: [] as string[] };
  walk(json, '$', out);

  it('describes every key', () => expect(out.undocumented).toEqual([]));
  it('has strict objects only', () => expect(out.open).toEqual([]));
  it('does not require keys that have defaults', () => {
    const host = (json as Json).properties as Json;
    expect((json as Json).required).toEqual([
      'format',
      'id',
      'title',
      'summary',
      'difficulty',
      'estimated_minutes',
      'briefing',
      'clock',
      'host',
    ]);
    expect(host.trainee).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TIMELINE_KINDS, timelineEntrySchema } from './schema-timeline';

describe('timelineEntrySchema', () => {
  const js = z.toJSONSchema(timelineEntrySchema, { io: 'input', target: 'draft-7' }) as {
    oneOf?: { properties: Record<string, { description?: string; examples?: unknown[]; const?: string }>;
      additionalProperties?: boolean }[];
  };
  const members = js.oneOf ?? [];

  it('has one strict member per kind', () => {
    expect(members.map((m) => m.properties.kind!.const)).toEqual([...TIMELINE_KINDS]);
    expect(members.every((m) => m.additionalProperties === false)).toBe(true);
  });

  it('documents every field with a description and examples', () => {
    const missing = members.flatMap((m) => Object.entries(m.properties)
      .filter(([, v]) => !v.description || !v.examples).map(([k]) => `${m.properties.kind!.const}.${k}`));
    expect(missing).toEqual([]);
  });

  it('fills defaults and rejects misspelt keys', () => {
    const ok = timelineEntrySchema.parse({ id: 'b', kind: 'beacon', at: '-2h', user: 'deploy', to: '198.51.100.23:443' });
    expect(ok).toMatchObject({ interval: '60s', jitter: '5s', via: 'cron', tool: 'curl', protocol: 'https' });
    const bad = timelineEntrySchema.safeParse({ id: 'b', kind: 'beacon', at: '-2h', user: 'deploy',
      to: '198.51.100.23:443', intervall: '60s' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['intervall'] });
  });
});

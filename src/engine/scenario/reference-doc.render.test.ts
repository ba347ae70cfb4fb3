import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderReferenceDoc } from './reference-doc';

const schema = z.toJSONSchema(
  z.strictObject({
    title: z.string().min(1).max(80).meta({ description: 'Shown in | the catalog.', examples: ['Demo'] }),
    port: z.number().int().min(1).max(65535).default(22).meta({ description: 'A port.' }),
    events: z.array(z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('beacon'), every: z.string().meta({ description: 'Period.' }) }),
      z.strictObject({ kind: z.literal('exfil'), bytes: z.number().meta({ description: 'Size.' }) }),
    ])).min(1).meta({ description: 'What happens.' }),
  }),
  { io: 'input', target: 'draft-7' },
) as Record<string, unknown>;

describe('renderReferenceDoc', () => {
  const doc = renderReferenceDoc(schema);

  it('lists the sections with links', () => {
    expect(doc).toContain([
      '- [Top level](#top-level)',
      '- [`events[]` (kind: beacon)](#events-kind-beacon)',
      '- [`events[]` (kind: exfil)](#events-kind-exfil)',
    ].join('\n'));
  });

  it('renders each key with type, required, default, description and example', () => {
    expect(doc).toContain([
      '| `title` | string (1-80 characters) | yes |  | Shown in \\| the catalog. | `Demo` |',
      '| `port` | integer (1-65535) | no | `22` | A port. |  |',
      '| `events` | list of mapping, by kind ([see below](#events-kind-beacon)) (at least 1)'
        + ' | yes |  | What happens. |  |',
    ].join('\n'));
  });

  it('renders one section per kind of a discriminated union', () => {
    expect(doc).toContain([
      '## `events[]` (kind: exfil)',
      '',
      '| Key | Type | Required | Default | Description | Example |',
      '| --- | --- | --- | --- | --- | --- |',
      '| `kind` | `exfil` | yes |  |  |  |',
      '| `bytes` | number | yes |  | Size. |  |',
    ].join('\n'));
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GOOD, brief, only } from '../../../test/unit/scenario-stand-in';
import { createScenarioLoader } from './load';
import type { CompiledScenario } from './types';

describe('loadScenario: semantic problems from the compiler', () => {
  it('points an unknown id reference at the reference', () => {
    expect(only(GOOD.replace('parent: login', 'parent: logn'))).toBe(
      '16:13-16:17 unknown id `logn` | known ids: login, c2',
    );
  });

  it('points a duplicate id at the second one', () => {
    expect(only(GOOD.replace('id: c2', 'id: login').replace('parent: login', 'parent: c2'))).toBe([
      '14:9-14:14 duplicate id `login`',
      '16:13-16:15 unknown id `c2` | known ids: login',
    ].join('\n'));
  });

  it('points an event outside the timeline at its time', () => {
    expect(only(GOOD.replace('at: 60', 'at: 99999'))).toBe(
      '15:9-15:14 event after the end of the timeline',
    );
  });

  it('points an issue on a defaulted (absent) key at the nearest written node', () => {
    const loader = createScenarioLoader({
      schema: z.object({ a: z.object({ b: z.number().default(1) }) }),
      resolveVars: (raw) => ({ value: raw, issues: [] }),
      compile: () => ({ ok: false, issues: [{ path: ['a', 'b'], message: 'b is wrong' }] }),
    });
    const result = loader('x: 1\na:\n  c: 2\n');
    expect(result.ok ? [] : result.diagnostics.map(brief)).toEqual(['2:1-2:2 b is wrong']);
  });

  it('returns compiler warnings with a good scenario', () => {
    const loader = createScenarioLoader({
      schema: z.looseObject({ title: z.string() }),
      resolveVars: (raw) => ({ value: raw, issues: [] }),
      compile: (doc) => ({
        ok: true,
        scenario: { meta: { title: doc.title } } as unknown as CompiledScenario,
        issues: [{ path: ['title'], message: 'a long title', severity: 'warning' }],
      }),
    });
    const result = loader('title: Hello\n');
    expect(result.ok && result.warnings.map(brief)).toEqual(['1:8-1:13 a long title']);
  });

  it('turns an exception anywhere in the pipeline into one diagnostic', () => {
    const loader = createScenarioLoader({
      schema: z.looseObject({}),
      resolveVars: () => {
        throw new TypeError('boom');
      },
      compile: () => ({ ok: false, issues: [] }),
    });
    const result = loader('a: 1\n', { fileName: 'x.yaml' });
    expect(result.ok ? [] : result.diagnostics.map(brief)).toEqual([
      '1:1-1:1 the scenario loader failed on x.yaml: boom'
      + ' | this is a bug in Outbound, not in your file; please report it with the file',
    ]);
  });
});

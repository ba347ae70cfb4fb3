/** The scenario sketched in the README must stay a valid scenario. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/scenario/load';

describe('the README', () => {
  it('shows a scenario that loads without diagnostics', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const result = loadScenario(block!, { fileName: 'README.md' });
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
  });
});

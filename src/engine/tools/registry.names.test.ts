import { describe, expect, it } from 'vitest';
import { toolEntry, tools } from './registry';

describe('the registry of simulated programs', () => {
  it('loads, for each name, the tool of that name', async () => {
    const loaded = await Promise.all(tools.map((t) => t.load()));
    expect(loaded.map((t) => t.name)).toEqual(tools.map((t) => t.name));
  });

  it('names each program once', () => {
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
  });

  it('loads a module once, whichever of its programs asks first', async () => {
    const [a, b] = await Promise.all([toolEntry('ss')!.load(), toolEntry('ss')!.load()]);
    expect(a).toBe(b);
    expect(toolEntry('no-such-program')).toBeUndefined();
  });
});

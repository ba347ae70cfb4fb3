import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

describe('Tab completion of command names', () => {
  it('offers watch, less and more, and tail once', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.complete('wat', 3)).toEqual({ start: 0, candidates: ['watch'] });
    expect(await s.complete('sudo les', 8)).toEqual({ start: 5, candidates: ['less'] });
    expect(await s.complete('ls | mor', 8)).toEqual({ start: 5, candidates: ['more'] });
    expect(await s.complete('tai', 3)).toEqual({ start: 0, candidates: ['tail'] });
  });
});

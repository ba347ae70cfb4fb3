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

  it("completes the shell programs' options from their tables", async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.complete('tail --f', 8)).toEqual({ start: 5, candidates: ['--follow'] });
    expect(await s.complete('watch --i', 9)).toEqual({ start: 6, candidates: ['--interval'] });
    expect(await s.complete('sudo tail -', 11)).toEqual({
      start: 10,
      candidates: [
        '-F', '-c', '-f', '-n', '-q', '-s', '-v', '-z', '--bytes', '--follow', '--lines',
        '--max-unchanged-stats', '--pid', '--quiet', '--retry', '--silent', '--sleep-interval',
        '--verbose', '--zero-terminated',
      ].sort(),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

describe('Tab completion of quoted and escaped words', () => {
  it("completes a name with a space typed with a backslash or inside a quote", async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec("mkdir -p /tmp/q && touch '/tmp/q/my notes' '/tmp/q/it'\\''s' && cd /tmp/q");
    expect(await s.complete('cat my\\ n', 9)).toEqual({ start: 4, candidates: ['my notes'] });
    expect(await s.complete("cat 'my n", 9)).toEqual({ start: 4, candidates: ['my notes'] });
    expect(await s.complete('cat "my', 7)).toEqual({ start: 4, candidates: ['my notes'] });
    expect(await s.complete("cat it\\'", 8)).toEqual({ start: 4, candidates: ["it's"] });
    expect(await s.complete('cat /tmp/q/my\\ ', 15)).toEqual({ start: 4, candidates: ['/tmp/q/my notes'] });
  });
});

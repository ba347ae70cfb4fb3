import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadWithin } from './load-bounded.fixture';

const FLAGSHIP = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe('a beacon paced by nothing', () => {
  it('is refused at its interval instead of hanging the loader', async () => {
    const text = FLAGSHIP.replace('    interval: 60s\n', '    interval: 0s\n');
    expect(text).not.toBe(FLAGSHIP);
    expect(await loadWithin(text, 15_000)).toEqual([
      '169:15-169:17 interval: 0s is shorter than a second'
      + ' | write the time between check-ins, 1s or more, like 60s',
    ]);
  }, 30_000);
});

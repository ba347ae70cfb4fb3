import { describe, expect, it } from 'vitest';
import { createLabSession } from '../../engine/session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { quoteAs } from './completion';

describe('quoteAs against the lab shell', () => {
  it('inserts names the shell reads back as they are, quoted or not', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const names = ['my notes', "it's", 'a$b"c', '~odd', 'a b$c&(d)*?[e]!#f;g|h<i>"j\'k`l{m}', 'x\\y'];
    for (const name of names) {
      for (const open of [undefined, "'", '"'] as const) {
        const line = `printf '%s\\n' ${open ?? ''}${quoteAs(name, open, true)}${open ?? ''}`;
        expect((await s.exec(line)).stdout, line).toBe(`${name}\n`);
      }
    }
  });
});

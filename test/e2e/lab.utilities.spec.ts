import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadScenario } from '../../src/engine/scenario/load';
import { createLabSession } from '../../src/engine/session/session';
import type { LabSession } from '../../src/engine/session/types';
import { FLAGSHIP, openLab, run } from './helpers';

/**
 * The shell's text utilities are code-split chunks the worker loads on first
 * use. Each pipeline here needs at least one of them, and must print in the
 * browser exactly what the same engine prints in Node for the same seed.
 * None of them reads the clock, so the two runs agree whatever the time.
 */
const PIPELINES = [
  "awk -F: '$3 >= 1000 && $3 < 65534 {print $1, $7}' /etc/passwd | sort",
  "sed -n '1,3p' /etc/hosts",
  'cut -d: -f1,7 /etc/passwd | grep -c bash',
  "printf '%s\\n' b a c a b a | sort | uniq -c | sort -rn",
  "seq 1 5 | tac | tr '\\n' ' '; echo",
  'echo $((6 * 7)) | xargs -I X echo answer=X',
  'find /etc/cron.d -type f | sort',
  'head -c 200 /etc/passwd | wc -c',
  'file /etc/hosts',
];

test.describe.configure({ mode: 'serial' });

let page: Page;
let node: LabSession;

test.beforeAll(async ({ browser }) => {
  const text = readFileSync(`scenarios/${FLAGSHIP}.yaml`, 'utf8');
  const loaded = loadScenario(text, { seed: 7, fileName: `${FLAGSHIP}.yaml` });
  if (!loaded.ok) throw new Error('the flagship does not load');
  node = createLabSession({ scenario: loaded.scenario });
  page = await browser.newPage();
  await openLab(page);
});

test.afterAll(async () => {
  await page.close();
});

for (const line of PIPELINES) {
  test(`${line} prints what the engine prints`, async () => {
    const expected = await node.exec(line);
    expect(expected.exitCode).toBe(0);
    const shown = await run(page, line);
    expect(shown).toBe(expected.stdout.replace(/\n$/, ''));
  });
}

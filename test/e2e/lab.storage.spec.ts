import { expect, test } from '@playwright/test';
import { FLAGSHIP, openLab, run, waitReady } from './helpers';

const KEY = `outbound.lab.v1.${FLAGSHIP}.7`;

const CORRUPT = [
  '{"version":1,',
  '{"version":1,"scenarioId":"x","events":"nope"}',
  '{"version":99}',
  JSON.stringify({
    version: 1, scenarioId: FLAGSHIP, seed: 7, savedAt: 0, clock: { now: 0, speed: 1 },
    events: [{ type: 'command' }], transcript: [],
  }),
  // Numbers out of range: once these hung "Starting the simulated host…" or printed NaN.
  ...[
    { clock: { now: 0, speed: 1 }, events: [{ type: 'clock', at: 1e300, wall: 1e300, speed: 1e300 }] },
    { clock: { now: 8.64e15 + 1, speed: 1 }, events: [] },
    { clock: { now: 0, speed: 1e12 }, events: [] },
    { clock: { now: 0, speed: 1 }, events: [{ type: 'command', at: 1e15, line: 'id', exitCode: 0, output: '' }] },
    { clock: { now: Date.UTC(2026, 11, 4), speed: 1 }, events: [{ type: 'command', at: 1e15, line: 'id', exitCode: 0, output: '' }] },
  ].map((bad) => JSON.stringify({ version: 1, scenarioId: FLAGSHIP, seed: 7, savedAt: 0, transcript: [], ...bad })),
];

test('a corrupt save gives a message and a fresh session, never an exception', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page saves on the way out, so the bad value is planted as the next page starts.
  await page.addInitScript((key) => {
    const planted = sessionStorage.getItem('plant');
    if (planted !== null) {
      localStorage.setItem(key, planted);
      sessionStorage.removeItem('plant');
    }
  }, KEY);
  await openLab(page);
  for (const value of CORRUPT) {
    await page.evaluate((text) => sessionStorage.setItem('plant', text), value);
    await page.reload();
    await waitReady(page);
    await expect(page.getByRole('alert')).toContainText('could not be read');
    await page.locator('.xterm-helper-textarea').focus();
    expect(await run(page, 'echo fresh')).toBe('fresh');
  }
  expect(errors).toEqual([]);
});

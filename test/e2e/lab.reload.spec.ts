/**
 * Reloading the page while a command runs (tail -f at x60) keeps that
 * command: after the reload it is on the screen with what it streamed and
 * ^C, in the history, and in the saved event log, as if Ctrl-C had stopped
 * it at the moment of the reload.
 */
import { expect, test } from '@playwright/test';
import { FLAGSHIP, openLab, run, screen, waitReady } from './helpers';

const LINE = 'tail -n 0 -f /var/log/auth.log';
const CRON = / CRON\[\d+\]: pam_unix\(cron:session\)/;

test('a command running at a reload comes back as interrupted', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Clock speed x60' }).click();
  await page.locator('.xterm-helper-textarea').focus();
  await run(page, 'echo before');
  const before = await screen(page);
  await page.keyboard.type(LINE);
  await page.keyboard.press('Enter');
  const streamed = async () => (await screen(page)).slice(before.length).split('\n').slice(1);
  await expect.poll(async () => (await streamed()).some((l) => CRON.test(l)), { timeout: 15_000 }).toBe(true);
  expect(await page.evaluate(() => window.__outbound?.busy())).toBe(true);
  const shown = (await streamed()).filter((l) => l.includes(' web01 '));

  await page.reload();
  await waitReady(page);
  const after = (await screen(page)).split('\n');
  const at = after.findIndex((l) => l.endsWith(`$ ${LINE}`));
  expect(at, after.join('\n')).toBeGreaterThan(0);
  // What had streamed, then ^C on its own line, then the prompt.
  const rest = after.slice(at + 1);
  expect(rest.slice(0, shown.length)).toEqual(shown);
  expect(rest.slice(shown.length)).toEqual(['^C', expect.stringMatching(/\$ $/)]);

  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe(LINE);
  await page.keyboard.press('Control+U');
  expect((await run(page, 'history')).split('\n').slice(-3).map((l) => l.replace(/^\s*\d+\s+/, '')))
    .toEqual(['echo before', LINE, 'history']);
  const log = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').events, `outbound.lab.v1.${FLAGSHIP}.7`);
  const commands = (log as { type: string; line?: string; exitCode?: number }[]).filter((e) => e.type === 'command');
  expect(commands.map((c) => [c.line, c.exitCode])).toEqual([['echo before', 0], [LINE, 130], ['history', 0]]);
});

import { expect, test, type Page } from '@playwright/test';
import { openLab, run, screen, waitReady } from './helpers';

/**
 * tail -f streams: the lines the timeline writes appear while the command
 * runs (the clock at x60, so the beacon's cron minute comes quickly), and
 * Ctrl-C ends it with the terminal still working.
 */
test('tail -f shows new log lines as they are written, until Ctrl-C', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Clock speed x60' }).click();
  await page.locator('.xterm-helper-textarea').focus();
  const before = await screen(page);
  await page.keyboard.type('tail -n 0 -f /var/log/auth.log');
  await page.keyboard.press('Enter');
  const streamed = async () => (await screen(page)).slice(before.length).split('\n').slice(1);
  await expect.poll(async () => (await streamed()).some((l) => / CRON\[\d+\]: pam_unix\(cron:session\)/.test(l)),
    { timeout: 15_000 }).toBe(true);
  expect(await page.evaluate(() => window.__outbound?.busy())).toBe(true);
  await page.keyboard.press('Control+C');
  await waitReady(page);
  const shown = (await streamed()).filter((l) => l.includes(' web01 '));
  expect(shown.length).toBeGreaterThan(0);
  // Every line that streamed is a line of the file, whole.
  const file = new Set((await run(page, 'cat /var/log/auth.log')).split('\n'));
  for (const line of shown) expect(file, line).toContain(line.replace(/\^C$/, ''));
  expect(await run(page, 'echo still here')).toBe('still here');
});

/** The rows xterm shows (the viewport), top to bottom. */
const viewport = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('.xterm-rows > div'), (d) => (d.textContent ?? '').trimEnd()));

test('watch draws each run on a fresh screen, and Ctrl-C gives the prompt back', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Clock speed x60' }).click();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type("watch -n 5 'ss -tn'");
  await page.keyboard.press('Enter');
  const header = /^Every 5\.0s: ss -tn\s+web01: (\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;
  const top = async () => header.exec((await viewport(page))[0] ?? '')?.[1];
  await expect.poll(top, { timeout: 15_000 }).toBeTruthy();
  const first = await top();
  // A later run replaces the screen: the top row is a newer header, the table under it.
  await expect.poll(async () => { const t = await top(); return t !== undefined && t !== first; }, { timeout: 15_000 }).toBe(true);
  const rows = await viewport(page);
  expect(rows[1]).toBe('');
  expect(rows[2]).toMatch(/^State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port/);
  await page.keyboard.press('Control+C');
  await waitReady(page);
  expect(await run(page, 'echo still here')).toBe('still here');
});

/**
 * Tab completion in the browser quotes what it inserts, and the shell reads
 * the completed word back as the file's name.
 */
import { expect, test, type Page } from '@playwright/test';
import { openLab, run } from './helpers';

const line = (page: Page) => page.evaluate(() => window.__outbound?.line());

test('a name with a space completes escaped, or inside the quote opened', async ({ page }) => {
  await openLab(page);
  await run(page, "mkdir -p /tmp/q && cd /tmp/q && echo hello > 'my notes'");
  await page.keyboard.type('cat my');
  await page.keyboard.press('Tab');
  await expect.poll(() => line(page)).toBe('cat my\\ notes ');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__outbound?.text() ?? '')).toMatch(/cat my\\ notes \nhello\n/);
  await page.keyboard.press('Control+U');
  await page.keyboard.type("wc -c 'my");
  await page.keyboard.press('Tab');
  await expect.poll(() => line(page)).toBe("wc -c 'my notes' ");
  await page.keyboard.press('Control+U');
  expect(await run(page, "wc -c 'my notes'")).toBe('6 my notes');
});

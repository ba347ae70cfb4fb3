import { expect, test } from '@playwright/test';
import { openLab, run } from './helpers';

test('the terminal refits when the window is resized', async ({ page }) => {
  await openLab(page);
  const wide = await page.evaluate(() => window.__outbound!.cols());
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => page.evaluate(() => window.__outbound!.cols())).toBeLessThan(wide);
  const narrow = await page.evaluate(() => window.__outbound!.cols());
  // The prompt still works, and a long line wraps at the new width.
  const long = `echo ${'x'.repeat(narrow + 10)}`;
  expect(await run(page, long)).toBe('x'.repeat(narrow + 10));
  await page.setViewportSize({ width: 1400, height: 800 });
  await expect.poll(() => page.evaluate(() => window.__outbound!.cols())).toBeGreaterThan(narrow);
});

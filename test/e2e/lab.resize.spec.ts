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

test('a refit redraws the line being typed with no fragments left above it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  await openLab(page);
  await page.keyboard.type('echo partial-typed');
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('echo partial-typed');
  const before = await page.evaluate(() => window.__outbound!.text());
  const cols = await page.evaluate(() => window.__outbound!.cols());
  // Narrow enough for the prompt and the line to wrap, then a window too small to fit to.
  for (const width of [260, 150, 1400]) {
    await page.setViewportSize({ width, height: 800 });
    if (width === 260) await expect.poll(() => page.evaluate(() => window.__outbound!.cols())).toBeLessThan(35);
    // Never fitted to a sliver (MIN_COLS in fit-size.ts).
    expect(await page.evaluate(() => window.__outbound!.cols())).toBeGreaterThanOrEqual(20);
  }
  await expect.poll(() => page.evaluate(() => window.__outbound!.cols())).toBe(cols);
  await expect.poll(() => page.evaluate(() => window.__outbound!.text())).toBe(before);
});

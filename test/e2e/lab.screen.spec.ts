import { expect, test } from '@playwright/test';
import { openLab, run, screen, waitReady } from './helpers';

test('output cannot clear, switch or hide the screen, live or restored', async ({ page }) => {
  await openLab(page);
  expect(await run(page, 'echo before')).toBe('before');
  expect(await run(page, "printf '\\e[?1049h\\e[2J\\e[8mafter\\n'")).toBe('after');
  expect(await run(page, 'echo visible')).toBe('visible');
  const live = await screen(page);
  expect(live).toMatch(/\nbefore\n[\s\S]*\nafter\n[\s\S]*\nvisible\n/);
  const textColour = () => page.locator('.xterm-rows span').evaluateAll((els) =>
    els.filter((e) => e.textContent?.includes('visible')).map((e) => getComputedStyle(e).color));
  expect(await page.locator('.xterm-rows .xterm-invisible').count()).toBe(0);
  await page.reload();
  await waitReady(page);
  const restored = await screen(page);
  expect(restored).toMatch(/\nbefore\n[\s\S]*\nafter\n[\s\S]*\nvisible\n/);
  expect(await page.locator('.xterm-rows .xterm-invisible').count()).toBe(0);
  expect((await textColour()).length).toBeGreaterThan(0);
});

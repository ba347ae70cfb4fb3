import { expect, test } from '@playwright/test';
import { openLab, run, screen, waitReady } from './helpers';

test('an endless loop is cut off or interrupted, and the terminal keeps working', async ({ page }) => {
  await openLab(page);
  await page.keyboard.type('while true; do :; done');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+C');
  await waitReady(page);
  expect(await screen(page)).toMatch(/while true; do :; done\n(\^C|bash: too many commands)/);
  expect(await run(page, 'echo still here')).toBe('still here');
});

test('Ctrl-C interrupts a long-running loop while typing stays live', async ({ page }) => {
  await openLab(page);
  await page.keyboard.type('while true; do sleep 1; done');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__outbound?.busy())).toBe(true);
  // Typing while the loop runs is echoed at once: the page is not frozen.
  await page.keyboard.type('xyz');
  await expect.poll(() => screen(page)).toMatch(/done\nxyz$/);
  await page.keyboard.press('Control+C');
  await waitReady(page);
  expect(await screen(page)).toMatch(/done\nxyz\^C\n\S+@\S+:~\$ $/);
  expect(await run(page, 'echo still here')).toBe('still here');
});

test('Ctrl-C at the prompt abandons the line', async ({ page }) => {
  await openLab(page);
  await page.keyboard.type('ls /nowhere');
  await page.keyboard.press('Control+C');
  await expect.poll(() => screen(page)).toMatch(/ls \/nowhere\^C\n\S+@\S+:~\$ $/);
  expect(await page.evaluate(() => window.__outbound?.line())).toBe('');
});

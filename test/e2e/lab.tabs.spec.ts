import { expect, test } from '@playwright/test';
import { FLAGSHIP, openLab, run, screen, waitReady } from './helpers';

const KEY = `outbound.lab.v1.${FLAGSHIP}.7`;
const savedLines = (text: string | null): string[] =>
  text ? (JSON.parse(text) as { transcript: { line: string }[] }).transcript.map((t) => t.line) : [];

test('the same lab in a second tab: the first stops saving and can take it back', async ({ page, context }) => {
  await openLab(page);
  await run(page, 'echo from-first');
  const second = await context.newPage();
  await openLab(second);
  await expect(second.locator('.notice')).toHaveCount(0);
  const notice = page.locator('[data-notice="other-tab"]');
  await expect(notice).toContainText('open in another tab');
  await run(second, 'echo from-second');
  // The idle first tab's periodic save (every 5 s) and its own commands no longer write.
  await page.locator('.xterm-helper-textarea').focus();
  await run(page, 'echo stale-first');
  await page.waitForTimeout(5_500);
  const saved = savedLines(await page.evaluate((key) => localStorage.getItem(key), KEY));
  expect(saved).toContain('echo from-second');
  expect(saved).not.toContain('echo stale-first');
  // "Continue here" reloads the latest save in the first tab; now the second one is told.
  await notice.getByRole('button', { name: 'Continue here' }).click();
  await waitReady(page);
  expect(await screen(page)).toContain('from-second');
  await expect(page.locator('[data-notice="other-tab"]')).toHaveCount(0);
  await expect(second.locator('[data-notice="other-tab"]')).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { openLab } from './helpers';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${el.className}|${el.closest('[data-question]')?.getAttribute('data-question') ?? ''}` : '';
  });

test('after an answer the focus is on the result, not lost to the page', async ({ page }) => {
  await openLab(page);
  // A typed answer, wrong: the form stays and the result takes the focus.
  const ip = page.locator('.questions [data-kind="ip"]').first();
  const ipId = await ip.getAttribute('data-question');
  await ip.locator('input').fill('192.0.2.254');
  await ip.locator('input').press('Enter');
  await expect(ip.locator('.answer-given')).toBeVisible();
  await expect.poll(() => focused(page)).toBe(`div.question-result|${ipId}`);
  // A choice with one try: the form goes away, the focus stays in the question.
  const choice = page.locator('[data-question="should-connect-out"]');
  await choice.locator('select').selectOption('no');
  await choice.getByRole('button', { name: 'Answer' }).click();
  await expect(choice).toHaveAttribute('data-status', 'right');
  await expect.poll(() => focused(page)).toBe('div.question-result|should-connect-out');
  // Tab goes on from there, not from the top of the page.
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toMatch(/^(body|a\.brand)/);
  // An order question.
  const order = page.locator('[data-question="sequence"]');
  await order.getByRole('button', { name: 'Answer' }).click();
  await expect.poll(() => focused(page)).toBe('div.question-result|sequence');
});

test('after Restart the focus is in the terminal', async ({ page }) => {
  await openLab(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('xterm-helper-textarea');
  await page.waitForFunction(() => window.__outbound !== undefined && !window.__outbound.busy());
  expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain('xterm-helper-textarea');
});

test('screen reader mode is remembered across a reload', async ({ page }) => {
  await openLab(page);
  const toggle = page.getByRole('checkbox', { name: 'Screen reader mode' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Screen reader mode' })).toBeChecked();
  await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(1);
});

import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

test('"Your answer" shows the latest text, even one rejected as unreadable', async ({ page }) => {
  await openLab(page);
  const q = page.locator('.questions [data-kind="ip"]').first();
  await q.locator('input').fill('192.0.2.254');
  await q.getByRole('button', { name: 'Answer' }).click();
  await expect(q.locator('.answer-given code')).toHaveText('192.0.2.254');
  const tries = await q.locator('.question-meta').textContent();
  await q.locator('input').fill('not an address');
  await q.getByRole('button', { name: 'Answer' }).click();
  await expect(q.locator('.answer-given code')).toHaveText('not an address');
  await expect(q.locator('.feedback')).not.toBeEmpty();
  await expect(q.locator('.question-meta')).toHaveText(tries!);
});

test('a containment question is a check button, nothing to type', async ({ page }) => {
  await openLab(page);
  const q = page.locator('.questions [data-question="block-c2"]');
  await expect(q.locator('input, select')).toHaveCount(0);
  const check = q.getByRole('button', { name: 'I have done it — check' });
  await expect(check).toBeEnabled();
  await check.click();
  await expect(q.locator('.feedback')).toContainText('Not yet');
  await expect(q).toHaveAttribute('data-status', 'open');
});

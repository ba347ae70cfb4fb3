import { expect, test } from '@playwright/test';
import { FLAGSHIP } from './helpers';

test('the catalog lists the flagship with its facts', async ({ page }) => {
  await page.goto('/#/');
  const card = page.locator('.card', { has: page.locator(`a[href*="${FLAGSHIP}"]`) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Difficulty');
  await expect(card).toContainText(/T\d{4}/);
  await expect(card).toContainText('Progress');
});

test('an unknown scenario id gets a clear page with a link back', async ({ page }) => {
  await page.goto('/#/lab/no-such-scenario?seed=1');
  await expect(page.getByRole('heading', { name: 'Unknown scenario' })).toBeVisible();
  await expect(page.getByText('no-such-scenario')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
});

test('a malformed route gets a page with a link back', async ({ page }) => {
  await page.goto('/#/lab/<script>');
  await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  await expect(page.locator('script:not([src])')).toHaveCount(0);
});

test('a scenario that does not validate shows its positioned errors', async ({ page }) => {
  await page.goto('/#/lab/broken-scenario?seed=1');
  await expect(page.getByRole('heading', { name: 'This scenario does not validate' })).toBeVisible();
  const first = page.locator('.diagnostic').first();
  await expect(first).toContainText(/broken-scenario\.yaml:\d+:\d+/);
});

test('a bad seed gets a notice and the address shows seed 1', async ({ page }) => {
  for (const bad of ['abc', '-1', '99999999999999999999']) {
    await page.goto(`/#/lab/ssh-reverse-shell-beacon-exfil?seed=${bad}`);
    await expect(page.locator('[data-notice="seed"] .notice-text')).toHaveText(
      `The seed "${bad}" is not a whole number from 0 to 999999999; the lab opened with seed 1.`);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/lab/ssh-reverse-shell-beacon-exfil?seed=1');
    await expect(page.locator('.meta-line')).toContainText('seed 1');
  }
});

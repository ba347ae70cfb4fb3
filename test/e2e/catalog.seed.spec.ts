import { expect, test } from '@playwright/test';
import { FLAGSHIP, openLab, run } from './helpers';

test('a catalog card links to the seed whose progress it shows', async ({ page }) => {
  await openLab(page, FLAGSHIP, 7);
  await run(page, 'id');
  await page.goto('/#/');
  const card = page.locator('.card', { has: page.locator(`a[href*="${FLAGSHIP}"]`) });
  await expect(card).toContainText('Progress');
  await expect(card.getByTestId('card-seed')).toHaveText('7');
  await expect(card.locator('h2 a')).toHaveAttribute('href', `#/lab/${FLAGSHIP}?seed=7`);
});

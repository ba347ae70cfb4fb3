import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

test('an order question is answered from the keyboard with move buttons', async ({ page }) => {
  await openLab(page);
  const question = page.locator('[data-question="sequence"]');
  const list = question.getByRole('list', { name: "Put the attacker's steps in the order they happened." });
  await expect(list).toBeVisible();
  const items = () => list.locator('[data-option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
  expect(await items()).toEqual(['exfil', 'beacon', 'attacker-login', 'revshell']);
  // The login goes to the top: two moves up, by keyboard.
  await question.getByRole('button', { name: 'Move up: The SSH login with a guessed password' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(question.locator('[aria-live]')).toHaveText('The SSH login with a guessed password: now 1 of 4');
  // The upload goes to the bottom: three moves down.
  await question.getByRole('button', { name: 'Move down: The upload with tar and nc' }).focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Space');
  expect(await items()).toEqual(['attacker-login', 'beacon', 'revshell', 'exfil']);
  await question.getByRole('button', { name: 'Move up: The reverse shell' }).click();
  expect(await items()).toEqual(['attacker-login', 'revshell', 'beacon', 'exfil']);
  await question.getByRole('button', { name: 'Answer' }).click();
  await expect(question).toHaveAttribute('data-status', 'right');
  await expect(question.locator('.answer-given code')).toHaveText(
    'The SSH login with a guessed password → The reverse shell → The cron job that checks in → The upload with tar and nc',
  );
});

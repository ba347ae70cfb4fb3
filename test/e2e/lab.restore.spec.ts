import { expect, test, type Page } from '@playwright/test';
import { openLab, run, screen, waitReady } from './helpers';

async function answer(page: Page, index: number, value: string): Promise<void> {
  const item = page.locator('.question').nth(index);
  await item.locator('input, select').first().fill(value);
  await item.getByRole('button', { name: 'Answer' }).click();
  await expect(item.locator('.answer-given code')).toHaveText(value);
}

/** The reverse shell's peer (address:port), read from `ss -tnp` in the terminal. */
function reverseShellPeer(ssOutput: string): string {
  // The shell holds the connection on fd 0 (tar and nc, started from it, hold it too).
  const line = ssOutput.split('\n').find((l) => /^ESTAB.*\("bash",pid=\d+,fd=0\)/.test(l));
  return line?.split(/\s+/)[4] ?? '';
}

test('answers are graded, and a reload restores the whole session', async ({ page }) => {
  await openLab(page);
  const ss = await run(page, 'sudo ss -tnp');
  await run(page, 'cd /tmp');
  const peer = reverseShellPeer(ss);
  expect(peer).toMatch(/^\d+\.\d+\.\d+\.\d+:\d+$/);

  const questions = page.locator('.question');
  await expect(questions.first()).toBeVisible();
  const prompts = await questions.locator('.question-prompt').allTextContents();
  const c2 = prompts.findIndex((p) => /reverse shell/i.test(p) && /(address|ip|where)/i.test(p));
  expect(c2, `a question about the reverse shell's address in ${JSON.stringify(prompts)}`).toBeGreaterThanOrEqual(0);
  await answer(page, c2, '192.0.2.254:4444');
  await expect(questions.nth(c2)).toHaveAttribute('data-status', 'open');
  await expect(questions.nth(c2).locator('.question-meta')).toContainText('tries left');
  await answer(page, c2, peer);
  await expect(questions.nth(c2)).toHaveAttribute('data-status', 'right');
  const score = await page.getByTestId('score').textContent();
  expect(score).not.toMatch(/^Score: 0\//);

  const before = await screen(page);
  await page.reload();
  await waitReady(page);
  await expect.poll(() => screen(page)).toBe(before);
  await expect(page.locator('.question').nth(c2)).toHaveAttribute('data-status', 'right');
  await expect(page.getByTestId('score')).toHaveText(score!);
  // The shell state came back too: the working directory and the history.
  await page.locator('.xterm-helper-textarea').focus();
  expect(await run(page, 'pwd')).toBe('/tmp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('pwd');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('cd /tmp');
});

test('Restart starts the scenario over', async ({ page }) => {
  await openLab(page, undefined, 11);
  await run(page, 'echo before-restart');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Restart' }).click();
  await waitReady(page);
  await expect.poll(() => screen(page)).not.toContain('before-restart');
  await page.reload();
  await waitReady(page);
  expect(await screen(page)).not.toContain('before-restart');
});

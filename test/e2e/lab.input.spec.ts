import { expect, test } from '@playwright/test';
import { openLab, run } from './helpers';

test("the terminal's reports never reach the command line", async ({ page }) => {
  await openLab(page);
  await run(page, "printf '\\e[c'");
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('');
  expect(await run(page, 'echo clean')).toBe('clean');
});

test('pasted C0 and C1 controls are filtered, tab and text kept', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openLab(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'echo a\x85b\x9bc\x07d\x1be');
    document.querySelector('.xterm-helper-textarea')!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('echo abcde');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__outbound?.text() ?? '')).toMatch(/\nabcde\n/);
  expect(errors).toEqual([]);
});

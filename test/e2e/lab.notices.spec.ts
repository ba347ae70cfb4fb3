import { expect, test, type Page } from '@playwright/test';
import { FLAGSHIP, labPath, openLab, run, waitReady } from './helpers';

const KEY = `outbound.lab.v1.${FLAGSHIP}.7`;

/** The terminal and the questions panel are both on screen at a usable size. */
async function expectLabUsable(page: Page): Promise<void> {
  const view = page.viewportSize()!;
  const terminal = (await page.getByTestId('terminal').boundingBox())!;
  const side = (await page.locator('.lab-side').boundingBox())!;
  expect(terminal.width).toBeGreaterThan(500);
  expect(terminal.height).toBeGreaterThan(300);
  expect(side.width).toBeGreaterThan(300);
  expect(side.x + side.width).toBeLessThanOrEqual(view.width + 1);
  expect(side.y).toBeLessThan(view.height / 2);
  // Nothing is pushed past the bottom of the window.
  expect(terminal.y + terminal.height).toBeLessThanOrEqual(view.height);
  expect(await page.evaluate(() => window.__outbound!.cols())).toBeGreaterThan(60);
  await expect(page.locator('.questions')).toBeVisible();
}

test('a notice about a corrupt save is a strip above a working lab', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('planted')) {
      localStorage.setItem(key, '{not json');
      sessionStorage.setItem('planted', '1');
    }
  }, KEY);
  await openLab(page);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('could not be read');
  expect((await notice.boundingBox())!.height).toBeLessThan(80);
  await expectLabUsable(page);
  const wide = await page.evaluate(() => window.__outbound!.cols());
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.locator('.xterm-helper-textarea').focus();
  expect(await run(page, 'echo fresh')).toBe('fresh');
  // The terminal never went through a sliver: no line of the screen is cut to a couple of columns.
  const lines = (await page.evaluate(() => window.__outbound!.text())).split('\n');
  expect(lines.filter((l) => l.length > 0 && l.length <= 2)).toEqual([]);
  expect(await page.evaluate(() => window.__outbound!.cols())).toBeGreaterThanOrEqual(wide);
});

test('a bad seed notice leaves the whole lab inside the window', async ({ page }) => {
  await page.goto(`/#/lab/${FLAGSHIP}?seed=abc`);
  await waitReady(page);
  await expect(page.locator('[data-notice="seed"]')).toContainText('is not a whole number');
  await expectLabUsable(page);
});

test('full storage gives one calm warning, not again after Dismiss, and the lab goes on', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
      if (key.startsWith('outbound.lab.')) {
        throw new DOMException("Failed to execute 'setItem' on 'Storage': exceeded the quota.", 'QuotaExceededError');
      }
      real.call(this, key, value);
    };
  });
  await openLab(page);
  expect(await run(page, 'echo one')).toBe('one'); // a save after the command
  const warning = page.locator('[data-notice="save-failed"]');
  await expect(warning).toHaveCount(1);
  await expect(warning).toHaveAttribute('role', 'status');
  await expect(warning).toContainText("can't be saved in this browser");
  await expect(warning).not.toContainText('setItem');
  await expectLabUsable(page);
  await warning.getByRole('button', { name: 'Dismiss' }).click();
  await page.locator('.xterm-helper-textarea').focus();
  expect(await run(page, 'echo two')).toBe('two');
  expect(await run(page, 'echo three')).toBe('three');
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('the lab page keeps its address with no notice on a clean open', async ({ page }) => {
  await page.goto(labPath());
  await waitReady(page);
  await expect(page.locator('.notice')).toHaveCount(0);
  await expectLabUsable(page);
});

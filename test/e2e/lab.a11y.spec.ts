import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openLab } from './helpers';

async function violations(page: Page): Promise<string[]> {
  // xterm's own scroll area is not ours to fix; its rows are drawn in the
  // terminal theme's colours (chosen for contrast) and are slow to scan.
  const result = await new AxeBuilder({ page })
    .exclude('.xterm-viewport')
    .exclude('.xterm-scrollable-element')
    .exclude('.xterm-rows')
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the lab passes axe in the dark and the light theme', async ({ page }) => {
  test.setTimeout(60_000);
  await page.addInitScript(() => {
    if (!localStorage.getItem('outbound.theme')) localStorage.setItem('outbound.theme', 'dark');
  });
  await openLab(page);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Light theme' }).click();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(await violations(page)).toEqual([]);
});

test('the catalog passes axe', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.locator('.card').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('every control is reachable from the keyboard and the reader mode toggles', async ({ page }) => {
  await openLab(page);
  const reader = page.getByLabel('Screen reader mode');
  await reader.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.xterm-accessibility-tree')).toBeAttached();
  await expect(page.locator('.question').first()).toBeVisible();
  await page.getByRole('link', { name: 'Outbound' }).focus();
  const names: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const inTerminal = await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'));
    if (inTerminal) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = (el as HTMLInputElement).labels?.[0]?.textContent;
      return el.getAttribute('aria-label') ?? label ?? (el.textContent?.trim() || el.tagName);
    }));
  }
  for (const control of ['Pause the clock', 'Clock speed x60', 'Restart', 'Terminal input', 'Briefing']) {
    expect(names.some((n) => n.includes(control)), `${control} in ${names.join(' | ')}`).toBe(true);
  }
  // The answer fields, named by their questions.
  expect(names.some((n) => n.trim().endsWith('?')), names.join(' | ')).toBe(true);
});

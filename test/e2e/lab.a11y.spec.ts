import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openLab } from './helpers';

async function violations(page: Page): Promise<string[]> {
  // xterm's own scroll area and helper textarea are not ours to fix.
  const result = await new AxeBuilder({ page }).exclude('.xterm-viewport').exclude('.xterm-scrollable-element').analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const theme of ['dark', 'light'] as const) {
  test(`the lab passes axe in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('outbound.theme', t), theme);
    await openLab(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    expect(await violations(page)).toEqual([]);
  });
}

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

import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openLab } from './helpers';
import { contain } from './response';

/** Reads what the report expects for each question (the report built before any answer). */
async function expectations(page: Page): Promise<Map<string, string>> {
  await page.getByRole('button', { name: 'Finish and see the report' }).click();
  const rows = page.getByTestId('report').locator('.report-question');
  await expect(rows.first()).toBeVisible();
  const pairs = await rows.evaluateAll((els) => els.map((el) => {
    const dd = [...el.querySelectorAll('dt')].find((dt) => dt.textContent === 'Expected')?.nextElementSibling;
    return [el.getAttribute('data-question') ?? '', dd?.textContent ?? ''] as const;
  }));
  await page.getByRole('button', { name: 'Back to the questions' }).click();
  return new Map(pairs);
}

async function order(item: Locator, want: string[]): Promise<void> {
  for (let i = 0; i < want.length; i += 1) {
    const texts = await item.locator('.order-text').allTextContents();
    for (let at = texts.indexOf(want[i]!); at > i; at -= 1) {
      await item.getByRole('button', { name: `Move up: ${want[i]}` }).click();
    }
  }
}

async function answer(page: Page, id: string, expected: string): Promise<void> {
  const item = page.locator(`[data-question="${id}"]`);
  if (await item.locator('.order-list').count()) await order(item, expected.split(' > '));
  else if (await item.locator('select').count()) await item.locator('select').selectOption({ label: expected });
  else await item.locator('input').fill(expected);
  await item.getByRole('button', { name: 'Answer' }).click();
  await expect(item).toHaveAttribute('data-status', 'right');
}

test('answering the whole case shows the report by itself and exports it as JSON', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  const want = await expectations(page);
  const all = await page.locator('.questions [data-question]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
  const checks = await page.locator('.questions [data-question][data-kind="state"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
  expect(checks.sort()).toEqual(['block-c2', 'end-c2-connections']);
  const answerable = all.filter((id) => !checks.includes(id));
  expect(answerable.length).toBeGreaterThanOrEqual(10);
  for (const id of answerable) await answer(page, id, want.get(id)!);
  await expect(page.getByTestId('report')).toHaveCount(0);
  // Contain it in the terminal, then ask for each check.
  await contain(page);
  const check = (id: string) => page.locator(`[data-question="${id}"]`)
    .getByRole('button', { name: 'I have done it — check' });
  await check('end-c2-connections').click();
  await expect(page.locator('[data-question="end-c2-connections"]')).toHaveAttribute('data-status', 'right');
  await expect(page.getByTestId('report')).toHaveCount(0);
  await check('block-c2').click();
  // The last answer brings the report up without Finish.
  const report = page.getByTestId('report');
  await expect(report.getByRole('heading', { name: 'Report' })).toBeVisible();
  for (const id of all) {
    await expect(report.locator(`[data-question="${id}"]`)).toHaveAttribute('data-status', 'right');
  }
  await expect(report.locator('.report-verdict')).toHaveAttribute('data-passed', 'true');
  const verdict = (await report.locator('.report-verdict').textContent()) ?? '';
  const score = /: (\d+) of (\d+) points \((\d+)%/.exec(verdict);
  expect(score, verdict).not.toBeNull();
  expect(score![1]).toBe(score![2]);
  expect(score![3]).toBe('100');
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('outbound-report-ssh-reverse-shell-beacon-exfil-seed7.json');
  const json = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    scenario: { id: string; seed: number };
    totals: { right: number; answered: number; points: number; max: number; percent: number };
    questions: { id: string; status: string }[];
  };
  expect(json.scenario).toMatchObject({ id: 'ssh-reverse-shell-beacon-exfil', seed: 7 });
  const right = json.questions.filter((q) => q.status === 'right').map((q) => q.id);
  expect(json.totals.right).toBe(right.length);
  expect(right.sort()).toEqual([...all].sort());
  expect(json.totals).toMatchObject({ answered: all.length, points: json.totals.max, percent: 100 });
  await expect(report.locator('.report-verdict')).toContainText(`${json.totals.right} right of ${all.length} answered`);
});

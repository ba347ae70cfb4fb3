import { expect, test } from '@playwright/test';
import { openLab, run } from './helpers';

test('the trainee route never requests Monaco', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openLab(page);
  await run(page, 'ss -tnp');
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((url) => /monaco|editor\.worker|yaml\.worker|codicon/i.test(url))).toEqual([]);
});

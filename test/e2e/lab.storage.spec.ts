import { expect, test } from '@playwright/test';
import { FLAGSHIP, openLab, run } from './helpers';

for (const [name, value] of [
  ['not JSON', '{"version":1,'],
  ['a wrong shape', '{"version":1,"scenarioId":"x","events":"nope"}'],
  ['an unknown version', '{"version":99}'],
] as const) {
  test(`a corrupt save (${name}) gives a message and a fresh session`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(
      ([key, text]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [`outbound.lab.v1.${FLAGSHIP}.7`, value] as const,
    );
    await openLab(page);
    await expect(page.getByRole('alert')).toContainText('could not be read');
    expect(await run(page, 'echo fresh')).toBe('fresh');
    expect(errors).toEqual([]);
  });
}

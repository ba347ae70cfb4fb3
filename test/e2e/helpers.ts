/**
 * Helpers for the lab's end-to-end tests: open a lab, type into the
 * terminal, and read its buffer through the test handle. Everything polls;
 * nothing sleeps.
 */
import { expect, type Page } from '@playwright/test';

export const FLAGSHIP = process.env.OUTBOUND_E2E_SCENARIO ?? 'ssh-reverse-shell-beacon-exfil';

export const labPath = (id = FLAGSHIP, seed = 7): string => `/#/lab/${id}?seed=${seed}`;

export async function screen(page: Page): Promise<string> {
  return page.evaluate(() => window.__outbound?.text() ?? '');
}

/** Waits until the prompt is shown and idle. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__outbound !== undefined && !window.__outbound.busy(), null, {
    timeout: 20_000,
  });
}

export async function openLab(page: Page, id = FLAGSHIP, seed = 7): Promise<void> {
  await page.goto(labPath(id, seed));
  await waitReady(page);
  await page.locator('.xterm-helper-textarea').focus();
}

/** Types a command, presses Enter, waits for the next prompt; returns the command's output. */
export async function run(page: Page, command: string): Promise<string> {
  const before = await screen(page);
  await page.keyboard.type(command);
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe(command);
  await page.keyboard.press('Enter');
  await waitReady(page);
  const after = await screen(page);
  const lines = after.slice(before.length).split('\n');
  // Drop the rest of the command line and the new prompt.
  return lines.slice(1, -1).join('\n');
}

/**
 * A typed key's echo reaches the terminal's DOM rows before the browser's
 * next animation frame, i.e. in the task that handled the key
 * (src/ui/terminal/render-now.ts). Without it xterm draws the echo in its own
 * frame callback, which runs after the counter below has ticked.
 */
import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

interface EchoProbe {
  frames: number;
  /** For each keystroke: whether its echo was in the rows before a frame ran. */
  beforeFrame: boolean[];
}

declare global {
  interface Window {
    __echoProbe?: EchoProbe;
  }
}

test('the echo of a typed key is drawn before the next frame', async ({ page }) => {
  await openLab(page);
  await page.evaluate(() => {
    const probe: EchoProbe = { frames: 0, beforeFrame: [] };
    window.__echoProbe = probe;
    // Registered long before any key: in a frame, this callback runs ahead of
    // the one xterm requests while handling the key.
    const tick = () => {
      probe.frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const rows = document.querySelector('.xterm-rows')!;
    document.addEventListener('keydown', () => {
      const frameAtKey = probe.frames;
      const before = rows.textContent;
      const observer = new MutationObserver(() => {
        if (rows.textContent === before) return;
        observer.disconnect();
        probe.beforeFrame.push(probe.frames === frameAtKey);
      });
      observer.observe(rows, { subtree: true, childList: true, characterData: true });
    }, true);
  });

  const keys = ['e', 'c', 'h', 'o', 'Space', 'x', 'Backspace', 'y'];
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await expect.poll(() => page.evaluate(() => window.__echoProbe!.beforeFrame.length)).toBe(i + 1);
  }
  await expect.poll(() => page.evaluate(() => window.__outbound?.line())).toBe('echo y');
  const beforeFrame = await page.evaluate(() => window.__echoProbe!.beforeFrame);
  expect(beforeFrame).toEqual(keys.map(() => true));
});

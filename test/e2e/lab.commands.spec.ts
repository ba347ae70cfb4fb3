import { expect, test } from '@playwright/test';
import { openLab, run, screen } from './helpers';

test.describe('the flagship lab answers real commands', () => {
  test.beforeEach(async ({ page }) => {
    await openLab(page);
  });

  test('ss -tnp shows the reverse shell', async ({ page }) => {
    const out = await run(page, 'ss -tnp');
    expect(out).toMatch(/^State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port\s+Process/m);
    expect(out).toMatch(/^ESTAB\s+\d+\s+\d+\s+\S+:\d+\s+\S+:\d+\s+users:\(\("bash",pid=\d+,fd=\d+\)/m);
    expect(await screen(page)).toMatch(/\$ ss -tnp\n/);
  });

  test('ip -br a lists the interfaces', async ({ page }) => {
    const out = await run(page, 'ip -br a');
    expect(out).toMatch(/^lo\s+UNKNOWN\s+127\.0\.0\.1\/8 ::1\/128\s*$/m);
    expect(out).toMatch(/^eth0\S*\s+UP\s+\d+\.\d+\.\d+\.\d+\/\d+/m);
  });

  test('ps auxf | grep bash finds the shells', async ({ page }) => {
    const out = await run(page, 'ps auxf | grep bash');
    const lines = out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain('bash');
    expect(out).toMatch(/^\S+\s+\d+\s+\d+\.\d\s+\d+\.\d\s+\d+\s+\d+\s+\S+\s+\S+\s+\S+\s+\d+:\d\d\s.*bash -i/m);
  });

  test('Tab completes commands and paths, and lists the ambiguous ones', async ({ page }) => {
    const line = () => page.evaluate(() => window.__outbound?.line());
    await page.keyboard.type('whic');
    await page.keyboard.press('Tab');
    await expect.poll(line).toBe('which ');
    await page.keyboard.press('Control+U');
    await page.keyboard.type('cat /etc/passw');
    await page.keyboard.press('Tab');
    await expect.poll(line).toBe('cat /etc/passwd ');
    await page.keyboard.press('Control+U');
    await page.keyboard.type('cat /etc/host');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => screen(page)).toMatch(/\nhostname\s+hosts\n\S+@\S+:~\$ cat \/etc\/host$/);
  });
});

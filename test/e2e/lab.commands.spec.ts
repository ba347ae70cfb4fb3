import { expect, test, type Page } from '@playwright/test';
import { openLab, run, screen } from './helpers';

// One lab for the whole file: each test types into the same terminal.
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await openLab(page);
});

test.afterAll(async () => {
  await page.close();
});

const ESTAB = /^ESTAB\s+\d+\s+\d+\s+10\.10\.0\.5:\d+\s+(\d+\.\d+\.\d+\.\d+):(\d+)\s*(.*)$/gm;

test('ss -tnp shows the outbound connections, and with sudo the reverse shell', async () => {
  const out = await run(page, 'ss -tnp');
  expect(out).toMatch(/^State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port\s+Process/m);
  const peers = [...out.matchAll(ESTAB)].map((m) => `${m[1]}:${m[2]}`);
  expect(peers.length).toBeGreaterThan(1);
  expect(await screen(page)).toContain('$ ss -tnp\n');

  const root = await run(page, 'sudo ss -tnp');
  // The shell's fd 0 is the connection (tar and nc, started from it, hold it too).
  const shell = [...root.matchAll(ESTAB)].find((m) => /\("bash",pid=\d+,fd=0\)/.test(m[3]!));
  expect(shell, root).toBeDefined();
  expect(peers).toContain(`${shell![1]}:${shell![2]}`);
});

test('ip -br a lists the interfaces', async () => {
  const out = await run(page, 'ip -br a');
  expect(out).toMatch(/^lo\s+UNKNOWN\s+127\.0\.0\.1\/8 ::1\/128\s*$/m);
  expect(out).toMatch(/^eth0\S*\s+UP\s+10\.10\.0\.5\/24/m);
});

test('ps auxf | grep bash finds the shells', async () => {
  const out = await run(page, 'ps auxf | grep bash');
  const lines = out.split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) expect(line).toContain('bash');
  expect(out).toMatch(/^\S+\s+\d+\s+\d+\.\d\s+\d+\.\d\s+\d+\s+\d+\s+\S+\s+\S+\s+\S+\s+\d+:\d\d\s.*bash -i/m);
});

test('Tab completes commands and paths, and lists the ambiguous ones', async () => {
  const line = () => page.evaluate(() => window.__outbound?.line());
  await page.keyboard.type('ipt');
  await page.keyboard.press('Tab');
  await expect.poll(line).toMatch(/^iptables/);
  await page.keyboard.press('Control+U');
  await page.keyboard.type('cat /etc/passw');
  await page.keyboard.press('Tab');
  await expect.poll(line).toBe('cat /etc/passwd ');
  await page.keyboard.press('Control+U');
  await page.keyboard.type('cat /etc/host');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => screen(page)).toMatch(/\nhostname\s+hosts\n\S+@\S+:~\$ cat \/etc\/host$/);
  await page.keyboard.press('Control+U');
});

test('history, reverse search and line editing keys', async () => {
  const line = () => page.evaluate(() => window.__outbound?.line());
  await page.keyboard.press('ArrowUp');
  await expect.poll(line).toBe('ps auxf | grep bash');
  await page.keyboard.press('ArrowUp');
  await expect.poll(line).toBe('ip -br a');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(line).toBe('');
  await page.keyboard.press('Control+R');
  await page.keyboard.type('sudo');
  await expect.poll(() => screen(page)).toMatch(/\(reverse-i-search\)`sudo': sudo ss -tnp$/);
  await page.keyboard.press('Control+E');
  await expect.poll(line).toBe('sudo ss -tnp');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+K');
  await expect.poll(line).toBe('');
  await page.keyboard.type('echo one two three');
  await page.keyboard.press('Control+W');
  await expect.poll(line).toBe('echo one two ');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Alt+F');
  await page.keyboard.type('X');
  await expect.poll(line).toBe('echoX one two ');
  await page.keyboard.press('Control+E');
  await page.keyboard.press('Control+U');
  await page.keyboard.type('echo 日本語 ok 🙂');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect.poll(line).toBe('echo 日本語 o 🙂');
  // The terminal shows what the editor holds: wide characters did not shift the redraw.
  expect((await screen(page)).split('\n').pop()).toMatch(/\$ echo 日本語 o 🙂$/);
  await page.keyboard.press('Control+E');
  await page.keyboard.press('Control+U');
  await expect.poll(line).toBe('');
});

test('a multi-line paste runs line by line', async () => {
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'echo first\necho second\n');
    const target = document.querySelector('.xterm-helper-textarea')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => screen(page)).toMatch(/\$ echo first\nfirst\n\S+\$ echo second\nsecond\n\S+\$ $/);
});

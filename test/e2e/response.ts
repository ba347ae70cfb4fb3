/**
 * The flagship's response actions, typed into the lab's terminal: read the
 * C2 address and the PIDs holding connections to it from `sudo ss -tnp`,
 * kill them with -9 and block the address with iptables.
 */
import { expect, type Page } from '@playwright/test';
import { run } from './helpers';

const ESTAB = /^ESTAB\s+\d+\s+\d+\s+\S+:\d+\s+(\d+\.\d+\.\d+\.\d+):\d+\s*(.*)$/gm;

interface Conn { peer: string; pids: string[]; shell: boolean }

function connections(out: string): Conn[] {
  return [...out.matchAll(ESTAB)].map((m) => ({
    peer: m[1]!,
    pids: [...m[2]!.matchAll(/pid=(\d+)/g)].map((p) => p[1]!),
    // The reverse shell holds its connection on fd 0; tar and nc, started from it, share it.
    shell: /\("bash",pid=\d+,fd=0\)/.test(m[2]!),
  }));
}

/** PIDs of the processes that hold a live connection to `c2`. */
function holdersOf(out: string, c2: string): string[] {
  const pids = connections(out).filter((c) => c.peer === c2).flatMap((c) => c.pids);
  return [...new Set(pids)];
}

/** Kills what talks to the C2 address and blocks it; returns the address. */
export async function contain(page: Page): Promise<string> {
  await page.locator('.xterm-helper-textarea').focus();
  const out = await run(page, 'sudo ss -tnp');
  const shell = connections(out).find((c) => c.shell);
  expect(shell, out).toBeDefined();
  const c2 = shell!.peer;
  const pids = holdersOf(out, c2);
  // The reverse shell and the upload: two processes at least.
  expect(pids.length, out).toBeGreaterThanOrEqual(2);
  expect(await run(page, `sudo kill -9 ${pids.join(' ')}`)).toBe('');
  expect(await run(page, `sudo iptables -I OUTPUT -d ${c2} -j DROP`)).toBe('');
  // A beacon may have connected in between: end it too, then none is left.
  const late = holdersOf(await run(page, 'sudo ss -tnp'), c2);
  if (late.length > 0) await run(page, `sudo kill -9 ${late.join(' ')}`);
  const after = await run(page, 'sudo ss -tnp');
  expect(holdersOf(after, c2), after).toEqual([]);
  expect(await run(page, 'sudo iptables -S OUTPUT')).toContain(`-A OUTPUT -d ${c2}/32 -j DROP`);
  return c2;
}

import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

/** DEVICE, SIZE/OFF, NODE and NAME of every REG and DIR row, once each. */
function regularRows(listing: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const cells = line.trim().split(/\s+/);
    const type = cells.findIndex((c) => c === 'REG' || c === 'DIR');
    if (type < 0) continue;
    const [device, size, node, name] = cells.slice(type + 1);
    rows.set(name!, `${device} ${size} ${node} ${name}`);
  }
  return rows;
}

describe('lsof and stat on the same file', () => {
  it('agree on device, size and inode for every cwd, rtd, txt, mem and open file', async () => {
    const s = await flagshipRootShell();
    const rows = regularRows((await s.exec('lsof -nP')).stdout);
    expect(rows.get('/usr/bin/bash')).toBeDefined();
    expect(rows.get('/var/www/app/config/database.yml')).toBeDefined();
    const names = [...rows.keys()].sort();
    const stat = await s.exec(`stat -c '%Hd,%Ld %s %i %n' ${names.join(' ')}`);
    expect(stat.stderr).toBe('');
    expect(stat.stdout).toBe(names.map((n) => `${rows.get(n)}\n`).join(''));
  });

  it('gives bash its package size on Ubuntu 24.04', async () => {
    const s = await flagshipRootShell();
    expect((await s.exec("stat -c '%d %s' /usr/bin/bash")).stdout).toBe('64513 1446024\n');
    const txt = (await s.exec("lsof -nP -c bash | grep -m1 ' txt '")).stdout;
    expect(txt.trim().split(/\s+/).slice(4)).toEqual(['REG', '252,1', '1446024', '2108929', '/usr/bin/bash']);
  });
});

import { describe, expect, it } from 'vitest';
import type { LabSession } from '../session/types';
import { flagshipRootShell } from './testkit';

/** The value of FIELD in journalctl -o verbose's newest entry. */
async function journalField(s: LabSession, field: string): Promise<string> {
  const out = (await s.exec(`journalctl -o verbose -n 1 | grep '^    ${field}='`)).stdout;
  return out.trim().slice(field.length + 1);
}

describe('machine id and boot id files', () => {
  it('print the ids journalctl stores with each entry', async () => {
    for (const seed of [1, 7]) {
      const s = await flagshipRootShell(seed);
      const machine = await journalField(s, '_MACHINE_ID');
      const boot = await journalField(s, '_BOOT_ID');
      expect(machine).toMatch(/^[0-9a-f]{32}$/);
      expect(await s.exec('cat /etc/machine-id /var/lib/dbus/machine-id')).toEqual({
        stdout: `${machine}\n${machine}\n`, stderr: '', exitCode: 0,
      });
      const dashed = `${boot.slice(0, 8)}-${boot.slice(8, 12)}-${boot.slice(12, 16)}-${boot.slice(16, 20)}-${boot.slice(20)}`;
      expect((await s.exec('cat /proc/sys/kernel/random/boot_id')).stdout).toBe(`${dashed}\n`);
      expect((await s.exec('journalctl --list-boots | tail -1')).stdout.split(/\s+/)[2]).toBe(boot);
      expect((await s.exec('cat /proc/sys/kernel/hostname; hostname')).stdout).toBe('web01\nweb01\n');
    }
  });

  it('have the modes and owners of the real files', async () => {
    const s = await flagshipRootShell(7);
    const st = await s.exec("stat -c '%A %U %G %s %n' /etc/machine-id /var/lib/dbus/machine-id /proc/sys/kernel/random/boot_id");
    expect(st.stdout).toBe('-r--r--r-- root root 33 /etc/machine-id\n'
      + 'lrwxrwxrwx root root 15 /var/lib/dbus/machine-id\n'
      + '-r--r--r-- root root 0 /proc/sys/kernel/random/boot_id\n');
    expect((await s.exec('ls /proc/sys/kernel')).stdout).toBe('hostname\nrandom\n');
  });
});

/**
 * hostnamectl (systemd 255) status: labels right-aligned to the longest
 * ("Operating System"), the ids the host's files hold (/etc/machine-id,
 * /proc/sys/kernel/random/boot_id), a KVM guest's DMI strings.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { bootIdOf, machineIdOf } from '../../world/host-ids';

const OS: Record<string, string> = {
  'ubuntu-24.04': 'Ubuntu 24.04.1 LTS', 'ubuntu-22.04': 'Ubuntu 22.04.5 LTS', 'debian-12': 'Debian GNU/Linux 12 (bookworm)',
};

export const hostnamectlOptions: OptionSupport[] = [
  { flag: 'status', support: 'full' }, { flag: 'hostname / --static', support: 'partial', note: 'prints the name' },
  { flag: 'set-hostname / set-*', support: 'none', note: 'the host name does not change in the lab' },
];

function firmwareAge(now: number): string {
  const released = Date.UTC(2014, 3, 1);
  const days = Math.floor((now - released) / 86_400_000);
  const y = Math.floor(days / 365.25);
  const rest = days - Math.floor(y * 365.25);
  const mo = Math.floor(rest / 30.44);
  const d = Math.floor(rest - mo * 30.44);
  return `${y}y ${mo}month ${d}d`;
}

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const verb = ctx.argv[1];
  if (verb === 'hostname' || verb === '--static') return { stdout: `${w.host.hostname}\n`, stderr: '', exitCode: 0 };
  if (verb !== undefined && verb !== 'status') {
    if (verb.startsWith('set-')) {
      return { stdout: '', stderr: 'Could not set property: the host name does not change in this lab\n', exitCode: 1 };
    }
    return { stdout: '', stderr: `Unknown command verb '${verb}'.\n`, exitCode: 1 };
  }
  const rows: [string, string][] = [
    ['Static hostname', w.host.hostname], ['Icon name', 'computer-vm'], ['Chassis', 'vm 🖴'],
    ['Machine ID', machineIdOf(w)], ['Boot ID', bootIdOf(w, w.host.bootTime)], ['Virtualization', 'kvm'],
    ['Operating System', OS[w.host.distro] ?? 'Linux'], ['Kernel', `Linux ${w.host.kernel}`],
    ['Architecture', w.host.arch === 'x86_64' ? 'x86-64' : w.host.arch], ['Hardware Vendor', 'QEMU'],
    ['Hardware Model', 'Standard PC _i440FX + PIIX, 1996_'], ['Firmware Version', '1.16.3-debian-1.16.3-2'],
    ['Firmware Date', 'Tue 2014-04-01'], ['Firmware Age', firmwareAge(w.now)],
  ];
  return { stdout: rows.map(([k, v]) => `${k.padStart(16)}: ${v}\n`).join(''), stderr: '', exitCode: 0 };
}

export const hostnamectlTool: Tool = { name: 'hostnamectl', summary: 'query the system hostname', options: hostnamectlOptions, run };

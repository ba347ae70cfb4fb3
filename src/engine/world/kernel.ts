/**
 * The running kernel's build banner, one string for `uname -v`, the
 * `Linux version` line of the boot log (dmesg, journalctl -k) and
 * /proc/version: Ubuntu's build number follows the release's ABI number
 * (6.8.0-49-generic is #49-Ubuntu).
 */
import type { DistroId, HostState } from './types';

export function kernelBuild(distro: DistroId, kernel: string): string {
  const build = /-(\d+)-/.exec(kernel)?.[1] ?? '1';
  switch (distro) {
    case 'ubuntu-24.04': return `#${build}-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024`;
    case 'ubuntu-22.04': return `#${build}-Ubuntu SMP Fri Nov  8 17:25:52 UTC 2024`;
    default: return '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)';
  }
}

/** /proc/version, and the first line the kernel logs, without the newline. */
export function kernelBanner(distro: DistroId, kernel: string, builder: string): string {
  return `Linux version ${kernel} ${builder} ${kernelBuild(distro, kernel)}`;
}

const BUILDERS: Record<DistroId, string> = {
  'ubuntu-24.04': '(buildd@lcy02-amd64-091) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42)',
  'ubuntu-22.04': '(buildd@lcy02-amd64-059) (x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~22.04) 12.3.0, GNU ld (GNU Binutils for Ubuntu) 2.38)',
  'debian-12': '(debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40)',
};

/** The boot log's `Linux version` line if the world has one, else the same words from the host's facts. */
export function procVersion(w: HostState): string {
  const logged = w.logs(w.host.bootTime, w.host.bootTime + 1)
    .find((e) => e.facility === 'kern' && e.message.startsWith('Linux version '));
  return `${logged?.message ?? kernelBanner(w.host.distro, w.host.kernel, BUILDERS[w.host.distro] ?? '')}\n`;
}

/** How many CPUs the host has (the scenario's, else 2): nproc, /proc/cpuinfo, /proc/stat, Cpus_allowed. */
export const cpuCount = (w: HostState): number => Math.max(1, Math.floor(w.host.cpus ?? 2));

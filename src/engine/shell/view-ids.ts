/**
 * The files that name the host and its boot: /etc/machine-id (with dbus's
 * link to it) and /proc/sys/kernel's hostname and random/boot_id, printed
 * from the same ids journalctl shows as _MACHINE_ID and _BOOT_ID.
 */
import { bootIdOf, machineIdOf, uuidForm } from '../world/host-ids';
import { installedAt } from '../world/disk';
import type { HostState } from '../world/types';
import type { ViewNode } from './host-fs';
import type { FileSpec } from './view-files';

/** /etc/machine-id (-r--r--r-- root, written at install) and /var/lib/dbus/machine-id, a link to it. */
export function machineIdFiles(world: HostState): FileSpec[] {
  const install = installedAt(world);
  const id = `${machineIdOf(world)}\n`;
  return [
    { path: '/etc/machine-id', content: () => id, mode: 0o444, uid: 0, gid: 0, mtime: install },
    {
      path: '/var/lib/dbus/machine-id', content: () => '', mode: 0o777, uid: 0, gid: 0, mtime: install,
      link: '/etc/machine-id',
    },
  ];
}

interface SysFile { content: (w: HostState) => string; mode: number }

/** The /proc/sys files the lab has, by their path under /proc/sys. */
const SYS_FILES: ReadonlyMap<string, SysFile> = new Map([
  ['kernel/hostname', { content: (w) => `${w.host.hostname}\n`, mode: 0o644 }],
  ['kernel/random/boot_id', { content: (w) => `${uuidForm(bootIdOf(w, w.host.bootTime))}\n`, mode: 0o444 }],
]);

/** /proc/sys/PARTS: a directory of the table's paths, one of its files, or nothing. */
export function procSysNode(world: HostState, parts: readonly string[], at: number): ViewNode | undefined {
  const path = parts.join('/');
  const file = SYS_FILES.get(path);
  const base = { uid: 0, gid: 0, mtime: at };
  if (file) return { kind: 'file', content: () => file.content(world), mode: file.mode, ...base };
  const prefix = path === '' ? '' : `${path}/`;
  const names = new Set<string>();
  for (const key of SYS_FILES.keys()) {
    if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]!);
  }
  return names.size > 0 ? { kind: 'dir', entries: () => [...names].sort(), mode: 0o555, ...base } : undefined;
}

/**
 * What lsof shows for a process's non-socket files: the device, size and
 * inode of its directories, text, mapped libraries (the "mem" lines) and
 * open files are those `stat` and `ls -i` give the same path
 * (src/engine/world/disk.ts, with the captured Debian 12 host's values on
 * that distribution); the libraries each program maps and the character
 * devices are kept here as data.
 */
import type { HostState } from '../../world/types';
import { fileSize, inodeOf, mountOf, rootDevice as diskDevice } from '../../world/disk';

export interface FileStat {
  size: number;
  inode: number;
}

/** The root filesystem's DEVICE column (as `stat` has it: 254,0 on the captured Debian, else 252,1). */
export function rootDevice(world: HostState): string {
  return diskDevice(world.host.distro).join(',');
}

/** The DEVICE column of a path: the file system it is on, as `stat` says. */
export function deviceOf(world: HostState, path: string): string {
  return mountOf(path, world.host.distro).dev.join(',');
}

const LIBC = '/usr/lib/x86_64-linux-gnu/libc.so.6';
const LD = '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2';

/** Libraries each executable maps, in /proc/PID/maps order. */
export const LIBRARIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['/usr/bin/bash', [LIBC, '/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4', LD]],
  ['/usr/sbin/sshd', [LIBC, '/usr/lib/x86_64-linux-gnu/libcrypto.so.3', LD]],
  ['/usr/bin/python3.11', [LIBC, '/usr/lib/x86_64-linux-gnu/libm.so.6', LD]],
  ['/usr/bin/socat', [LIBC, '/usr/lib/x86_64-linux-gnu/libssl.so.3', LD]],
  ['/usr/bin/nc.openbsd', [LIBC, '/usr/lib/x86_64-linux-gnu/libbsd.so.0.11.7', LD]],
]);

/** Character devices: DEVICE column (major,minor) and inode. */
export const DEVICES: ReadonlyMap<string, { dev: string; inode: number }> = new Map([
  ['/dev/tty', { dev: '5,0', inode: 9 }],
  ['/dev/null', { dev: '1,3', inode: 4 }],
  ['/dev/zero', { dev: '1,5', inode: 6 }],
  ['/dev/urandom', { dev: '1,9', inode: 8 }],
  ['/dev/ptmx', { dev: '5,2', inode: 10 }],
  ['/dev/pts/0', { dev: '136,0', inode: 3 }],
  ['/dev/pts/1', { dev: '136,1', inode: 4 }],
]);

/**
 * A character device's DEVICE column and inode: a pty slave /dev/pts/N is
 * 136,N with devpts's inode N + 3 (1 is the root, 2 ptmx).
 */
export function charDevice(world: HostState, path: string): { dev: string; inode: number } {
  const known = DEVICES.get(path);
  if (known) return known;
  const pts = /^\/dev\/pts\/(\d+)$/.exec(path);
  if (pts) return { dev: `136,${pts[1]}`, inode: Number(pts[1]) + 3 };
  return { dev: '1,3', inode: statFile(world, path, false).inode };
}

/** Size and inode of a regular file or directory: the ones `stat` shows for the path. */
export function statFile(world: HostState, path: string, dir: boolean): FileStat {
  return { size: fileSize(world, path, dir), inode: inodeOf(path, world.host.distro) };
}

/**
 * What lsof shows for a process's non-socket files, kept as data: the
 * device, size and inode of common executables, their mapped libraries
 * (the "mem" lines), and character devices. The inodes of the table are
 * those of the captured Debian 12 host (root filesystem on device 254,0)
 * and serve that distribution only; elsewhere the root filesystem is
 * 252,1 (as `stat` says) and a path's inode is the one `ls -i` shows.
 */
import type { HostState } from '../../world/types';

export interface FileStat {
  size: number;
  inode: number;
}

/** The root filesystem's DEVICE column: the captured Debian host's, or vda1's (as `stat` has it). */
export function rootDevice(world: HostState): string {
  return world.host.distro === 'debian-12' ? '254,0' : '252,1';
}

const LIBC = '/usr/lib/x86_64-linux-gnu/libc.so.6';
const LD = '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2';

export const FILES: ReadonlyMap<string, FileStat> = new Map([
  ['/', { size: 4096, inode: 2 }],
  ['/root', { size: 4096, inode: 1310721 }],
  ['/home/deploy', { size: 4096, inode: 1548290 }],
  ['/usr/bin/bash', { size: 1265648, inode: 260104 }],
  [LIBC, { size: 1926232, inode: 339380 }],
  ['/usr/lib/x86_64-linux-gnu/libtinfo.so.6.4', { size: 204088, inode: 339934 }],
  [LD, { size: 215000, inode: 338944 }],
]);

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
 * The inode the shell's `ls -i` and `stat` give a path (the same hash as
 * inodeOf in src/engine/shell/ls.ts, which a test holds to this one).
 */
export function pathInode(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return ((h >>> 0) % 4_000_000) + 1000;
}

/** Size and inode of a path: the tables, the world's files, or a stable guess. */
export function statFile(world: HostState, path: string, dir: boolean): FileStat {
  const known = FILES.get(path);
  const captured = world.host.distro === 'debian-12';
  if (known && (captured || path === '/')) return known;
  const inode = pathInode(path);
  if (known) return { size: known.size, inode };
  const vf = world.files.find((f) => f.path === path);
  const size = dir ? 4096 : vf ? vf.content.length : 4096 + (inode % 200000);
  return { size, inode };
}

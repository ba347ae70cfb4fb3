/**
 * Facts of the root filesystem that every reader shares: the device it is
 * on, the inode of a path, and the programs installed on it with their
 * sizes and dates. `ls -i`, `stat`, `find -inum`, /proc/PID/exe and lsof
 * read these, so they agree on one device and one inode per file.
 *
 * Sizes are those of Ubuntu 24.04's amd64 packages (close for the other
 * releases); a program's time is its package's build, as dpkg keeps the
 * times of the files it unpacks, never later than the host's install.
 */
import type { DistroId, HostState } from './types';

/** The root filesystem's device (major, minor): vda1, or the captured Debian host's dm-0. */
export function rootDevice(distro: DistroId): [number, number] {
  return distro === 'debian-12' ? [254, 0] : [252, 1];
}

/** Mount points of pseudo file systems: device numbers and I/O block; the rest is the root's. */
export const MOUNTS: readonly (readonly [string, [number, number], number])[] = [
  ['/dev/pts', [0, 24], 1024], ['/proc', [0, 22], 1024], ['/sys', [0, 21], 4096],
  ['/dev', [0, 5], 4096], ['/run', [0, 25], 4096],
];

/** The file system a path is on: its mount point, device and I/O block. */
export function mountOf(
  path: string, distro: DistroId,
): { mount: string; dev: [number, number]; ioBlock: number } {
  for (const [mount, dev, ioBlock] of MOUNTS) {
    if (path === mount || path.startsWith(mount + '/')) return { mount, dev, ioBlock };
  }
  return { mount: '/', dev: rootDevice(distro), ioBlock: 4096 };
}

const LIB = '/usr/lib/x86_64-linux-gnu';

/** Inodes and sizes of the captured Debian 12 host (lsof -p), kept for that distribution. */
const CAPTURED_INODES: ReadonlyMap<string, number> = new Map([
  ['/', 2], ['/root', 1310721], ['/home/deploy', 1548290], ['/usr/bin/bash', 260104],
  [`${LIB}/libc.so.6`, 339380], [`${LIB}/libtinfo.so.6.4`, 339934],
  [`${LIB}/ld-linux-x86-64.so.2`, 338944],
]);
const CAPTURED_SIZES: ReadonlyMap<string, number> = new Map([
  ['/usr/bin/bash', 1265648], [`${LIB}/libc.so.6`, 1926232],
  [`${LIB}/libtinfo.so.6.4`, 204088], [`${LIB}/ld-linux-x86-64.so.2`, 215000],
]);

/** A stable inode for a path of the root filesystem (the root directory is 2, as on ext4). */
export function inodeOf(path: string, distro?: DistroId): number {
  if (path === '/') return 2;
  const captured = distro === 'debian-12' ? CAPTURED_INODES.get(path) : undefined;
  if (captured !== undefined) return captured;
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return ((h >>> 0) % 4_000_000) + 1000;
}

/** Shared libraries the programs map, with their sizes (Ubuntu 24.04's, close elsewhere). */
export const LIBRARY_SIZES: ReadonlyMap<string, number> = new Map([
  [`${LIB}/libc.so.6`, 2125328],
  [`${LIB}/ld-linux-x86-64.so.2`, 236616],
  [`${LIB}/libtinfo.so.6.4`, 208616],
  [`${LIB}/libm.so.6`, 952616],
  [`${LIB}/libcrypto.so.3`, 4451632],
  [`${LIB}/libssl.so.3`, 667864],
  [`${LIB}/libbsd.so.0.11.7`, 89096],
]);

export interface Program {
  size: number;
  /** The package's build time (UTC). */
  built: string;
  /** Set-user-id root. */
  setuid?: boolean;
  /** Installed only with this unit (a daemon's package). */
  unit?: string;
}

const COREUTILS = '2024-04-05T12:09:55Z';
const P = (size: number, built: string, more: Partial<Program> = {}): Program => ({ size, built, ...more });

/** Programs of a stock server and of the simulated services, by canonical path. */
export const PROGRAMS: ReadonlyMap<string, Program> = new Map([
  ['/usr/bin/bash', P(1446024, '2024-03-31T14:44:57Z')],
  ['/usr/bin/dash', P(125688, '2024-03-31T11:01:27Z')],
  ['/usr/bin/nc.openbsd', P(47304, '2024-03-31T13:52:10Z')],
  ['/usr/bin/tar', P(527016, '2024-03-31T17:38:42Z')],
  ['/usr/bin/gzip', P(85336, '2024-04-08T16:20:31Z')],
  ['/usr/bin/curl', P(305576, '2024-09-18T14:21:08Z')],
  ['/usr/bin/wget', P(526080, '2024-04-01T12:04:52Z')],
  ['/usr/bin/python3.12', P(8019136, '2024-11-06T15:51:23Z')],
  ['/usr/bin/perl', P(3947416, '2024-04-22T10:12:05Z')],
  ['/usr/bin/openssl', P(1030488, '2024-10-14T13:02:19Z')],
  ['/usr/bin/ssh', P(1051912, '2024-09-19T11:36:44Z')],
  ['/usr/bin/scp', P(121448, '2024-09-19T11:36:44Z')],
  ['/usr/bin/sudo', P(277936, '2024-06-27T14:58:02Z', { setuid: true })],
  ['/usr/bin/su', P(55680, '2024-04-09T07:38:12Z', { setuid: true })],
  ['/usr/bin/passwd', P(64152, '2024-05-30T13:22:41Z', { setuid: true })],
  ['/usr/bin/mount', P(47488, '2024-04-09T07:38:12Z', { setuid: true })],
  ['/usr/bin/umount', P(35200, '2024-04-09T07:38:12Z', { setuid: true })],
  ['/usr/bin/ps', P(145952, '2024-04-23T11:03:50Z')],
  ['/usr/bin/ss', P(162408, '2024-04-02T08:47:15Z')],
  ['/usr/bin/ip', P(760856, '2024-04-02T08:47:15Z')],
  ['/usr/bin/lsof', P(183976, '2024-03-31T22:18:36Z')],
  ['/usr/bin/netstat', P(158856, '2024-04-08T20:30:11Z')],
  ['/usr/bin/tcpdump', P(1297880, '2024-04-01T13:49:47Z')],
  ['/usr/bin/systemctl', P(1305368, '2024-11-11T10:44:19Z')],
  ['/usr/bin/journalctl', P(85744, '2024-11-11T10:44:19Z')],
  ['/usr/bin/dbus-daemon', P(251280, '2024-04-01T09:22:36Z', { unit: 'dbus.service' })],
  ['/usr/bin/sleep', P(35336, COREUTILS)],
  ['/usr/bin/cat', P(35280, COREUTILS)],
  ['/usr/bin/ls', P(138216, COREUTILS)],
  ['/usr/bin/base64', P(39432, COREUTILS)],
  ['/usr/bin/dd', P(76040, COREUTILS)],
  ['/usr/bin/stat', P(84240, COREUTILS)],
  ['/usr/bin/find', P(204264, '2024-03-31T18:41:05Z')],
  ['/usr/bin/grep', P(186176, '2024-04-08T14:30:59Z')],
  ['/usr/sbin/sshd', P(921992, '2024-09-19T11:36:44Z', { unit: 'ssh.service' })],
  ['/usr/sbin/nginx', P(1277608, '2024-10-03T09:18:27Z', { unit: 'nginx.service' })],
  ['/usr/sbin/cron', P(60056, '2024-03-31T12:26:40Z', { unit: 'cron.service' })],
  ['/usr/sbin/rsyslogd', P(819440, '2024-04-08T10:57:33Z', { unit: 'rsyslog.service' })],
  ['/usr/sbin/chronyd', P(392856, '2024-08-19T15:33:02Z', { unit: 'chrony.service' })],
  ['/usr/sbin/agetty', P(68552, '2024-04-09T07:38:12Z')],
  ['/usr/sbin/iptables-nft', P(260872, '2024-04-01T12:55:20Z')],
  ['/usr/lib/systemd/systemd', P(100904, '2024-11-11T10:44:19Z')],
  ['/usr/lib/systemd/systemd-journald', P(162128, '2024-11-11T10:44:19Z')],
  ['/usr/lib/systemd/systemd-udevd', P(1113632, '2024-11-11T10:44:19Z')],
  ['/usr/lib/systemd/systemd-networkd', P(1089032, '2024-11-11T10:44:19Z')],
  ['/usr/lib/systemd/systemd-resolved', P(651960, '2024-11-11T10:44:19Z')],
  ['/usr/lib/systemd/systemd-logind', P(276968, '2024-11-11T10:44:19Z')],
  ['/usr/lib/polkit-1/polkitd', P(125224, '2024-05-14T16:07:41Z', { unit: 'polkit.service' })],
]);

/** Links a stock install has to its programs (name -> target, as ls -l shows it). */
export const PROGRAM_LINKS: ReadonlyMap<string, string> = new Map([
  ['/usr/bin/sh', 'dash'],
  ['/usr/bin/nc', '/etc/alternatives/nc'],
  ['/etc/alternatives/nc', '/usr/bin/nc.openbsd'],
  ['/usr/bin/python3', 'python3.12'],
  ['/usr/sbin/init', '/lib/systemd/systemd'],
]);

/** The size of a program: the captured host's, the table's, or a stable guess of a small utility's. */
export function programSize(path: string, distro?: DistroId): number {
  const captured = distro === 'debian-12' ? CAPTURED_SIZES.get(path) : undefined;
  if (captured !== undefined) return captured;
  return PROGRAMS.get(path)?.size ?? 22000 + (inodeOf(path) % 120) * 1024 + (inodeOf(path) % 997) * 8;
}

/** A shared library's size on this distribution (the captured host's on Debian 12). */
export function librarySize(path: string, distro?: DistroId): number | undefined {
  const captured = distro === 'debian-12' ? CAPTURED_SIZES.get(path) : undefined;
  return captured ?? LIBRARY_SIZES.get(path);
}

const utf8 = new TextEncoder();

/**
 * The size `stat` gives a directory or regular file that a process holds
 * (its cwd, root, text or an open file): 4096 for a directory, a program's
 * or library's from the tables, a scenario file's content in UTF-8 bytes.
 * A file the world does not describe gets a stable guess.
 */
export function fileSize(world: HostState, path: string, dir: boolean): number {
  if (dir) return 4096;
  const distro = world.host.distro;
  const lib = librarySize(path, distro);
  if (lib !== undefined) return lib;
  const file = world.files.find((f) => f.path === path);
  if (file) return utf8.encode(file.content).length;
  if (PROGRAMS.has(path) || path.startsWith('/usr/')) return programSize(path, distro);
  return 4096 + (inodeOf(path, distro) % 200000);
}

const DAY = 86_400_000;

/**
 * When the host was installed: a stable time months before it booted
 * (a quarter past ten in the morning, UTC).
 */
export function installTime(bootTime: number): number {
  const day = Math.floor((bootTime - 150 * DAY) / DAY) * DAY;
  return day + (10 * 60 + 14) * 60_000 + 37_000;
}

export const installedAt = (world: HostState): number => installTime(world.host.bootTime);

/** A program's time: its package's build, or the host's install if that came first. */
export function programTime(world: HostState, path: string): number {
  const built = Date.parse(PROGRAMS.get(path)?.built ?? COREUTILS);
  return Math.min(built, installedAt(world));
}

/**
 * When an account was made: system accounts with the install, the
 * others (uid 1000 up) a day apart after it, in uid order, at 09:30 UTC.
 */
export function accountMadeAt(bootTime: number, uids: readonly number[], uid: number): number {
  const install = installTime(bootTime);
  if (uid < 1000 || uid >= 65534) return install;
  const order = uids.filter((u) => u >= 1000 && u < 65534 && u < uid).length;
  return Math.floor(install / DAY) * DAY + (order + 1) * DAY + 9.5 * 3_600_000 + (uid % 60) * 1000;
}

export const accountCreatedAt = (world: HostState, uid: number): number =>
  accountMadeAt(world.host.bootTime, world.accounts.map((a) => a.uid), uid);

/** The last change to /etc/passwd, /etc/group and /etc/shadow: the newest account. */
export function accountsChangedAt(bootTime: number, uids: readonly number[]): number {
  return Math.max(installTime(bootTime), ...uids.map((u) => accountMadeAt(bootTime, uids, u)));
}

/** Whether a daemon's program is installed: its unit is on the host (or it belongs to none). */
export function programInstalled(world: HostState, program: Program): boolean {
  return program.unit === undefined || world.units.some((u) => u.name === program.unit);
}

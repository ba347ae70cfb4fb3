/**
 * Files of the view that stand for the installed system rather than the
 * scenario: programs (ELF stubs with their packages' sizes and dates),
 * /etc/ssh, the character devices, the skeleton files of each home.
 */
import type { HostState } from '../world/types';
import {
  LIBRARY_SIZES, PROGRAM_LINKS, PROGRAMS, inodeOf, installedAt, librarySize, programInstalled,
  programSize, programTime,
} from '../world/disk';
import { sshFiles } from './view-ssh';

export interface FileSpec {
  path: string;
  content: () => string;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size?: number;
  link?: string;
  rdev?: [number, number];
}

/** Bash builtins the session runs as programs: not files in a listing of /usr/bin. */
export const UNLISTED_PROGRAMS = new Set(['alias', 'unalias', 'history']);

/**
 * The start of an x86-64 PIE executable's ELF header (class 64, little
 * endian, ET_DYN, EM_X86_64), then bytes of the path's own, so two
 * programs never hash alike. Control characters only: `strings` finds none.
 */
export function elfStub(path: string): string {
  let h = inodeOf(path);
  let tail = '';
  for (let i = 0; i < 16; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    tail += String.fromCharCode(1 + (h % 31));
  }
  return '\u007fELF\u0002\u0001\u0001\u0000' + '\u0000'.repeat(8) + '\u0003\u0000\u003e\u0000' + tail;
}

/** Where a program the session runs lives: /usr/bin (just-bash finds commands only there or in /bin). */
function commandFiles(world: HostState, programs: readonly string[]): FileSpec[] {
  return programs.map((name) => {
    const known = [`/usr/bin/${name}`, `/usr/sbin/${name}`].find((p) => PROGRAMS.has(p));
    const path = `/usr/bin/${name}`;
    const facts = known ? PROGRAMS.get(known) : undefined;
    const setuid = facts?.setuid || ['sudo', 'su'].includes(name);
    return {
      path, content: () => elfStub(path), mode: setuid ? 0o4755 : 0o755, uid: 0, gid: 0,
      mtime: programTime(world, known ?? path), size: programSize(known ?? path, world.host.distro),
    };
  });
}

/** The table's programs, the links to them and every binary a process of the world runs. */
export function programFiles(world: HostState, programs: readonly string[]): FileSpec[] {
  const commands = commandFiles(world, programs);
  const taken = new Set(commands.map((c) => c.path.slice(c.path.lastIndexOf('/') + 1)));
  const out = new Map(commands.map((c) => [c.path, c]));
  const add = (path: string, running = false) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (out.has(path) || taken.has(name)) return;
    const facts = PROGRAMS.get(path);
    if (facts && !running && !programInstalled(world, facts)) return;
    out.set(path, {
      path, content: () => elfStub(path), mode: facts?.setuid ? 0o4755 : 0o755, uid: 0, gid: 0,
      mtime: programTime(world, path), size: programSize(path, world.host.distro),
    });
  };
  for (const path of PROGRAMS.keys()) add(path);
  for (const p of world.processes) if (p.exe.startsWith('/usr/')) add(p.exe, true);
  for (const path of LIBRARY_SIZES.keys()) {
    out.set(path, {
      path, content: () => elfStub(path), mode: 0o644, uid: 0, gid: 0,
      mtime: programTime(world, path), size: librarySize(path, world.host.distro),
    });
  }
  for (const [path, target] of PROGRAM_LINKS) {
    if (out.has(path)) continue;
    out.set(path, {
      path, content: () => '', mode: 0o777, uid: 0, gid: 0, mtime: installedAt(world), link: target,
    });
  }
  return [...out.values()];
}

/** The character devices and their numbers (major, minor), as devtmpfs has them. */
export const DEVICE_NUMBERS: ReadonlyMap<string, [number, number]> = new Map([
  ['/dev/null', [1, 3]], ['/dev/zero', [1, 5]], ['/dev/random', [1, 8]],
  ['/dev/urandom', [1, 9]], ['/dev/tty', [5, 0]], ['/dev/ptmx', [5, 2]],
]);

/** The pseudo-terminals of open sessions: /dev/pts/N, the user's, group tty, 620. */
export function ptyFiles(world: HostState): FileSpec[] {
  const tty = world.groups.find((g) => g.name === 'tty')?.gid ?? 5;
  const out: FileSpec[] = [{
    path: '/dev/pts/ptmx', content: () => '', mode: 0o000, uid: 0, gid: 0, mtime: world.host.bootTime, rdev: [5, 2],
  }];
  for (const login of world.logins) {
    const m = /^pts\/(\d+)$/.exec(login.tty);
    if (!m || login.logoutAt !== undefined) continue;
    const acct = world.accounts.find((a) => a.name === login.user);
    out.push({
      path: `/dev/${login.tty}`, content: () => '', mode: 0o620, uid: acct?.uid ?? 0, gid: tty,
      mtime: world.now, rdev: [136, Number(m[1])],
    });
  }
  return out;
}

/** Each user's ~/.ssh and the host's /etc/ssh. */
export function homeFiles(world: HostState): FileSpec[] {
  return sshFiles(world);
}

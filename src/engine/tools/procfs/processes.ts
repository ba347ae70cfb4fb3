/**
 * Process facts shared by the process views (ps, pstree, w, /proc/PID,
 * systemctl): names of users and groups, the command line as ps shows it,
 * the tree, and the login uid.
 */
import type { HostState, Process } from '../../world/types';

/** Overflow uid, shown when an id has no account (as in /proc: 4294967295). */
export const NO_LOGINUID = 4294967295;

export function userName(world: HostState, uid: number): string | undefined {
  return world.accounts.find((a) => a.uid === uid)?.name;
}

/** The name, or the number as text when the uid has no account (ps, ls). */
export function userOrUid(world: HostState, uid: number): string {
  return userName(world, uid) ?? String(uid);
}

export function groupOrGid(world: HostState, gid: number): string {
  return world.groups.find((g) => g.gid === gid)?.name ?? String(gid);
}

export function uidOf(world: HostState, name: string): number | undefined {
  const acc = world.accounts.find((a) => a.name === name);
  if (acc) return acc.uid;
  return /^\d+$/.test(name) ? Number(name) : undefined;
}

export function findProcess(world: HostState, pid: number): Process | undefined {
  return world.processes.find((p) => p.pid === pid);
}

/** A kernel thread has no argv (kthreadd's children, kworkers). */
export function isKernelThread(p: Process): boolean {
  return p.argv.length === 0 && !p.title;
}

/** ps args/cmd: the title if set, else argv joined; `[comm]` for kernel threads. */
export function commandLine(p: Process): string {
  if (p.title) return p.title;
  if (isKernelThread(p)) return `[${p.comm}]`;
  return p.argv.join(' ');
}

/** The argument vector as /proc/PID/cmdline holds it (the title replaces argv). */
export function cmdlineArgs(p: Process): string[] {
  return p.title ? [p.title] : p.argv;
}

export function childrenOf(world: HostState, pid: number): Process[] {
  return world.processes.filter((p) => p.ppid === pid && p.pid !== pid);
}

/**
 * The audit login uid of a process (/proc/PID/loginuid). A process may carry
 * it explicitly (`loginuid`, an optional field this module reads); otherwise
 * it is the uid of the open login whose leader is the process or one of its
 * ancestors, as pam_loginuid sets it in sshd's privileged child, else unset.
 */
export function loginUid(world: HostState, pid: number): number {
  const seen = new Set<number>();
  let p = findProcess(world, pid);
  while (p && !seen.has(p.pid)) {
    const explicit = (p as Process & { loginuid?: number }).loginuid;
    if (explicit !== undefined) return explicit;
    const pidHere = p.pid;
    const login = world.logins.find((l) => l.pid === pidHere && l.logoutAt === undefined);
    if (login) return uidOf(world, login.user) ?? NO_LOGINUID;
    seen.add(p.pid);
    p = findProcess(world, p.ppid);
  }
  return NO_LOGINUID;
}

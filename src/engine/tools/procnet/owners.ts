/**
 * Which processes hold which socket: an index from socket inode to the
 * (process, fd) pairs whose /proc/PID/fd link reads "socket:[INODE]".
 *
 * Built once per command in one pass over the processes (no per-socket
 * scans). Entries are in the order ss prints them: ss walks /proc in pid
 * order and each fd directory in fd order, and prepends every hit to its
 * list, so the result is by descending pid, then descending fd. Tools that
 * want the first holder (netstat keeps the lowest pid) take the last entry.
 *
 * Like the real tools, an unprivileged caller only sees its own processes:
 * /proc/PID/fd of another user's process cannot be read.
 */
import type { HostState, Process } from '../../world/types';

export interface SocketOwner {
  process: Process;
  fd: number;
}

export interface OwnerIndex {
  /** Owners of an inode, descending pid then descending fd; [] when none. */
  get(inode: number): readonly SocketOwner[];
  /** True when some processes could not be inspected (caller is not root). */
  partial: boolean;
  /** Number of inodes with at least one visible holder. */
  size: number;
}

const NONE: readonly SocketOwner[] = Object.freeze([]);

/** True when `uid` may read /proc/PID/fd of `p`. */
export function canInspect(p: Process, uid: number): boolean {
  return uid === 0 || p.uid === uid;
}

export function buildOwnerIndex(world: HostState, uid: number): OwnerIndex {
  const map = new Map<number, SocketOwner[]>();
  let partial = false;
  const procs = [...world.processes].sort((a, b) => b.pid - a.pid);
  for (const p of procs) {
    if (!canInspect(p, uid)) {
      partial = true;
      continue;
    }
    const fds = p.fds
      .filter((f) => (f.kind === 'socket' || f.kind === 'unix') && typeof f.target === 'number')
      .sort((a, b) => b.fd - a.fd);
    for (const f of fds) {
      const inode = f.target as number;
      let list = map.get(inode);
      if (!list) map.set(inode, (list = []));
      list.push({ process: p, fd: f.fd });
    }
  }
  return { get: (inode) => map.get(inode) ?? NONE, partial, size: map.size };
}

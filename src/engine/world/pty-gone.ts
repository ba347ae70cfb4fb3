/**
 * A pty's /dev/pts/N node lives as long as its master side is open: when
 * the session's sshd closes /dev/ptmx (the login ended), devpts removes the
 * node, and a process still holding the slave (a shell left behind on the
 * terminal) has an fd whose link readlink(2) gives as `/dev/pts/N (deleted)`.
 * A pty counts as gone when a login on it has ended and no open login holds
 * it (a pty with no login record at all, as in a captured host, is left).
 */
import type { FdEntry, Login, Process } from './types';

export function ptysGone(logins: readonly Login[]): Set<string> {
  const open = new Set(logins.filter((l) => l.logoutAt === undefined).map((l) => `/dev/${l.tty}`));
  const gone = new Set<string>();
  for (const l of logins) {
    const path = `/dev/${l.tty}`;
    if (l.logoutAt !== undefined && l.tty.startsWith('pts/') && !open.has(path)) gone.add(path);
  }
  return gone;
}

/** The processes with each fd on a gone pty marked deleted (the others as they were). */
export function markGonePtys(procs: Process[], logins: readonly Login[]): Process[] {
  const gone = ptysGone(logins);
  if (gone.size === 0) return procs;
  const hit = (f: FdEntry) => f.kind === 'chr' && typeof f.target === 'string' && gone.has(f.target);
  return procs.map((p) => (p.fds.some(hit)
    ? { ...p, fds: p.fds.map((f) => (hit(f) ? { ...f, deleted: true } : f)) } : p));
}

/**
 * utmp and wtmp as the world holds them: `world.logins`. utmp (who, w,
 * uptime's user count) is the open logins; wtmp (last) is all of them.
 */
import type { HostState, Login } from '../../world/types';

/** Open sessions in login order, as /run/utmp lists them. */
export function utmpEntries(world: HostState): Login[] {
  return world.logins
    .filter((l) => l.logoutAt === undefined && l.loginAt <= world.now)
    .sort((a, b) => a.loginAt - b.loginAt);
}

/** All sessions, newest first, as last(1) walks wtmp backwards. */
export function wtmpNewestFirst(world: HostState): Login[] {
  return world.logins
    .filter((l) => l.loginAt <= world.now)
    .sort((a, b) => b.loginAt - a.loginAt);
}

/**
 * The pid utmp holds for a login. OpenSSH 9.x writes the record from its
 * privileged monitor (`sshd: USER [priv]`, mm_answer_pty), with the pid of
 * the unprivileged child it forked for the session (`sshd: USER@pts/N`);
 * for root there is no privilege separation after authentication: the
 * monitor itself is `sshd: root@pts/N`, and the child it forks writes the
 * record (do_login) just before it runs the login shell, whose pid that is.
 * Neither is the monitor the world calls the session's leader.
 */
export function utmpPid(world: HostState, l: Login): number {
  const kids = world.processes.filter((p) => p.ppid === l.pid);
  const session = kids.find((p) => (p.title ?? p.argv[0] ?? '').startsWith(`sshd: ${l.user}@`));
  if (l.user !== 'root') return session?.pid ?? l.pid;
  // Root's login is `sshd: root@pts/N` itself (no [priv]): its shell is its child.
  const owner = session?.pid ?? l.pid;
  const shell = world.processes.find((p) => p.ppid === owner && p.tty === l.tty);
  return shell?.pid ?? owner;
}

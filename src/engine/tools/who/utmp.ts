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

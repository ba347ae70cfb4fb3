/**
 * Which log files a host has and who owns them: what a directory listing
 * needs, without the code that renders their lines (files.ts, nginx.ts),
 * which the lab loads when a log is first read.
 */
import type { HostState } from '../../world/types';

/** rsyslog's files, as files.ts renders them. */
export const LOG_FILE_PATHS: readonly string[] = ['/var/log/auth.log', '/var/log/syslog', '/var/log/kern.log'];

export const NGINX_LOG_PATHS = ['/var/log/nginx/access.log', '/var/log/nginx/access.log.1', '/var/log/nginx/error.log'];

/** nginx's master process, when the host runs nginx. */
export function nginxMaster(world: HostState) {
  return world.processes.find((p) => p.comm === 'nginx' && p.uid === 0);
}

/** The nginx log paths this host has (none without nginx). */
export function nginxLogPaths(world: HostState): readonly string[] {
  return nginxMaster(world) ? NGINX_LOG_PATHS : [];
}

/** nginx's logs belong to www-data; the others to root. */
export function nginxLogOwner(world: HostState, path: string): number | undefined {
  if (!path.startsWith('/var/log/nginx/')) return undefined;
  return world.accounts.find((a) => a.name === 'www-data')?.uid ?? 33;
}

/** The login record files: path, mode and whether they hold failed attempts. */
export const RECORD_FILES: readonly { path: string; mode: number; btmp: boolean }[] = [
  { path: '/var/log/wtmp', mode: 0o664, btmp: false },
  { path: '/var/log/btmp', mode: 0o660, btmp: true },
  { path: '/run/utmp', mode: 0o664, btmp: false },
];

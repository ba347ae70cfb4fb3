/**
 * The rsyslog files under /var/log, rendered from `world.logs(from, to)` at
 * read time: auth.log (facilities auth and authpriv), syslog (everything
 * else), kern.log (kern). The line prefix follows the distribution:
 * Ubuntu 24.04 and Debian 12 write RFC 3339 with microseconds
 * (`2026-12-04T13:18:40.123456+00:00 web01 sshd[10393]: `), Ubuntu 22.04
 * the traditional `Dec  4 13:18:40 web01 sshd[10393]: `.
 *
 * Microseconds are not in the model (times are ms); the sub-millisecond
 * digits are derived from the entry so they are stable between reads.
 */
import type { HostState, LogEntry } from '../../world/types';
import { rfc3339Micro, syslogClassic } from '../../world/time-format';
import { nginxLog } from './nginx';

export type LogFileName = 'auth.log' | 'syslog' | 'kern.log';

const SELECTORS: Record<LogFileName, (e: LogEntry) => boolean> = {
  'auth.log': (e) => e.facility === 'auth' || e.facility === 'authpriv',
  syslog: (e) => e.facility !== 'auth' && e.facility !== 'authpriv',
  'kern.log': (e) => e.facility === 'kern',
};

export { LOG_FILE_PATHS } from './log-paths';

export function subMillis(e: LogEntry): number {
  let h = 2166136261;
  for (const ch of `${e.ident}${e.pid ?? ''}${e.message}`) {
    h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  }
  return h % 1000;
}

/** `sshd[10393]` or `kernel`. */
export function tag(e: LogEntry): string {
  return e.pid === undefined ? e.ident : `${e.ident}[${e.pid}]`;
}

/** One line as rsyslog writes it on this host's distribution. */
export function syslogLine(world: HostState, e: LogEntry, micros = subMillis(e)): string {
  const tz = world.host.timezone;
  const when = world.host.distro === 'ubuntu-22.04'
    ? syslogClassic(e.time, tz)
    : rfc3339Micro(e.time, tz, (((e.time % 1000) + 1000) % 1000) * 1000 + micros);
  return `${when} ${world.host.hostname} ${e.noPidTag ? e.ident : tag(e)}: ${e.message}`;
}

/** The content of a /var/log file at world.now, or undefined when not a log file. */
export function logFile(world: HostState, path: string): string | undefined {
  if (path.startsWith('/var/log/nginx/')) return nginxLog(world, path);
  const m = /^\/var\/log\/([a-z.]+)$/.exec(path);
  const name = m?.[1];
  if (!name || !Object.hasOwn(SELECTORS, name)) return undefined;
  const pick = SELECTORS[name as LogFileName];
  // What was written at this very millisecond is in the file (sudo's line, before its command).
  return world.logs(0, world.now + 1)
    .filter((e) => e.time <= world.now && pick(e))
    .map(inOrder(world))
    .join('');
}

/**
 * Lines in the order rsyslog wrote them: within one millisecond the
 * derived microseconds never go backwards (sudo's line, then PAM's).
 */
function inOrder(world: HostState): (e: LogEntry) => string {
  let last = { time: NaN, micros: -1 };
  return (e) => {
    let micros = subMillis(e);
    if (e.time === last.time && micros <= last.micros) micros = Math.min(999, last.micros + 1);
    last = { time: e.time, micros };
    return `${syslogLine(world, e, micros)}\n`;
  };
}

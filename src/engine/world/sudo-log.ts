/**
 * What sudo 1.9 (Ubuntu 22.04/24.04, Debian 12) writes to the auth log when
 * someone runs it: its own line, `%8s : TTY=... ; PWD=... ; USER=root ;
 * COMMAND=...` (the user name right-aligned in eight columns), then, when
 * it runs a command, pam_unix's session lines around it. sudo opens syslog
 * without LOG_PID, so rsyslog's files show a bare `sudo:` while the journal
 * knows the process (`noPidTag`). A user outside sudoers gets one line,
 * `user NOT in sudoers`, and no session; `sudo -l` logs `COMMAND=list`.
 * The scenario's sessions, its firewall changes and the trainee's own sudo
 * all write their trace here.
 */
import type { LogEntry, WorldEvent } from './types';

/** One use of sudo, as its log lines need it. */
export interface SudoUse {
  at: number;
  /** How long after its own line PAM's session opens (ms; 0 by default). */
  openDelay?: number;
  /** When the command exited (session closed); open while undefined. */
  end?: number;
  pid: number;
  user: string;
  uid: number;
  /** "pts/1", or null without a terminal ("unknown" in the line). */
  tty: string | null;
  pwd: string;
  /** The command as sudo logs it (absolute path and arguments), or "list". */
  command: string;
  /** Whether sudoers lets the user run it (a member of the admin group, or root). */
  allowed: boolean;
  /** The systemd unit whose cgroup the process is in (the login's session scope). */
  unit?: string;
}

/** Programs that live in /usr/sbin: secure_path finds them there first. */
const SBIN: ReadonlySet<string> = new Set([
  'iptables', 'ip6tables', 'iptables-save', 'iptables-restore', 'ip6tables-save', 'nft', 'ufw',
  'ip', 'conntrack', 'arp', 'route', 'ifconfig', 'sysctl', 'useradd', 'userdel', 'usermod',
  'groupadd', 'visudo', 'reboot', 'shutdown', 'sshd', 'nginx', 'cron', 'rsyslogd', 'chpasswd',
  'iw', 'tc', 'bridge', 'ethtool', 'service', 'adduser', 'deluser', 'logrotate', 'chronyd',
]);

/** The path sudo logs for `name` (it searches secure_path; a path is kept as given). */
export function sudoCommandPath(name: string): string {
  if (name.includes('/')) return name;
  return SBIN.has(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
}

/** sudo's own line: `     ops : TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=...`. */
export function sudoLine(u: Pick<SudoUse, 'user' | 'tty' | 'pwd' | 'command' | 'allowed'>): string {
  const denied = u.allowed ? '' : 'user NOT in sudoers ; ';
  return `${u.user.padStart(8)} : ${denied}TTY=${u.tty ?? 'unknown'} ; PWD=${u.pwd} ; USER=root ; COMMAND=${u.command}`;
}

/** The log entries of one use of sudo. */
export function sudoEntries(u: SudoUse): LogEntry[] {
  const base = { ident: 'sudo', pid: u.pid, facility: 'authpriv' as const, noPidTag: true,
    ...(u.unit ? { unit: u.unit } : {}) };
  const out: LogEntry[] = [
    { ...base, time: u.at, message: sudoLine(u), priority: u.allowed ? 5 : 1 },
  ];
  if (!u.allowed || u.command === 'list') return out;
  const opened = u.at + (u.openDelay ?? 0);
  out.push({ ...base, time: opened, priority: 6,
    message: `pam_unix(sudo:session): session opened for user root(uid=0) by ${u.user}(uid=${u.uid})` });
  if (u.end !== undefined) {
    out.push({ ...base, time: Math.max(u.end, opened), priority: 6,
      message: 'pam_unix(sudo:session): session closed for user root' });
  }
  return out;
}

/** A typed command line's sudo use, if it starts with sudo: the command as logged. */
export function sudoCommandOf(line: string, rootShell = '/bin/bash'): string | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'sudo') return undefined;
  let i = 1;
  let login = false;
  for (; i < words.length && words[i]!.startsWith('-'); i++) {
    const w = words[i]!;
    if (w === '-l' || w === '--list') return 'list';
    if (w === '-i' || w === '-s' || w === '--login' || w === '--shell') login = true;
    if (w === '-u') i++;
    if (w === '--') { i++; break; }
  }
  const rest = words.slice(i);
  if (rest.length === 0) return login ? rootShell : undefined;
  return [sudoCommandPath(rest[0]!), ...rest.slice(1)].join(' ');
}

/** The trace of the trainee's sudo events (each `sudo` closed by its `sudo-end`) in [from, to). */
export function actionSudoLogs(
  actions: readonly WorldEvent[], from: number, to: number, out: LogEntry[],
): void {
  actions.forEach((a, i) => {
    if (a.type !== 'sudo' || a.at >= to) return;
    const end = actions.slice(i + 1).find((b) => b.type === 'sudo-end' && b.pid === a.pid)?.at;
    const { type: _t, ...use } = a;
    for (const e of sudoEntries({ ...use, allowed: true, ...(end !== undefined ? { end } : {}) })) {
      if (e.time >= from && e.time < to) out.push(e);
    }
  });
}

/**
 * What an SSH login writes to the logs, as OpenSSH, PAM (pam_unix) and
 * systemd-logind word it on Ubuntu and Debian: failed password attempts,
 * the Accepted line with the key's fingerprint, the PAM session lines,
 * logind's session number, and on logout the disconnect and closing lines.
 * A session whose detached processes outlive it stays "closing" in logind
 * until they exit, so "Removed session N." waits for them.
 */
import type { LogEntry } from '../types';
import type { WorldCtx } from './context';
import { inWindow } from './module';
import { sudoEntries } from '../sudo-log';
import { sessionStartLines } from '../session-lines';
import type { SshLogin } from './types';

type Line = Omit<LogEntry, 'time'> & { dt: number };

const sshd = (pid: number, dt: number, message: string, facility: LogEntry['facility'] = 'auth'): Line =>
  ({ dt, ident: 'sshd', pid, message, facility, unit: 'ssh.service' });

const logind = (pid: number, dt: number, message: string): Line =>
  ({ dt, ident: 'systemd-logind', pid, message, facility: 'auth', unit: 'systemd-logind.service' });

const systemd = (dt: number, message: string): Line =>
  ({ dt, ident: 'systemd', pid: 1, message, facility: 'daemon' });

function failureLines(b: SshLogin, i: number): Line[] {
  const f = b.failures[i]!;
  const pid = f.pid;
  const where = `${b.from} port ${f.port}`;
  const rhost = `logname= uid=0 euid=0 tty=ssh ruser= rhost=${b.from}`;
  if (f.invalid) {
    return [
      sshd(pid, 0, `Invalid user ${f.user} from ${where}`),
      sshd(pid, 310, 'pam_unix(sshd:auth): check pass; user unknown', 'authpriv'),
      sshd(pid, 311, `pam_unix(sshd:auth): authentication failure; ${rhost}`, 'authpriv'),
      sshd(pid, 2150, `Failed password for invalid user ${f.user} from ${where} ssh2`),
      sshd(pid, 2410, `Connection closed by invalid user ${f.user} ${where} [preauth]`),
    ];
  }
  return [
    sshd(pid, 300, `pam_unix(sshd:auth): authentication failure; ${rhost}  user=${f.user}`, 'authpriv'),
    sshd(pid, 2140, `Failed password for ${f.user} from ${where} ssh2`),
    sshd(pid, 2400, `Connection closed by authenticating user ${f.user} ${where} [preauth]`),
  ];
}

function loginLines(b: SshLogin): Line[] {
  const accepted = b.auth === 'publickey'
    ? `Accepted publickey for ${b.user} from ${b.from} port ${b.fromPort} ssh2: ${b.keyType} ${b.fingerprint}`
    : `Accepted password for ${b.user} from ${b.from} port ${b.fromPort} ssh2`;
  return sessionStartLines({ user: b.user, uid: b.uid, session: b.session, privPid: b.pids.priv,
    managerPid: b.manager.pid, logindPid: b.logindPid, accepted });
}

/**
 * The sshd process that runs the session: the unprivileged child, or for
 * root the monitor itself (the second pid was its pre-authentication child).
 */
export const sessionPid = (b: SshLogin): number => (b.uid === 0 ? b.pids.priv : b.pids.user);

function logoutLines(b: SshLogin, byLogout: boolean): Line[] {
  const where = `${b.from} port ${b.fromPort}`;
  const lines: Line[] = [];
  if (byLogout) {
    lines.push(sshd(sessionPid(b), 0, `Received disconnect from ${where}:11: disconnected by user`));
    lines.push(sshd(sessionPid(b), 1, `Disconnected from user ${b.user} ${where}`));
  }
  lines.push(sshd(b.pids.priv, 6, `pam_unix(sshd:session): session closed for user ${b.user}`, 'authpriv'));
  lines.push(logind(b.logindPid, 9, `Session ${b.session} logged out. Waiting for processes to exit.`));
  return lines;
}

/** When the last process of the session's scope exits (detached children included). */
function scopeEmptyAt(b: SshLogin, ctx: WorldCtx, stop: number): number {
  let last = stop;
  for (const other of ctx.byId.values()) {
    if (!('parent' in other) || other.parent !== b.id) continue;
    last = Math.max(last, ctx.endOf(other.id));
  }
  return last;
}

/** When the user's service manager stops: 10 s after the session's scope empties. */
export function managerStop(b: SshLogin, ctx: WorldCtx): number {
  return scopeEmptyAt(b, ctx, ctx.endOf(b.id)) + 10_000;
}

export function sshLogs(b: SshLogin, ctx: WorldCtx, from: number, to: number, out: LogEntry[]): void {
  const put = (base: number, lines: Line[]) => {
    for (const { dt, ...rest } of lines) inWindow(out, from, to, { ...rest, time: base + dt });
  };
  b.failures.forEach((f, i) => put(f.at, failureLines(b, i)));
  put(b.at, loginLines(b));
  const stop = ctx.endOf(b.id);
  for (const use of b.sudo) {
    if (use.at >= stop) continue;
    for (const e of sudoEntries(use)) inWindow(out, from, to, e);
  }
  if (!Number.isFinite(stop)) return;
  put(stop, logoutLines(b, stop === b.until));
  const empty = scopeEmptyAt(b, ctx, stop);
  if (!Number.isFinite(empty)) return;
  const u = b.uid;
  put(empty, [
    logind(b.logindPid, 12, `Removed session ${b.session}.`),
    systemd(14, `session-${b.session}.scope: Deactivated successfully.`),
    systemd(10_000, `Stopping user@${u}.service - User Manager for UID ${u}...`),
    systemd(10_120, `user@${u}.service: Deactivated successfully.`),
    systemd(10_121, `Stopped user@${u}.service - User Manager for UID ${u}.`),
    systemd(10_140, `Removed slice user-${u}.slice - User Slice of UID ${u}.`),
  ]);
}

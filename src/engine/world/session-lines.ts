/**
 * What a user's first SSH login writes, as OpenSSH, PAM and systemd 249-255
 * word it on Ubuntu and Debian: sshd's Accepted line and its PAM session,
 * logind's new session, systemd creating the user's slice and runtime
 * directory and starting the service manager (`user@UID.service`, whose
 * own PAM session is the `(systemd)` line), then the session's scope.
 * Offsets are in ms from the connection; the manager forks at +60 ms.
 */
import type { LogEntry } from './types';

export type SessionLine = Omit<LogEntry, 'time'> & { dt: number };

export interface SessionStart {
  user: string;
  uid: number;
  session: number;
  privPid: number;
  managerPid: number;
  /** systemd-logind's pid (no logind line without it). */
  logindPid: number | undefined;
  /** sshd's Accepted line. */
  accepted: string;
}

const systemd = (dt: number, message: string): SessionLine =>
  ({ dt, ident: 'systemd', pid: 1, message, facility: 'daemon' });

export function sessionStartLines(s: SessionStart): SessionLine[] {
  const u = s.uid;
  const sshd = { ident: 'sshd', pid: s.privPid, unit: 'ssh.service' };
  const out: SessionLine[] = [
    { ...sshd, dt: 0, facility: 'auth', message: s.accepted },
    { ...sshd, dt: 24, facility: 'authpriv',
      message: `pam_unix(sshd:session): session opened for user ${s.user}(uid=${u}) by (uid=0)` },
  ];
  if (s.logindPid !== undefined) {
    out.push({ dt: 38, ident: 'systemd-logind', pid: s.logindPid, facility: 'auth',
      unit: 'systemd-logind.service', message: `New session ${s.session} of user ${s.user}.` });
  }
  out.push(
    systemd(40, `Created slice user-${u}.slice - User Slice of UID ${u}.`),
    systemd(41, `Starting user-runtime-dir@${u}.service - User Runtime Directory /run/user/${u}...`),
    systemd(52, `Finished user-runtime-dir@${u}.service - User Runtime Directory /run/user/${u}.`),
    systemd(55, `Starting user@${u}.service - User Manager for UID ${u}...`),
    { dt: 61, ident: '(systemd)', pid: s.managerPid, facility: 'authpriv',
      message: `pam_unix(systemd-user:session): session opened for user ${s.user}(uid=${u}) by ${s.user}(uid=0)` },
    systemd(190, `Started user@${u}.service - User Manager for UID ${u}.`),
    systemd(193, `Started session-${s.session}.scope - Session ${s.session} of User ${s.user}.`),
  );
  return out;
}

/**
 * The login accounting files as records: /var/log/wtmp (every login, logout,
 * boot and run-level change, appended; Ubuntu's logrotate keeps it until it
 * reaches 1 MB, so it begins at the boot), /run/utmp (one slot per line) and
 * /var/log/btmp (sshd's failed attempts, rotated monthly). The records are
 * who's (one model for who and last); btmp's come from the auth log: sshd
 * records a failure for an unknown user when it looks the name up
 * (`Invalid user`) and for every refused password, tty `ssh:notty`.
 */
import type { HostState, Login } from '../../world/types';
import { fromLocal, localTime } from '../../world/time-format';
import { findProcess, loginUid, uidOf } from '../procfs/processes';
import { utmpPid } from '../who/utmp';
import { utmpRecords, wtmpRecords, type Rec } from '../who/who';

export type UtType = 'boot' | 'runlevel' | 'shutdown' | 'user' | 'dead' | 'login';

export interface UtRec {
  type: UtType;
  user: string;
  line: string;
  host: string;
  time: number;
  pid: number;
  /** A login whose process still holds the user's login uid. */
  live: boolean;
  level?: string;
}

/** glibc's struct utmp on x86-64. */
export const UTMP_SIZE = 384;

function isLive(world: HostState, l: Login): boolean {
  return findProcess(world, l.pid) !== undefined && loginUid(world, l.pid) === uidOf(world, l.user);
}

function fromWho(w: HostState, r: Rec): UtRec {
  const sys = { line: '~', host: w.host.kernel, time: r.time, pid: 0, live: false };
  switch (r.kind) {
    case 'boot': return { ...sys, type: 'boot', user: 'reboot' };
    case 'runlevel': return { ...sys, type: 'runlevel', user: 'runlevel', level: r.level, pid: r.level.charCodeAt(0) };
    case 'login': return { type: 'login', user: 'LOGIN', line: r.line, host: '', time: r.time, pid: r.pid, live: false };
    case 'dead': return { type: 'dead', user: '', line: r.line, host: '', time: r.time, pid: r.pid, live: false };
    case 'user': {
      const l = r.login;
      return { type: 'user', user: l.user, line: l.tty, host: l.host, time: l.loginAt, pid: utmpPid(w, l), live: isLive(w, l) };
    }
  }
}

export const wtmpOf = (w: HostState): UtRec[] => wtmpRecords(w).map((r) => fromWho(w, r));
export const utmpOf = (w: HostState): UtRec[] => utmpRecords(w).map((r) => fromWho(w, r));

/** Midnight of the first of the month `now` is in: when logrotate last made btmp anew. */
export function btmpRotatedAt(w: HostState): number {
  const t = localTime(w.now, w.host.timezone);
  return fromLocal(w.host.timezone, t.year, t.month, 1);
}

const FAILED = /^(?:Invalid user (\S*) from (\S+) port \d+$|Failed (?:password|keyboard-interactive\/pam) for (?:invalid user )?(\S*) from (\S+) port \d+ ssh2$)/;

/** /var/log/btmp: sshd's failed attempts since the rotation, oldest first. */
export function btmpOf(w: HostState): UtRec[] {
  const out: UtRec[] = [];
  for (const e of w.logs(btmpRotatedAt(w), w.now + 1)) {
    if (e.ident !== 'sshd' || e.time > w.now) continue;
    const m = FAILED.exec(e.message);
    if (!m) continue;
    out.push({ type: 'user', user: m[1] ?? m[3] ?? '', line: 'ssh:notty', host: m[2] ?? m[4] ?? '',
      time: e.time, pid: e.pid ?? 0, live: false });
  }
  return out;
}

const TYPE_CODE: Record<UtType, number> = { runlevel: 1, boot: 2, login: 6, user: 7, dead: 8, shutdown: 1 };

/** The record as its 384 bytes (one character each), enough for a hex dump to look right. */
function recordText(r: UtRec, btmp: boolean): string {
  const int32 = (n: number) => String.fromCharCode(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
  const field = (s: string, n: number) => s.slice(0, n).padEnd(n, '\0');
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(r.host);
  const addr = v4 ? String.fromCharCode(...v4.slice(1).map(Number)) : '';
  const secs = Math.floor(r.time / 1000);
  const id = r.line === '~' ? '~~' : r.line.slice(-4);
  const type = btmp ? 6 : TYPE_CODE[r.type];
  return int32(type) + int32(r.pid) + field(r.line, 32) + field(id, 4) + field(r.user, 32) +
    field(r.host, 256) + int32(0) + int32(0) + int32(secs) + int32((r.time % 1000) * 1000) +
    field(addr, 16) + field('', 20);
}

export interface RecordFile {
  path: string;
  records: UtRec[];
  mode: number;
  /** When the file last changed. */
  mtime: number;
  btmp: boolean;
}

/** The three files, their records, modes and change times. */
export function recordFiles(w: HostState): RecordFile[] {
  const last = (rs: UtRec[], floor: number) => Math.max(floor, ...rs.map((r) => r.time));
  const wtmp = wtmpOf(w);
  const btmp = btmpOf(w);
  const utmp = utmpOf(w);
  return [
    { path: '/var/log/wtmp', records: wtmp, mode: 0o664, mtime: last(wtmp, w.host.bootTime), btmp: false },
    { path: '/var/log/btmp', records: btmp, mode: 0o660, mtime: last(btmp, btmpRotatedAt(w)), btmp: true },
    { path: '/run/utmp', records: utmp, mode: 0o664, mtime: last(utmp, w.host.bootTime), btmp: false },
  ];
}

export const recordFileText = (f: RecordFile): string => f.records.map((r) => recordText(r, f.btmp)).join('');

/**
 * Which unit holds a process, as systemd's GetUnitByPID answers it: a
 * process of a login session is in that session's scope
 * (`session-431.scope`, the number logind logged for the login), the
 * others in the unit the world gives them (`ssh.service`).
 *
 * The session of a process is found the way it was inherited: the
 * process or its nearest ancestor carries XDG_SESSION_ID (pam_systemd
 * sets it for the login shell, and a shell's children keep it), or is the
 * leader of a login, whose number is read from logind's `New session N of
 * user U.` line. sshd's privileged child of a login is in the scope too,
 * as pam_systemd moves it there; the listener stays in ssh.service.
 */
import type { HostState, LogEntry, Process, Unit } from '../../world/types';

export interface Session {
  id: number;
  user: string;
  /** When logind opened it ("New session N of user U."), or the login time. */
  since: number;
  /** The login has ended but processes remain: logind abandoned the scope. */
  abandoned: boolean;
}

const NEW_SESSION = /^New session (\d+) of user (\S+)\.$/;
const LOGGED_OUT = /^Session (\d+) logged out\./;

/** A unit as status shows it; a scope is transient, and abandoned once logged out. */
export type ShownUnit = Unit & { transient?: boolean; abandoned?: boolean };

const logindCache = new WeakMap<HostState, LogEntry[]>();

function logindLines(w: HostState): LogEntry[] {
  let lines = logindCache.get(w);
  if (!lines) {
    lines = w.logs(w.host.bootTime, w.now).filter((e) => e.ident === 'systemd-logind' && e.time <= w.now);
    logindCache.set(w, lines);
  }
  return lines;
}

function envOf(p: Process, name: string): string | undefined {
  return p.env.find(([k]) => k === name)?.[1];
}

function sessionById(w: HostState, id: number, user: string | undefined): Session | undefined {
  const lines = logindLines(w);
  const opened = lines.find((e) => NEW_SESSION.exec(e.message)?.[1] === String(id));
  if (!opened) return undefined;
  const who = NEW_SESSION.exec(opened.message)?.[2] ?? user ?? '';
  const closed = lines.some((e) => LOGGED_OUT.exec(e.message)?.[1] === String(id));
  return { id, user: who, since: opened.time, abandoned: closed };
}

/** The session opened for a login: logind's line within a second of it. */
function sessionOfLogin(w: HostState, loginAt: number, user: string): Session | undefined {
  const line = logindLines(w).find((e) => {
    const m = NEW_SESSION.exec(e.message);
    return m?.[2] === user && e.time >= loginAt && e.time - loginAt < 1000;
  });
  const id = line ? Number(NEW_SESSION.exec(line.message)?.[1]) : undefined;
  return id === undefined ? undefined : sessionById(w, id, user);
}

export function sessionOf(w: HostState, pid: number): Session | undefined {
  const seen = new Set<number>();
  let p = w.processes.find((x) => x.pid === pid);
  while (p && p.pid > 1 && !seen.has(p.pid)) {
    const xdg = envOf(p, 'XDG_SESSION_ID');
    if (xdg !== undefined && /^\d+$/.test(xdg)) return sessionById(w, Number(xdg), envOf(p, 'USER'));
    const here = p.pid;
    const login = w.logins.find((l) => l.pid === here);
    if (login) return sessionOfLogin(w, login.loginAt, login.user);
    seen.add(p.pid);
    const parent = p.ppid;
    p = w.processes.find((x) => x.pid === parent);
  }
  return undefined;
}

export const scopeName = (s: Session): string => `session-${s.id}.scope`;

/** The unit a process is in: its session's scope, else the world's unit. */
export function unitNameOf(w: HostState, p: Process): string | undefined {
  const s = sessionOf(w, p.pid);
  return s ? scopeName(s) : p.unit;
}

/** A session scope as systemd shows it: transient, abandoned once logged out. */
export function scopeUnit(s: Session): ShownUnit {
  return {
    name: scopeName(s),
    description: `Session ${s.id} of User ${s.user}`,
    path: `/run/systemd/transient/${scopeName(s)}`,
    active: 'active',
    sub: 'running',
    enabled: 'static',
    since: s.since,
    transient: true,
    abandoned: s.abandoned,
  };
}

/** The scope `session-N.scope` names, when that session still has processes. */
export function findScope(w: HostState, name: string): ShownUnit | undefined {
  const m = /^session-(\d+)\.scope$/.exec(name);
  if (!m) return undefined;
  const holder = w.processes.find((p) => sessionOf(w, p.pid)?.id === Number(m[1]));
  const s = holder ? sessionOf(w, holder.pid) : undefined;
  return s ? scopeUnit(s) : undefined;
}

/** The session scopes that hold processes now, in session order. */
export function sessionScopes(w: HostState): ShownUnit[] {
  const byId = new Map<number, Session>();
  for (const p of w.processes) {
    if (p.ppid <= 1 && !p.env.length && !w.logins.some((l) => l.pid === p.pid)) continue;
    const s = sessionOf(w, p.pid);
    if (s && !byId.has(s.id)) byId.set(s.id, s);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id).map(scopeUnit);
}

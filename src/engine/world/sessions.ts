/**
 * Sessions, process groups and controlling terminals, as the kernel keeps
 * them. A process is a session leader when its STAT says so (`s`); kernel
 * threads are in session 0; otherwise a behaviour names the group and
 * session it made (`pgid`, `sid`), or the process inherits them from its
 * parent, except that an interactive shell (a login shell, `-i`) does job
 * control: it is a group of its own and puts each job it starts in one. A daemon that double
 * forked (ppid 1, not a leader) is in the session of the middle process,
 * which has exited: the pid before its own.
 *
 * When a session's leader exits the kernel takes the terminal from the
 * whole session: its processes have no controlling tty any more (ps shows
 * `?` and no `+`). The terminal's foreground group is the group of the
 * latest process of the session that is in the foreground (`+` in its
 * STAT), else the leader's group.
 */
import type { HostState, Process } from './types';

const isKernel = (p: Process): boolean => p.pid === 2 || p.ppid === 2;

const SHELLS = /^-?(?:.*\/)?(?:bash|sh|dash|zsh)$/;

/** A shell with job control: a login shell (`-bash`) or one started with `-i`. */
function jobControl(p: Process): boolean {
  const [argv0 = '', ...rest] = p.argv;
  if (!SHELLS.test(argv0)) return false;
  return argv0.startsWith('-') || rest.some((a) => /^-[a-z]*i[a-z]*$/.test(a));
}

/** Fills in `pgid` and `sid` of every process; they are read by pid. */
function resolveIds(procs: readonly Process[]): Map<number, { pgid: number; sid: number }> {
  const byPid = new Map(procs.map((p) => [p.pid, p] as const));
  const out = new Map<number, { pgid: number; sid: number }>();
  const visit = (p: Process, depth: number): { pgid: number; sid: number } => {
    const known = out.get(p.pid);
    if (known) return known;
    let ids: { pgid: number; sid: number };
    if (isKernel(p)) ids = { pgid: 0, sid: 0 };
    else if (p.stat.includes('s')) ids = { pgid: p.pid, sid: p.pid };
    else if (p.sid !== undefined) ids = { pgid: p.pgid ?? p.pid, sid: p.sid };
    else {
      const parent = p.ppid > 1 ? byPid.get(p.ppid) : undefined;
      if (!parent || parent === p || depth > 64) ids = { pgid: p.pid - 1, sid: p.pid - 1 };
      else {
        const up = visit(parent, depth + 1);
        const own = jobControl(p) || jobControl(parent);
        ids = { pgid: p.pgid ?? (own ? p.pid : up.pgid), sid: up.sid };
      }
    }
    out.set(p.pid, ids);
    return ids;
  };
  for (const p of procs) visit(p, 0);
  return out;
}

/**
 * The processes with their group and session filled in and, where the
 * session's leader is gone, no controlling terminal (and no `+`).
 */
export function settleSessions(procs: readonly Process[]): Process[] {
  const ids = resolveIds(procs);
  const alive = new Set(procs.map((p) => p.pid));
  return procs.map((p) => {
    const { pgid, sid } = ids.get(p.pid)!;
    const orphaned = p.tty !== null && sid > 0 && !alive.has(sid);
    return {
      ...p, pgid, sid,
      ...(orphaned ? { tty: null, stat: p.stat.replace('+', '') } : {}),
    };
  });
}

export interface SessionView {
  pgid: number;
  sid: number;
  /** Foreground group of the controlling terminal, -1 without one. */
  tpgid: number;
  /** /proc/PID/stat's tty_nr: the terminal's device number, 0 without one. */
  ttyNr: number;
  /** ps STAT with `s` and `+` as the ids say. */
  stat: string;
}

const views = new WeakMap<readonly Process[], Map<number, SessionView>>();

/** The session facts of a process of `world` (memoised per process list). */
export function procSession(world: HostState, p: Process): SessionView {
  let map = views.get(world.processes);
  if (!map) views.set(world.processes, (map = buildViews(world.processes)));
  return map.get(p.pid) ?? viewOf(p, p.pgid ?? p.pid, p.sid ?? p.pid, -1);
}

function buildViews(procs: readonly Process[]): Map<number, SessionView> {
  const ids = resolveIds(procs);
  const fg = new Map<number, { at: number; pgid: number }>();
  for (const p of procs) {
    const { pgid, sid } = ids.get(p.pid)!;
    if (p.tty === null || sid <= 0) continue;
    const leader = p.pid === sid ? 0 : 1;
    const rank = p.stat.includes('+') ? 2 : leader === 0 ? 1 : 0;
    const at = rank * 1e15 + p.startTime + p.pid / 1e7;
    const had = fg.get(sid);
    if (rank > 0 && (!had || at > had.at)) fg.set(sid, { at, pgid });
  }
  const out = new Map<number, SessionView>();
  for (const p of procs) {
    const { pgid, sid } = ids.get(p.pid)!;
    const tpgid = p.tty === null ? -1 : (fg.get(sid)?.pgid ?? -1);
    out.set(p.pid, viewOf(p, pgid, sid, tpgid));
  }
  return out;
}

function viewOf(p: Process, pgid: number, sid: number, tpgid: number): SessionView {
  return { pgid, sid, tpgid, ttyNr: ttyNumber(p.tty), stat: statLetters(p, pgid, sid, tpgid) };
}

/**
 * STAT in procps' order: state, `<` or `N`, `L`, `s`, `l`, `+`. The state
 * and the priority and thread letters are the process's own.
 */
function statLetters(p: Process, pgid: number, sid: number, tpgid: number): string {
  const own = p.stat.slice(1);
  let s = p.stat[0] ?? 'S';
  if (own.includes('<')) s += '<';
  else if (own.includes('N')) s += 'N';
  if (own.includes('L')) s += 'L';
  if (sid === p.pid && sid > 0) s += 's';
  if (own.includes('l')) s += 'l';
  if (p.tty !== null && tpgid === pgid && pgid > 0) s += '+';
  return s;
}

/** The device number the kernel encodes for a terminal: pts/N 136:N, ttyN 4:N, ttySN 4:64+N. */
export function ttyNumber(tty: string | null): number {
  if (!tty) return 0;
  const dev = (major: number, minor: number) => (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
  let m = /^pts\/(\d+)$/.exec(tty);
  if (m) return dev(136, Number(m[1]));
  m = /^ttyS(\d+)$/.exec(tty);
  if (m) return dev(4, 64 + Number(m[1]));
  m = /^tty(\d+)$/.exec(tty);
  if (m) return dev(4, Number(m[1]));
  return 0;
}

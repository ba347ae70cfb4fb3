/**
 * Per-process /proc views: the content of /proc/PID/{cmdline, comm, status,
 * environ, stat, loginuid}, the link targets of exe, cwd and root, and the
 * fd/ directory. The virtual filesystem calls these; they read the world only.
 *
 * API:
 *   procPids(world)               pids that have a /proc/PID directory
 *   procPidList(world, pid)       entries of /proc/PID (undefined: no such pid)
 *   procPidEntry(world, pid, rel) one entry by relative path ("status", "fd/3")
 *   findTask(world, id)           the process and thread of a pid or thread id
 *   procAccessAllowed(world, pid, uid, rel)  ptrace-style access rule
 *
 * cmdline and environ are NUL separated with a trailing NUL, as the kernel
 * gives them; a kernel thread's are empty. Links carry their target text.
 */
import type { FdEntry, HostState, Process } from '../../world/types';
import { procSession } from '../../world/sessions';
import { procStatus } from './status';
import { cmdlineArgs, findProcess, loginUid } from './processes';
import { taskOf, threadCount, type Task } from '../../world/threads';

export type ProcEntryKind = 'file' | 'link' | 'dir';

export interface ProcEntryMeta {
  name: string;
  kind: ProcEntryKind;
  /** Permission bits, as ls -l shows them (0o444, 0o400, 0o777 for links). */
  mode: number;
  uid: number;
  gid: number;
  /** Time ls -l shows: the process start. */
  mtime: number;
  /** ls -l size: 0 for files, 64 for fd links, as the kernel reports. */
  size: number;
  /** Link target, for kind 'link'. */
  target?: string;
}

export type ProcEntry =
  | (ProcEntryMeta & { kind: 'file'; content: string })
  | (ProcEntryMeta & { kind: 'link'; target: string })
  | (ProcEntryMeta & { kind: 'dir'; entries: ProcEntryMeta[] });

/** Files that need the owner's uid or root to read (ptrace access mode). */
const PRIVATE = new Set(['environ', 'exe', 'cwd', 'root', 'fd']);

type Render = (w: HostState, p: Process, t: Task) => string;

const FILES: Record<string, { mode: number; render: Render }> = {
  cmdline: { mode: 0o444, render: (_w, p) => nulJoin(cmdlineArgs(p)) },
  comm: { mode: 0o644, render: (_w, _p, t) => `${t.comm.slice(0, 15)}\n` },
  environ: { mode: 0o400, render: (_w, p) => nulJoin(p.env.map(([k, v]) => `${k}=${v}`)) },
  status: { mode: 0o444, render: (w, p, t) => procStatus(w, p, t) },
  stat: { mode: 0o444, render: (w, p, t) => procStat(w, p, t) },
  loginuid: { mode: 0o644, render: (w, p) => String(loginUid(w, p.pid)) },
};

function nulJoin(parts: string[]): string {
  return parts.map((s) => `${s}\0`).join('');
}

/**
 * The process and thread behind /proc/ID: a pid, or the id of one of a
 * process's other threads (/proc/TID is there, though not listed).
 */
export function findTask(world: HostState, id: number): { p: Process; t: Task } | undefined {
  const p = findProcess(world, id) ?? world.processes.find((x) => x.threads?.some((t) => t.tid === id));
  const t = p && taskOf(p, id);
  return p && t ? { p, t } : undefined;
}

export function procPids(world: HostState): number[] {
  return world.processes.map((p) => p.pid).sort((a, b) => a - b);
}

function meta(p: Process, name: string, kind: ProcEntryKind, mode: number): ProcEntryMeta {
  return { name, kind, mode, uid: p.uid, gid: p.gid, mtime: p.startTime, size: 0 };
}

/** The target of an fd link as readlink(2) gives it. */
export function fdTarget(f: FdEntry): string {
  if (f.kind === 'socket' || f.kind === 'unix') return `socket:[${f.target}]`;
  if (f.kind === 'pipe') return `pipe:[${f.target}]`;
  return f.deleted ? `${f.target} (deleted)` : String(f.target);
}

function fdMode(f: FdEntry): number {
  if (f.mode === 'r') return 0o500;
  if (f.mode === 'w') return 0o300;
  return 0o700;
}

function fdEntries(p: Process): ProcEntryMeta[] {
  return [...p.fds].sort((a, b) => a.fd - b.fd).map((f) => ({
    ...meta(p, String(f.fd), 'link', fdMode(f)), size: 64, target: fdTarget(f),
  }));
}

function links(p: Process): Record<string, string> {
  return { exe: p.exe, cwd: p.cwd, root: '/' };
}

/** The entries of /proc/PID, or undefined when there is no such process. */
export function procPidList(world: HostState, pid: number): ProcEntryMeta[] | undefined {
  const p = findTask(world, pid)?.p;
  if (!p) return undefined;
  const files = Object.entries(FILES).map(([name, f]) => meta(p, name, 'file', f.mode));
  const linkRows = Object.entries(links(p)).map(([name, target]) => (
    { ...meta(p, name, 'link', 0o777), target }));
  const dirs = [meta(p, 'fd', 'dir', 0o500), meta(p, 'task', 'dir', 0o555)];
  return [...files, ...linkRows, ...dirs].sort((a, b) => a.name.localeCompare(b.name));
}

/** One entry under /proc/PID by relative path, or undefined if absent. */
export function procPidEntry(world: HostState, pid: number, rel: string): ProcEntry | undefined {
  const found = findTask(world, pid);
  if (!found) return undefined;
  const { p, t } = found;
  const name = rel.replace(/\/+$/, '');
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (file) return { ...meta(p, name, 'file', file.mode), kind: 'file', content: file.render(world, p, t) };
  const target = Object.hasOwn(links(p), name) ? links(p)[name] : undefined;
  if (target !== undefined) return { ...meta(p, name, 'link', 0o777), kind: 'link', target };
  if (name === 'fd') return { ...meta(p, 'fd', 'dir', 0o500), kind: 'dir', entries: fdEntries(p) };
  const m = /^fd\/(\d+)$/.exec(name);
  const fdNo = m ? Number(m[1]) : -1;
  const f = fdEntries(p).find((e) => e.name === String(fdNo));
  if (f?.target !== undefined) return { ...f, kind: 'link', target: f.target };
  return undefined;
}

/** Whether `uid` may read `rel` of the process (root or the same uid for private entries). */
export function procAccessAllowed(world: HostState, pid: number, uid: number, rel: string): boolean {
  const p = findTask(world, pid)?.p;
  if (!p) return false;
  const top = rel.split('/')[0] ?? '';
  return !PRIVATE.has(top) || uid === 0 || uid === p.uid;
}

/** /proc/PID/stat: the 52 fields; times in clock ticks (100 Hz) since boot. */
function procStat(world: HostState, p: Process, t: Task): string {
  const ticks = Math.max(0, Math.round((p.startTime - world.host.bootTime) / 10));
  const utime = Math.round(t.cpuSeconds * 100);
  const state = p.stat[0] ?? 'S';
  const s = procSession(world, p);
  const fields = [
    t.tid, `(${t.comm})`, state, p.ppid, s.pgid, s.sid, s.ttyNr, s.tpgid,
    4194304, 0, 0, 0, 0, utime, 0, 0, 0, 20, 0, threadCount(p), 0, ticks, p.vsz * 1024,
    Math.round(p.rss / 4), '18446744073709551615', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  return `${fields.join(' ')}\n`;
}

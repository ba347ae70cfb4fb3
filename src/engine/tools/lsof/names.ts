/**
 * lsof's file selection: names on the command line (a file, a directory,
 * or a mount point, which stands for every file on its file system), +d DIR
 * (the directory and what is directly in it) and +D DIR (the whole tree).
 * The world has no inode table, so a path exists when the world's files,
 * the processes' open files or lsof's own file tables know it; the name
 * alone identifies an open file (the simulated inodes are derived from it).
 */
import type { HostState } from '../../world/types';
import type { LsofFile } from './entries';
import { DEVICES, LIBRARIES, rootDevice } from './filedata';

export type Target =
  | { kind: 'path'; path: string }
  | { kind: 'mount'; device: string }
  | { kind: 'dir'; path: string; recursive: boolean };

type PathKind = 'dir' | 'file' | undefined;

/** Makes a path absolute and drops ".", ".." and repeated or trailing slashes. */
export function absolute(path: string, cwd: string): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

const under = (path: string, dir: string) => (dir === '/' ? path !== '/' : path.startsWith(`${dir}/`));

/** What the world knows at `path`: a directory, a file, or nothing. */
export function pathKind(world: HostState, path: string): PathKind {
  if (path === '/') return 'dir';
  let kind: PathKind;
  const see = (p: string, k: 'dir' | 'file') => {
    if (p === path) kind ??= k;
    else if (under(p, path)) kind = 'dir';
  };
  for (const f of world.files) see(f.path, 'file');
  for (const p of world.processes) {
    see(p.cwd, 'dir');
    if (p.exe) see(p.exe, 'file');
    for (const e of p.fds) if (typeof e.target === 'string') see(e.target, e.kind === 'dir' ? 'dir' : 'file');
  }
  for (const p of DEVICES.keys()) see(p, 'file');
  for (const libs of LIBRARIES.values()) for (const l of libs) see(l, 'file');
  return kind;
}

export interface NameResult {
  targets: Target[];
  /** lsof's "status error" lines, one per name that does not exist. */
  errors: string[];
}

/** The file arguments, as lsof checks them before it reads any process. */
export function nameTargets(world: HostState, names: readonly string[], cwd: string): NameResult {
  const out: NameResult = { targets: [], errors: [] };
  for (const name of names) {
    const path = absolute(name, cwd);
    if (!pathKind(world, path)) {
      out.errors.push(`lsof: status error on ${name}: No such file or directory`);
    } else if (path === '/') {
      out.targets.push({ kind: 'mount', device: rootDevice(world) });
    } else {
      out.targets.push({ kind: 'path', path });
    }
  }
  return out;
}

/** +d / +D: the directory's target, or lsof's message (it then prints its usage). */
export function dirTarget(
  world: HostState,
  value: string | undefined,
  cwd: string,
  recursive: boolean,
): Target | string {
  if (!value || value.startsWith('-') || value.startsWith('+'))
    return 'lsof: +d not followed by a directory path';
  const path = absolute(value, cwd);
  const kind = pathKind(world, path);
  if (!kind) return `lsof: WARNING: can't stat(${value}): No such file or directory`;
  if (kind !== 'dir') return `lsof: WARNING: not a directory: ${value}`;
  return { kind: 'dir', path, recursive };
}

const parentOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf('/')));

/** Whether an open file is one the target names. */
export function targetHit(t: Target, f: LsofFile): boolean {
  if (t.kind === 'mount') return f.device === t.device && (f.type === 'REG' || f.type === 'DIR');
  const p = f.path;
  if (p === undefined) return false;
  if (t.kind === 'path') return p === t.path;
  if (p === t.path) return true;
  return t.recursive ? under(p, t.path) : under(p, t.path) && parentOf(p) === t.path;
}

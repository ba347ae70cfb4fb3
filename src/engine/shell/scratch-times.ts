/**
 * Times of what the trainee writes. just-bash's InMemoryFs stamps every
 * entry it creates with the host's real clock: the file written, and also
 * each directory it makes on the way (`mkdir -p a/b/c`, a file written
 * into a directory only the view held) and each symbolic link, which
 * utimes cannot reach since it follows links. The lab has one clock, the
 * simulated one, so every entry a write creates is stamped with it here:
 * files and directories through utimes, links in a table of their own.
 */
import type { FsStat, InMemoryFs } from 'just-bash';
import { normalizePath } from './paths';

export class ScratchTimes {
  /** Modification times of links the trainee made (utimes would stamp their targets). */
  private readonly links = new Map<string, number>();

  constructor(
    private readonly scratch: InMemoryFs,
    private readonly now: () => number,
  ) {}

  /** `path` and the directories above it that the scratch layer does not hold yet, deepest first. */
  private async missing(path: string): Promise<string[]> {
    const out: string[] = [];
    for (let p = normalizePath(path); p !== '/'; p = normalizePath(p + '/..')) {
      if (await this.held(p)) break;
      out.push(p);
    }
    return out;
  }

  private async held(path: string): Promise<boolean> {
    try {
      await this.scratch.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs `op`, then stamps each of `paths` and every directory above them
   * that `op` created; with `below`, also everything under each path
   * (a directory copied whole).
   */
  async created<T>(paths: readonly string[], op: () => Promise<T>, below = false): Promise<T> {
    const fresh = new Set<string>();
    for (const p of paths) for (const m of await this.missing(p)) fresh.add(m);
    // Each entry made anew changes the directory that lists it.
    const listing = new Set([...fresh].map((p) => normalizePath(p + '/..')));
    const result = await op();
    for (const p of paths) fresh.add(normalizePath(p));
    for (const dir of listing) if (!fresh.has(dir) && dir !== '/') fresh.add(dir);
    if (below) {
      const roots = paths.map((p) => normalizePath(p) + '/');
      for (const p of this.scratch.getAllPaths()) if (roots.some((r) => p.startsWith(r))) fresh.add(p);
    }
    for (const p of fresh) await this.stamp(p);
    return result;
  }

  /** Gives `path` the simulated now as its modification time. */
  async stamp(path: string): Promise<void> {
    const p = normalizePath(path);
    let st: FsStat;
    try {
      st = await this.scratch.lstat(p);
    } catch {
      return;
    }
    if (st.isSymbolicLink) {
      this.links.set(p, this.now());
      return;
    }
    const when = new Date(this.now());
    await this.scratch.utimes(p, when, when).catch(() => undefined);
  }

  /** Sets a file's time to `mtime` (a copy of a view file keeps the view's time). */
  async keep(path: string, mtime: number): Promise<void> {
    const when = new Date(mtime);
    await this.scratch.utimes(normalizePath(path), when, when).catch(() => undefined);
  }

  /** `st` (from lstat of `path`) with a link's time from the table. */
  lstat(path: string, st: FsStat): FsStat {
    if (!st.isSymbolicLink) return st;
    const t = this.links.get(normalizePath(path));
    return t === undefined ? st : { ...st, mtime: new Date(t) };
  }

  forget(path: string): void {
    const p = normalizePath(path);
    for (const k of [...this.links.keys()]) if (k === p || k.startsWith(p + '/')) this.links.delete(k);
  }
}

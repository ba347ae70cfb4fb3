/**
 * The filesystem the trainee's shell sees. Two layers:
 *
 * - a view of the world at the moment of each read (/proc, /var/log, /etc,
 *   the scenario's files): `ViewTree`, rebuilt from the current HostState;
 * - a scratch layer (just-bash's InMemoryFs) that holds what the trainee
 *   writes, shadowing the view. Deleting a view file hides it.
 *
 * Ownership and permissions come from the view (just-bash's FsStat has no
 * owner), so `ls -l` asks `describe()`. Writes outside the home directory,
 * /tmp and /var/tmp need root, as on a real host.
 */
import { InMemoryFs } from 'just-bash';
import type { CpOptions, FsStat, IFileSystem, MkdirOptions, RmOptions } from 'just-bash';
import { byteString } from './devices';
import { normalizePath } from './paths';
import { ScratchTimes } from './scratch-times';

export type ViewNode =
  | ({ kind: 'file'; content: () => string; mode: number; uid: number; gid: number; mtime: number } & DeviceRead & FileFacts)
  | { kind: 'dir'; entries: () => string[]; mode: number; uid: number; gid: number; mtime: number; links?: number }
  | ({ kind: 'link'; target: string; mode: number; uid: number; gid: number; mtime: number } & LinkAccess);

/**
 * A character device: reads return `bytes()` (binary, not UTF-8 text) and
 * stat reports size 0, as for /dev/zero.
 */
export interface DeviceRead {
  bytes?: () => Uint8Array;
}

/**
 * What a file's inode says that its content does not: the size of a program
 * whose content is a stub, the device numbers of a character device.
 */
export interface FileFacts {
  size?: number;
  rdev?: [number, number];
  /**
   * Its content, size and time come from code loaded on first use
   * (FsIdentity.loadRenderers): read them only after that has run.
   */
  heavy?: boolean;
}

/**
 * What readlink(2) says about a link besides its target: a kernel thread's
 * /proc/PID/exe has none (ENOENT), and a process's exe, cwd, root and fd
 * links are readable only by its owner and root (ptrace access, EACCES).
 */
export interface LinkAccess {
  noTarget?: boolean;
  ownerOnly?: boolean;
}

/** What `ls -l` and `stat` need beyond FsStat: owner, group, link count, device numbers. */
export interface Described {
  uid: number;
  gid: number;
  mode: number;
  mtime: number;
  target?: string;
  linkError?: LinkError;
  /** Hard links, when the view knows them (a directory: 2 + its subdirectories). */
  links?: number;
  /** A character device's major and minor. */
  rdev?: [number, number];
}

/** Why a link cannot be read, in the words `ls` and `stat` print after the name. */
export type LinkError = 'No such file or directory' | 'Permission denied';

export interface ViewTree {
  lookup(path: string): ViewNode | undefined;
  /** The path with its directories' links resolved (/bin/ls is /usr/bin/ls). */
  canonical?(path: string): string;
}

export interface FsIdentity {
  uid(): number;
  /** Primary and supplementary group ids. */
  gids(): readonly number[];
  home(): string;
  /** Simulated time, for the times of files the trainee writes. */
  now(): number;
  /** Loads the code behind `heavy` files (the log, /proc/net and record renderers). */
  loadRenderers?(): Promise<void>;
}

/** Devices every process can write to; what is written there vanishes. */
const SINKS = new Set(['/dev/null', '/dev/zero', '/dev/tty', '/dev/stdout', '/dev/stderr']);

type Content = string | Uint8Array;

const WRITABLE_FOR_ALL = ['/tmp', '/var/tmp', '/dev/shm'];

export { normalizePath };

function errno(code: string, text: string, op: string, path: string): Error {
  const error = new Error(`${code}: ${text}, ${op} '${path}'`) as Error & { code: string };
  error.code = code;
  return error;
}

const enoent = (op: string, path: string) => errno('ENOENT', 'no such file or directory', op, path);
const eacces = (op: string, path: string) => errno('EACCES', 'permission denied', op, path);

export class HostFs implements IFileSystem {
  readonly scratch = new InMemoryFs();
  private readonly times: ScratchTimes;
  private readonly hidden = new Set<string>();
  /**
   * Writes refused since the last `takeDenied()`. just-bash lets an exception
   * from a redirection escape the whole command line, so a refused write is
   * dropped quietly here and the session reports it as bash would.
   */
  private denied: string[] = [];

  takeDenied(): string[] {
    const out = [...new Set(this.denied)];
    this.denied = [];
    return out;
  }

  private mayWrite(path: string): boolean {
    try {
      this.assertWritable('open', path);
      return true;
    } catch {
      this.denied.push(path);
      return false;
    }
  }

  constructor(
    private readonly view: () => ViewTree,
    private readonly who: FsIdentity,
  ) {
    this.times = new ScratchTimes(this.scratch, () => who.now());
  }

  /** Before a `heavy` file at `path` is read or stat'ed, loads the code that renders it. */
  private async prepare(path: string, followLinks = true): Promise<void> {
    const node = this.viewNode(path, followLinks);
    if (node?.kind === 'file' && node.heavy) await this.who.loadRenderers?.();
  }

  /** The view node at `path`, unless the trainee shadowed or removed it. */
  private viewNode(path: string, followLinks = true): ViewNode | undefined {
    let p = normalizePath(path);
    for (let hops = 0; hops < 8; hops++) {
      if (this.hidden.has(p)) return undefined;
      const node = this.view().lookup(p);
      if (!node || node.kind !== 'link' || !followLinks) return node;
      if (node.target.startsWith('/')) {
        p = normalizePath(node.target);
        continue;
      }
      // A relative target (/proc/self -> 4242) leads from the link's directory;
      // one that names nothing there (socket:[123]) is kept as the link.
      if (node.target === '' || node.noTarget) return node;
      const next = normalizePath(`${p}/../${node.target}`);
      if (this.hidden.has(next) || !this.view().lookup(next)) return node;
      p = next;
    }
    return undefined;
  }

  private async inScratch(path: string): Promise<boolean> {
    return this.scratch.exists(path);
  }

  /** Whether the scratch layer holds `path` itself (a link whose target it lacks counts). */
  private async heldInScratch(path: string): Promise<boolean> {
    try {
      await this.scratch.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The path a link the trainee made leads to, when only the view holds
   * what it points at (`ln -s /etc/passwd /tmp/p`): reads follow it there.
   */
  private async throughLink(path: string): Promise<string | undefined> {
    if ((await this.inScratch(path)) || !(await this.heldInScratch(path))) return undefined;
    const st = await this.scratch.lstat(path);
    if (!st.isSymbolicLink) return undefined;
    const target = await this.scratch.readlink(path);
    return normalizePath(target.startsWith('/') ? target : `${normalizePath(path + '/..')}/${target}`);
  }

  /** Owner, group, mode and link target (or why it cannot be read) for `ls -l`, from either layer. */
  async describe(path: string): Promise<Described | undefined> {
    await this.prepare(path, false);
    const p = normalizePath(path);
    const node = this.viewNode(p, false);
    const held = await this.heldInScratch(p);
    const scratchIsDir = held && (await this.scratch.lstat(p)).isDirectory;
    if (node && (!held || (node.kind === 'dir' && scratchIsDir))) {
      const linkError = node.kind === 'link' ? this.linkError(node) : undefined;
      const target = node.kind === 'link' && !linkError ? node.target : undefined;
      const links = node.kind === 'dir' ? node.links : undefined;
      const rdev = node.kind === 'file' ? node.rdev : undefined;
      // A directory the trainee wrote into is dated by that write when it is later.
      const mtime = held ? Math.max(node.mtime, (await this.scratch.lstat(p)).mtime.getTime()) : node.mtime;
      return { uid: node.uid, gid: node.gid, mode: node.mode, mtime, target, linkError, links, rdev };
    }
    if (!held) return undefined;
    const st = this.times.lstat(p, await this.scratch.lstat(p));
    const target = st.isSymbolicLink ? await this.scratch.readlink(p) : undefined;
    return { uid: this.who.uid(), gid: this.who.uid(), mode: st.mode, mtime: st.mtime.getTime(), target };
  }

  private linkError(node: ViewNode & { kind: 'link' }): LinkError | undefined {
    if (node.ownerOnly && this.who.uid() !== 0 && this.who.uid() !== node.uid) return 'Permission denied';
    return node.noTarget ? 'No such file or directory' : undefined;
  }

  /** Whether the current user has `bit` (4 read, 1 search) on `node`, as the kernel picks the triplet. */
  private permits(node: ViewNode, bit: 4 | 1): boolean {
    const uid = this.who.uid();
    if (uid === 0) return true;
    if (uid === node.uid) return (node.mode & (bit << 6)) !== 0;
    if (this.who.gids().includes(node.gid)) return (node.mode & (bit << 3)) !== 0;
    return (node.mode & bit) !== 0;
  }

  private mayRead(node: ViewNode): boolean {
    return this.permits(node, 4);
  }

  /**
   * Reaching a path needs search (x) permission on every directory above
   * it; root needs none. A directory only the scratch layer holds is the
   * trainee's own.
   */
  private assertSearchable(op: string, path: string): void {
    if (this.who.uid() === 0) return;
    const parts = normalizePath(path).split('/').filter((part) => part !== '');
    let dir = '';
    for (const part of parts.slice(0, -1)) {
      dir += '/' + part;
      const node = this.viewNode(dir);
      if (node?.kind === 'dir' && !this.permits(node, 1)) throw eacces(op, path);
    }
  }

  /** Whether `path` is out of reach because a directory above it may not be searched. */
  searchDenied(path: string): boolean {
    try {
      this.assertSearchable('access', path);
      return false;
    } catch {
      return true;
    }
  }

  private assertWritable(op: string, path: string): void {
    const p = normalizePath(path);
    if (p === '/proc' || p.startsWith('/proc/') || p.startsWith('/sys/')) throw eacces(op, path);
    if (this.who.uid() === 0) return;
    this.assertSearchable(op, path);
    const home = this.who.home();
    const ok = [home, ...WRITABLE_FOR_ALL].some((dir) => p === dir || p.startsWith(dir + '/'));
    if (!ok) throw eacces(op, path);
  }

  private async ensureParent(path: string): Promise<void> {
    const parent = normalizePath(path + '/..');
    if (parent === '/' || (await this.scratch.exists(parent))) return;
    const node = this.viewNode(parent);
    if (node?.kind === 'dir') {
      await this.times.created([parent], () => this.scratch.mkdir(parent, { recursive: true }));
    }
  }

  async readFile(path: string, options?: Parameters<IFileSystem['readFile']>[1]): Promise<string> {
    await this.prepare(path);
    this.assertSearchable('open', path);
    const via = await this.throughLink(path);
    if (via) return this.readFile(via, options);
    if (await this.inScratch(path)) return this.scratch.readFile(path, options);
    const node = this.viewNode(path);
    if (!node) throw enoent('open', path);
    if (node.kind === 'dir') throw errno('EISDIR', 'illegal operation on a directory', 'read', path);
    if (node.kind === 'link') throw enoent('open', path);
    if (!this.mayRead(node)) throw eacces('open', path);
    return node.bytes ? byteString(node.bytes()) : node.content();
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    await this.prepare(path);
    this.assertSearchable('open', path);
    const via = await this.throughLink(path);
    if (via) return this.readFileBuffer(via);
    if (await this.inScratch(path)) return this.scratch.readFileBuffer(path);
    const text = await this.readFile(path);
    const node = this.viewNode(path);
    if (node?.kind === 'file' && node.bytes) return node.bytes().slice();
    return new TextEncoder().encode(text);
  }

  /** InMemoryFs stamps files with the host's real clock; the lab's clock wins (scratch-times.ts). */
  private async stamp(path: string): Promise<void> {
    await this.times.stamp(path);
  }

  async writeFile(path: string, content: Content, options?: Parameters<IFileSystem['writeFile']>[2]): Promise<void> {
    if (SINKS.has(normalizePath(path))) return;
    if (!this.mayWrite(path)) return;
    await this.ensureParent(path);
    this.hidden.delete(normalizePath(path));
    await this.times.created([path], () => this.scratch.writeFile(path, content, options));
  }

  async appendFile(path: string, content: Content, options?: Parameters<IFileSystem['appendFile']>[2]): Promise<void> {
    await this.prepare(path);
    if (SINKS.has(normalizePath(path))) return;
    if (!this.mayWrite(path)) return;
    if (!(await this.inScratch(path))) {
      const node = this.viewNode(path);
      if (node?.kind === 'file') {
        await this.ensureParent(path);
        await this.scratch.writeFile(path, node.content());
      }
    }
    await this.ensureParent(path);
    await this.times.created([path], () => this.scratch.appendFile(path, content, options));
  }

  async exists(path: string): Promise<boolean> {
    if (this.searchDenied(path)) return false;
    const via = await this.throughLink(path);
    if (via) return this.exists(via);
    return (await this.inScratch(path)) || this.viewNode(path) !== undefined;
  }

  private statOf(node: ViewNode): FsStat {
    const size = node.kind === 'file'
      ? node.bytes || node.rdev ? 0 : node.size ?? new TextEncoder().encode(node.content()).length
      : node.kind === 'dir' ? 4096 : node.target.length;
    return {
      isFile: node.kind === 'file',
      isDirectory: node.kind === 'dir',
      isSymbolicLink: node.kind === 'link',
      mode: node.mode,
      size,
      mtime: new Date(node.mtime),
    };
  }

  /**
   * A directory both layers hold is described by the view (owner, mode,
   * size), dated by the later of the two: the trainee's writes into it
   * change it then.
   */
  private async viewDirOver(path: string, followLinks: boolean): Promise<FsStat | undefined> {
    const node = this.viewNode(path, followLinks);
    if (node?.kind !== 'dir') return undefined;
    const st = await this.scratch.lstat(path);
    if (!st.isDirectory) return undefined;
    const view = this.statOf(node);
    return st.mtime.getTime() > view.mtime.getTime() ? { ...view, mtime: st.mtime } : view;
  }

  async stat(path: string): Promise<FsStat> {
    await this.prepare(path);
    this.assertSearchable('stat', path);
    const via = await this.throughLink(path);
    if (via) return this.stat(via);
    if (await this.inScratch(path)) return (await this.viewDirOver(path, true)) ?? this.scratch.stat(path);
    const node = this.viewNode(path);
    if (!node) throw enoent('stat', path);
    return this.statOf(node);
  }

  async lstat(path: string): Promise<FsStat> {
    await this.prepare(path, false);
    this.assertSearchable('lstat', path);
    if (await this.heldInScratch(path)) {
      return (await this.viewDirOver(path, false)) ?? this.times.lstat(path, await this.scratch.lstat(path));
    }
    const node = this.viewNode(path, false);
    if (!node) throw enoent('lstat', path);
    return this.statOf(node);
  }

  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    this.assertSearchable('mkdir', path);
    const node = this.viewNode(path);
    if (node && !options?.recursive) throw errno('EEXIST', 'file already exists', 'mkdir', path);
    if (node?.kind === 'dir') return;
    this.assertWritable('mkdir', path);
    await this.ensureParent(path);
    await this.times.created([path], () => this.scratch.mkdir(path, options));
  }

  async readdir(path: string): Promise<string[]> {
    return (await this.readdirWithFileTypes(path)).map((entry) => entry.name);
  }

  async readdirWithFileTypes(path: string) {
    const p = normalizePath(path);
    this.assertSearchable('scandir', p);
    const names = new Map<string, { isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean }>();
    const node = this.viewNode(p);
    const scratchDir = (await this.inScratch(p)) && (await this.scratch.stat(p)).isDirectory;
    if (!scratchDir && node?.kind !== 'dir') {
      if (node || (await this.inScratch(p))) throw errno('ENOTDIR', 'not a directory', 'scandir', path);
      throw enoent('scandir', path);
    }
    if (node?.kind === 'dir' && !scratchDir && !this.mayRead(node)) throw eacces('scandir', path);
    if (node?.kind === 'dir') {
      for (const name of node.entries()) {
        const child = p === '/' ? `/${name}` : `${p}/${name}`;
        if (this.hidden.has(child)) continue;
        const c = this.view().lookup(child);
        if (!c) continue;
        names.set(name, { isFile: c.kind === 'file', isDirectory: c.kind === 'dir', isSymbolicLink: c.kind === 'link' });
      }
    }
    if (scratchDir) {
      for (const entry of await this.scratch.readdirWithFileTypes(p)) {
        names.set(entry.name, { isFile: entry.isFile, isDirectory: entry.isDirectory, isSymbolicLink: entry.isSymbolicLink });
      }
    }
    return [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, t]) => ({ name, ...t }));
  }

  async rm(path: string, options?: RmOptions): Promise<void> {
    this.assertWritable('rm', path);
    const p = normalizePath(path);
    const inScratch = await this.heldInScratch(p);
    const node = this.viewNode(p, false);
    if (!inScratch && !node) {
      if (options?.force) return;
      throw enoent('rm', path);
    }
    if (node?.kind === 'dir' && !options?.recursive) throw errno('EISDIR', 'is a directory', 'rm', path);
    if (inScratch) await this.scratch.rm(p, options);
    this.times.forget(p);
    if (node) this.hidden.add(p);
  }

  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    // A copied tree may hold heavy files: have their renderers ready.
    await this.who.loadRenderers?.();
    this.assertWritable('cp', dest);
    if (await this.inScratch(src)) {
      await this.ensureParent(dest);
      return this.times.created([dest], () => this.scratch.cp(src, dest, options), true);
    }
    const st = await this.stat(src);
    if (st.isDirectory) {
      if (!options?.recursive) throw errno('EISDIR', 'is a directory', 'cp', src);
      await this.mkdir(dest, { recursive: true });
      for (const name of await this.readdir(src)) await this.cp(`${src}/${name}`, `${dest}/${name}`, options);
      return;
    }
    await this.writeFile(dest, await this.readFile(src));
  }

  async mv(src: string, dest: string): Promise<void> {
    // A copied tree may hold heavy files: have their renderers ready.
    await this.who.loadRenderers?.();
    await this.cp(src, dest, { recursive: true });
    await this.rm(src, { recursive: true });
  }

  resolvePath(base: string, path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
  }

  getAllPaths(): string[] {
    return this.scratch.getAllPaths();
  }

  async chmod(path: string, mode: number): Promise<void> {
    await this.prepare(path);
    this.assertWritable('chmod', path);
    if (!(await this.inScratch(path))) {
      const node = this.viewNode(path);
      if (!node) throw enoent('chmod', path);
      if (node.kind !== 'file') return;
      // A mode change leaves the modification time alone.
      await this.writeFile(path, node.content());
      await this.times.keep(path, node.mtime);
    }
    return this.scratch.chmod(path, mode);
  }

  async symlink(target: string, linkPath: string): Promise<void> {
    this.assertWritable('symlink', linkPath);
    await this.ensureParent(linkPath);
    return this.times.created([linkPath], () => this.scratch.symlink(target, linkPath));
  }

  async link(existingPath: string, newPath: string): Promise<void> {
    await this.cp(existingPath, newPath);
  }

  async readlink(path: string): Promise<string> {
    this.assertSearchable('readlink', path);
    if (await this.heldInScratch(path)) return this.scratch.readlink(path);
    const node = this.viewNode(path, false);
    if (!node) throw enoent('readlink', path);
    if (node.kind !== 'link') throw errno('EINVAL', 'invalid argument', 'readlink', path);
    const failed = this.linkError(node);
    if (failed === 'Permission denied') throw eacces('readlink', path);
    if (failed) throw enoent('readlink', path);
    return node.target;
  }

  async realpath(path: string): Promise<string> {
    this.assertSearchable('realpath', path);
    if (await this.inScratch(path)) return this.scratch.realpath(path);
    const p = normalizePath(path);
    const node = this.viewNode(p, false);
    if (!node) throw enoent('realpath', path);
    if (node.kind === 'link' && node.target.startsWith('/')) return this.realpath(node.target);
    if (node.kind === 'link' && !node.noTarget && this.viewNode(p)?.kind !== 'link') {
      return this.realpath(`${p}/../${node.target}`);
    }
    return this.view().canonical?.(p) ?? p;
  }

  /**
   * Programs stamp files with the host's real clock (touch passes "now");
   * the lab's clock is the only clock, so every stamp is the simulated now.
   */
  async utimes(path: string, _atime: Date, _mtime: Date): Promise<void> {
    await this.prepare(path);
    if (!(await this.inScratch(path))) {
      const node = this.viewNode(path);
      if (!node) throw enoent('utime', path);
      if (node.kind !== 'file') return;
      await this.writeFile(path, node.content());
    }
    await this.stamp(path);
  }
}

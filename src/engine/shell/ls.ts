/**
 * `ls`, because the listing has to show the world's owners, modes and link
 * targets (`ls -l /proc/PID/fd` is how an analyst finds a socket inode), which
 * just-bash's own ls cannot know.
 *
 * Supported: -l -a -A -d -1 -h -n -i -t -S -U -X -v -r -c -u, --sort,
 * --time, --time-style, --full-time (ls-args.ts, ls-time.ts); names and link
 * targets quoted on a terminal as coreutils 9.4 does (ls-quote.ts). The
 * world keeps one time per file, so ctime, atime and birth are the mtime:
 * -c/-u/--time change the sort that applies, not the times shown.
 * Partial: names are printed one per line even on a terminal (a line with
 * a pipe or redirection counts as not a terminal; one per line keeps pipes
 * right), aligned as ls aligns its columns when some name is quoted.
 * Partial: --color is accepted and prints no colours.
 * Not simulated (said so, exit 2): -R and the other options.
 */
import { defineCommand } from 'just-bash';
import type { Command } from 'just-bash';
import type { HostState } from '../world/types';
import type { HostFs } from './host-fs';
import { normalizePath } from './host-fs';
import { inodeOf as diskInode } from '../world/disk';
import { canonicalPath } from './view-tree';
import { needsQuoting, shellEscape } from './ls-quote';
import { parseLs } from './ls-args';
import { timeCell } from './ls-time';
import { sortListing } from './ls-sort';


interface Row {
  name: string;
  kind: 'file' | 'dir' | 'link' | 'chr';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** 1K blocks for `total`. */
  blocks: number;
  mtime: number;
  target?: string;
  ino: number;
  links: number;
  /** A character device's major and minor, shown in place of the size. */
  rdev?: [number, number];
}

export function modeString(kind: Row['kind'], mode: number): string {
  const type = kind === 'dir' ? 'd' : kind === 'link' ? 'l' : kind === 'chr' ? 'c' : '-';
  const bits = ['r', 'w', 'x'];
  let out = type;
  for (let i = 8; i >= 0; i--) out += mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  // Set-user-id, set-group-id and sticky take the x place: lower case over x, upper without.
  const special = (at: number, bit: number, exec: number, letter: string) => {
    if (mode & bit) out = out.slice(0, at) + (mode & exec ? letter : letter.toUpperCase()) + out.slice(at + 1);
  };
  special(3, 0o4000, 0o100, 's');
  special(6, 0o2000, 0o010, 's');
  special(9, 0o1000, 0o001, 't');
  return out;
}

function human(size: number): string {
  if (size < 1024) return String(size);
  const units = ['K', 'M', 'G', 'T'];
  let value = size;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value))) + units[unit];
}

/**
 * The inode of a path: its directories' links resolved, then the world's
 * (the one lsof and /proc report for the same file).
 */
export function inodeOf(path: string, world?: HostState): number {
  return diskInode(canonicalPath(path), world?.host.distro);
}

export function listCommand(fs: HostFs, world: () => HostState): Command {
  return defineCommand('ls', async (args, ctx) => {
    const parsed = parseLs(args, (k) => ctx.env.get(k));
    if ('error' in parsed) return { stdout: '', stderr: parsed.error, exitCode: 2 };
    const { flags, paths } = parsed;
    if (paths.length === 0) paths.push('.');
    const w = world();
    const names = new Map(w.accounts.map((a) => [a.uid, a.name]));
    const groups = new Map(w.groups.map((g) => [g.gid, g.name]));
    const owner = (uid: number) => (flags.has('n') ? String(uid) : names.get(uid) ?? String(uid));
    const group = (gid: number) => (flags.has('n') ? String(gid) : groups.get(gid) ?? String(gid));

    let stdout = '';
    let stderr = '';
    let exitCode = 0;

    /**
     * `shown` is the name an error message uses: the operand as typed, or
     * the directory operand joined with the entry's name, as GNU ls builds it.
     */
    const rowFor = async (path: string, name: string, shown: string, operand: boolean): Promise<Row | undefined> => {
      const st = await fs.lstat(path).catch(() => undefined);
      if (!st) return undefined;
      const meta = await fs.describe(path);
      if (meta?.linkError && flags.has('l')) {
        // GNU ls still prints the link's line, without "-> target"; an
        // operand is a serious failure (2), an entry of a directory minor (1).
        stderr += `ls: cannot read symbolic link '${shown}': ${meta.linkError}\n`;
        exitCode = Math.max(exitCode, operand ? 2 : 1);
      }
      const kind: Row['kind'] = st.isSymbolicLink ? 'link' : st.isDirectory ? 'dir' : meta?.rdev ? 'chr' : 'file';
      // The kernel reports 64 for an fd link, 0 for everything else under
      // /proc, and procfs takes no blocks.
      const proc = path === '/proc' || path.startsWith('/proc/');
      const size = proc ? (kind === 'link' && /\/fd\/\d+$/.test(path) ? 64 : 0) : st.size;
      const blocks = proc ? 0 : kind === 'file' ? Math.ceil(size / 4096) * 4 : kind === 'dir' ? 4 : 0;
      const links = meta?.links ?? (kind === 'dir' ? 2 : 1);
      return { name, kind, mode: meta?.mode ?? st.mode, uid: meta?.uid ?? 0, gid: meta?.gid ?? 0, size, blocks, mtime: meta?.mtime ?? st.mtime.getTime(), target: meta?.target, ino: inodeOf(path, w), links, rdev: meta?.rdev };
    };

    const sortRows = (rows: Row[]): Row[] => sortListing(rows, parsed.sort, flags.has('r'));
    const tz = ctx.env.get('TZ') || w.host.timezone;

    // On a terminal names are quoted as the shell would need them typed;
    // in a listing where some are, long and column formats (not -1) give
    // the others a space so the names still line up.
    const tty = ctx.env.get('OUTBOUND_STDOUT_TTY') === '1';
    const shown = (name: string) => (tty ? shellEscape(name) : name);
    const namer = (rows: Row[]) => {
      const align = tty && (flags.has('l') || !flags.has('1')) && rows.some((r) => needsQuoting(r.name));
      return (r: Row) => (align && !needsQuoting(r.name) ? ' ' : '') + shown(r.name);
    };

    const render = (rows: Row[], withTotal: boolean): string => {
      const nameOf = namer(rows);
      if (!flags.has('l')) {
        const wino = Math.max(0, ...rows.map((r) => String(r.ino).length));
        const ino = (r: Row) => (flags.has('i') ? `${String(r.ino).padStart(wino)} ` : '');
        return rows.map((r) => ino(r) + nameOf(r) + '\n').join('');
      }
      const cells = rows.map((r) => ({
        r,
        links: String(r.links),
        user: owner(r.uid),
        group: group(r.gid),
        size: flags.has('h') ? human(r.size) : String(r.size),
      }));
      const width = (pick: (c: (typeof cells)[number]) => string) => Math.max(0, ...cells.map((c) => pick(c).length));
      const devs = rows.filter((r) => r.rdev);
      const wmaj = Math.max(0, ...devs.map((r) => String(r.rdev![0]).length));
      const wmin = Math.max(0, ...devs.map((r) => String(r.rdev![1]).length));
      // A device's "major, minor" takes the size column, which widens to fit it.
      const sizeOf = (c: (typeof cells)[number]) => c.r.rdev
        ? `${String(c.r.rdev[0]).padStart(wmaj)}, ${String(c.r.rdev[1]).padStart(wmin)}` : c.size;
      const wl = width((c) => c.links), wu = width((c) => c.user), wg = width((c) => c.group), ws = width(sizeOf);
      const wi = Math.max(0, ...rows.map((r) => String(r.ino).length));
      const blocks = rows.reduce((sum, r) => sum + r.blocks, 0);
      let out = withTotal ? `total ${blocks}\n` : '';
      for (const c of cells) {
        const ino = flags.has('i') ? String(c.r.ino).padStart(wi) + ' ' : '';
        const link = c.r.kind === 'link' && c.r.target !== undefined ? ` -> ${shown(c.r.target)}` : '';
        out += `${ino}${modeString(c.r.kind, c.r.mode)} ${c.links.padStart(wl)} ${c.user.padEnd(wu)} ${c.group.padEnd(wg)} ${sizeOf(c).padStart(ws)} ${timeCell(c.r.mtime, w.now, parsed.style, tz)} ${nameOf(c.r)}${link}\n`;
      }
      return out;
    };

    const files: Row[] = [];
    const dirs: string[] = [];
    for (const p of paths) {
      const abs = normalizePath(p.startsWith('/') ? p : `${ctx.cwd}/${p}`);
      // With -l or -d a symbolic link named on the command line is listed
      // itself, not followed (GNU ls follows it only for a plain listing).
      const followLink = !flags.has('l') && !flags.has('d');
      const st = followLink
        ? (await fs.stat(abs).catch(() => undefined)) ?? (await fs.lstat(abs).catch(() => undefined))
        : await fs.lstat(abs).catch(() => undefined);
      if (!st) {
        const why = fs.searchDenied(abs) ? 'Permission denied' : 'No such file or directory';
        stderr += `ls: cannot access '${p}': ${why}\n`;
        exitCode = 2;
        continue;
      }
      if (st.isDirectory && !flags.has('d')) dirs.push(p);
      else {
        const row = await rowFor(abs, p, p, true);
        if (row) files.push(row);
      }
    }
    if (files.length) stdout += render(sortRows(files), false);
    for (const [i, p] of dirs.entries()) {
      const abs = normalizePath(p.startsWith('/') ? p : `${ctx.cwd}/${p}`);
      let entries: string[];
      try {
        entries = await fs.readdir(abs);
      } catch (error) {
        const denied = error instanceof Error && error.message.startsWith('EACCES');
        stderr += `ls: cannot open directory '${p}': ${denied ? 'Permission denied' : 'No such file or directory'}\n`;
        exitCode = 2;
        continue;
      }
      const rows: Row[] = [];
      const visible = entries.filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'));
      const names = flags.has('a') ? ['.', '..', ...visible] : visible;
      for (const name of names) {
        const full = name === '.' ? abs : name === '..' ? normalizePath(abs + '/..') : `${abs === '/' ? '' : abs}/${name}`;
        const row = await rowFor(full, name, joinShown(p, name), false);
        if (row) rows.push(row);
      }
      if (paths.length > 1) stdout += `${files.length || i > 0 ? '\n' : ''}${shown(p)}:\n`;
      stdout += render(sortRows(rows), true);
    }
    return { stdout, stderr, exitCode };
  });
}

/** DIR/NAME as GNU ls names an entry in messages: "." adds nothing, a trailing slash no second one. */
function joinShown(dir: string, name: string): string {
  if (dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * `stat`, as GNU coreutils 9.4 prints it on Ubuntu 24.04, because a DFIR
 * trainee reads timestamps, owners and inodes with it and just-bash's own
 * stat knows none of the world's owners and prints ISO times.
 *
 * The world keeps one time per file (its modification time), so Access,
 * Change and Birth show that time too; procfs keeps no birth time ("-").
 * Owners, modes and inode numbers are the ones `ls -l` and `ls -i` show.
 */
import { defineCommand } from 'just-bash';
import type { Command } from 'just-bash';
import type { OptionSupport } from '../tools/types';
import type { HostState } from '../world/types';
import type { HostFs } from './host-fs';
import { normalizePath } from './host-fs';
import { inodeOf } from './ls';
import { mountOf as diskMount } from '../world/disk';
import type { RenderContext, StatInfo, StatKind } from './stat-format';
import { defaultFormat, render, shellQuote, TERSE_FORMAT } from './stat-format';

export const statOptions: OptionSupport[] = [
  { flag: '-L, --dereference', support: 'full' },
  { flag: '-c, --format=FORMAT', support: 'partial', note: '%C (SELinux context) prints ?' },
  { flag: '--printf=FORMAT', support: 'partial', note: 'as -c, with backslash escapes' },
  { flag: '-t, --terse', support: 'full' },
  { flag: '-f, --file-system', support: 'none', note: 'not simulated' },
  { flag: '--cached=MODE', support: 'none', note: 'not simulated: nothing is cached' },
  { flag: '--help, --version', support: 'none', note: 'not simulated' },
];

const TRY = "Try 'stat --help' for more information.\n";

/** The file system a path is on (the root ext4 unless a pseudo file system is mounted there). */
const mountOf = (path: string, w: HostState) => diskMount(path, w.host.distro);

interface Parsed {
  format?: string;
  backslashes: boolean;
  follow: boolean;
  terse: boolean;
  files: string[];
}

function parseArgs(args: string[]): Parsed | string {
  const p: Parsed = { backslashes: false, follow: false, terse: false, files: [] };
  const setFormat = (fmt: string, printf: boolean) => {
    p.format = printf ? fmt : fmt + '\n';
    p.backslashes = printf;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      p.files.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (name === '--dereference') p.follow = true;
      else if (name === '--terse') p.terse = true;
      else if (name === '--format' || name === '--printf') {
        const fmt = value ?? args[++i];
        if (fmt === undefined) return `stat: option '${name}' requires an argument\n${TRY}`;
        setFormat(fmt, name === '--printf');
      } else if (name === '--file-system' || name === '--cached' || name === '--help' || name === '--version') {
        return `stat: ${name} is not simulated\n`;
      } else return `stat: unrecognized option '${arg}'\n${TRY}`;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      p.files.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const f = arg[j] ?? '';
      if (f === 'L') p.follow = true;
      else if (f === 't') p.terse = true;
      else if (f === 'f') return 'stat: -f is not simulated\n';
      else if (f === 'c') {
        const fmt = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (fmt === undefined) return `stat: option requires an argument -- 'c'\n${TRY}`;
        setFormat(fmt, false);
        break;
      } else return `stat: invalid option -- '${f}'\n${TRY}`;
    }
  }
  return p;
}

/** What statx(2) would return for `abs`, or the error text after the name. */
async function lookUp(fs: HostFs, w: HostState, abs: string, name: string, follow: boolean): Promise<StatInfo | string> {
  const failure = (error: unknown) =>
    error instanceof Error && error.message.startsWith('EACCES') ? 'Permission denied' : 'No such file or directory';
  let path = abs;
  try {
    if (follow) path = await fs.realpath(abs);
    const st = await fs.lstat(path);
    const meta = await fs.describe(path);
    const proc = path === '/proc' || path.startsWith('/proc/');
    const rdev = st.isFile ? meta?.rdev : undefined;
    const kind: StatKind = st.isSymbolicLink ? 'link' : st.isDirectory ? 'dir' : rdev ? 'chr' : 'file';
    // As `ls -l`: an fd link is 64 bytes, everything else in /proc 0.
    const size = proc ? (kind === 'link' && /\/fd\/\d+$/.test(path) ? 64 : 0) : rdev ? 0 : st.size;
    const blocks = proc || rdev ? 0 : kind === 'file' ? Math.ceil(size / 4096) * 8 : kind === 'dir' ? 8 : 0;
    const mtime = meta?.mtime ?? st.mtime.getTime();
    const uid = meta?.uid ?? 0;
    const gid = meta?.gid ?? 0;
    return {
      name, kind, mode: meta?.mode ?? st.mode, uid, gid,
      user: w.accounts.find((a) => a.uid === uid)?.name,
      group: w.groups.find((g) => g.gid === gid)?.name,
      size, blocks, ...mountOf(path, w), rdev: rdev ?? [0, 0], ino: inodeOf(path, w),
      links: meta?.links ?? (kind === 'dir' ? 2 : 1), atime: mtime, mtime, ctime: mtime,
      btime: proc || path.startsWith('/sys/') ? undefined : mtime,
      target: meta?.target, linkError: meta?.linkError,
    };
  } catch (error) {
    return failure(error);
  }
}

export function statCommand(fs: HostFs, world: () => HostState): Command {
  return defineCommand('stat', async (args, ctx) => {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    if (parsed.files.length === 0) return { stdout: '', stderr: `stat: missing operand\n${TRY}`, exitCode: 1 };
    const w = world();
    const rc: RenderContext = {
      tz: w.host.timezone, quote: parsed.format !== undefined, backslashes: parsed.backslashes,
      errors: [], failed: false,
    };
    let stdout = '';
    for (const name of parsed.files) {
      const abs = normalizePath(name.startsWith('/') ? name : `${ctx.cwd}/${name}`);
      const info = await lookUp(fs, w, abs, name, parsed.follow);
      if (typeof info === 'string') {
        rc.errors.push(`stat: cannot statx ${shellQuote(name)}: ${info}\n`);
        rc.failed = true;
        continue;
      }
      const fmt = parsed.format ?? (parsed.terse ? TERSE_FORMAT : defaultFormat(info.kind === 'chr'));
      stdout += render(fmt, info, rc);
      if (rc.fatal) return { stdout, stderr: rc.errors.join('') + rc.fatal, exitCode: 1 };
    }
    return { stdout, stderr: rc.errors.join(''), exitCode: rc.failed ? 1 : 0 };
  });
}

/**
 * `file` as file 5.45 describes what an analyst points it at first: the
 * host's programs (ELF stubs, see view-files.ts) get the line of a stripped
 * x86-64 PIE with a build id of their own, the shared libraries theirs, a
 * symbolic link `symbolic link to TARGET` (file does not follow links
 * unless -L), a missing file `cannot open `NAME' (...)` with exit 0.
 * Everything else is described by just-bash's `file`. Names are padded so
 * the descriptions line up, as file pads them. Options other than -b, -h,
 * -i and -L leave the whole command line to just-bash.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext, ExecResult } from 'just-bash';
import { LIBRARY_SIZES } from '../world/disk';
import { sha256, toHex } from '../world/sha256';

interface Options { brief: boolean; follow: boolean; mime: boolean; files: string[] }

const SHORT = new Set(['b', 'h', 'i', 'L']);
const LONG: Record<string, string> = {
  '--brief': 'b', '--no-dereference': 'h', '--mime': 'i', '--dereference': 'L',
};

/** The options this wrapper understands, or undefined to leave the line to just-bash. */
export function parseFileArgs(args: readonly string[]): Options | undefined {
  const o: Options = { brief: false, follow: false, mime: false, files: [] };
  let options = true;
  for (const arg of args) {
    if (options && arg === '--') { options = false; continue; }
    if (!options || !arg.startsWith('-') || arg === '-') { o.files.push(arg); continue; }
    const letters = LONG[arg] ?? (arg.startsWith('--') ? undefined : arg.slice(1));
    if (letters === undefined || ![...letters].every((c) => SHORT.has(c))) return undefined;
    for (const c of letters) {
      if (c === 'b') o.brief = true;
      else if (c === 'i') o.mime = true;
      else o.follow = c === 'L';
    }
  }
  return o.files.length > 0 ? o : undefined;
}

/** The start of every program stub: ELF, 64-bit, little endian, version 1, ET_DYN, x86-64. */
const STUB = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0];

const isStub = (bytes: Uint8Array) => bytes.length >= STUB.length && STUB.every((b, i) => bytes[i] === b);

const LIB = '/usr/lib/x86_64-linux-gnu/';
const INTERP = 'interpreter /lib64/ld-linux-x86-64.so.2';

/** file's line for an ELF stub: a program, or a library the host maps. */
export function elfLine(path: string, bytes: Uint8Array, mode: number): string {
  const id = `BuildID[sha1]=${toHex(sha256(bytes)).slice(0, 40)}`;
  if (LIBRARY_SIZES.has(path)) {
    const name = path.slice(LIB.length);
    if (name.startsWith('ld-linux')) {
      return `ELF 64-bit LSB shared object, x86-64, version 1 (GNU/Linux), static-pie linked, ${id}, stripped`;
    }
    if (name === 'libc.so.6') {
      return 'ELF 64-bit LSB shared object, x86-64, version 1 (GNU/Linux), dynamically linked, '
        + `interpreter /usr/lib64/ld-linux-x86-64.so.2, ${id}, for GNU/Linux 3.2.0, stripped`;
    }
    return `ELF 64-bit LSB shared object, x86-64, version 1 (SYSV), dynamically linked, ${id}, stripped`;
  }
  const special = (mode & 0o4000 ? 'setuid ' : '') + (mode & 0o2000 ? 'setgid ' : '');
  return `${special}ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, `
    + `${INTERP}, ${id}, for GNU/Linux 3.2.0, stripped`;
}

const MIME_ELF = 'application/x-pie-executable; charset=binary';
const MIME_LIB = 'application/x-sharedlib; charset=binary';

/** What this wrapper says of one name, or undefined to ask just-bash. */
async function describe(ctx: CommandContext, name: string, o: Options): Promise<string | undefined> {
  const abs = ctx.fs.resolvePath(ctx.cwd, name);
  let st;
  try {
    st = await ctx.fs.lstat(abs);
  } catch (error) {
    const denied = error instanceof Error && error.message.startsWith('EACCES');
    return `cannot open \`${name}' (${denied ? 'Permission denied' : 'No such file or directory'})`;
  }
  if (st.isSymbolicLink && !o.follow) {
    return o.mime ? 'inode/symlink; charset=binary' : `symbolic link to ${await ctx.fs.readlink(abs)}`;
  }
  try {
    const real = await ctx.fs.realpath(abs);
    const target = await ctx.fs.stat(real);
    if (!target.isFile) return undefined;
    const bytes = await ctx.fs.readFileBuffer(real);
    if (!isStub(bytes)) return undefined;
    if (o.mime) return LIBRARY_SIZES.has(real) ? MIME_LIB : MIME_ELF;
    return elfLine(real, bytes, target.mode);
  } catch {
    return undefined;
  }
}

/** just-bash's description of one name (its -b output, without the newline). */
async function theirs(ctx: CommandContext, name: string, o: Options): Promise<ExecResult> {
  const flags = `-b${o.follow ? 'L' : ''}${o.mime ? 'i' : ''}`;
  return ctx.origCommand!([flags, name.startsWith('-') ? `./${name}` : name]);
}

export function fileTypeCommand(): Command {
  return defineCommand('file', async (args, ctx) => {
    if (!ctx.origCommand) return { stdout: '', stderr: 'file: unavailable\n', exitCode: 1 };
    const o = parseFileArgs(args);
    if (!o) return ctx.origCommand(args);
    const width = Math.max(...o.files.map((f) => f.length));
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const name of o.files) {
      let text = await describe(ctx, name, o);
      if (text === undefined) {
        const r = await theirs(ctx, name, o);
        stderr += r.stderr;
        exitCode = Math.max(exitCode, r.exitCode);
        text = r.stdout.replace(/\n$/, '');
      }
      stdout += o.brief ? `${text}\n` : `${name}:${' '.repeat(width - name.length)} ${text}\n`;
    }
    return { stdout, stderr, exitCode };
  });
}

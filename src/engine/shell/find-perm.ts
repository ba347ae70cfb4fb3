/**
 * just-bash's `find -perm` compares only the rwx bits, so the hunt for
 * set-user-id programs (`find / -perm -4000`, `-perm -u=s`) matches every
 * file, and `-perm /4000` none. This wrapper takes over when a -perm test
 * names the special bits (or a symbolic mode, which just-bash refuses) and
 * the expression is a plain conjunction: it runs just-bash's find without
 * the -perm tests and keeps the paths whose full mode passes them; -inum N
 * (+N, -N), which just-bash lacks, is taken the same way. Any other
 * expression (-o, !, parentheses, actions) is left to just-bash as it is.
 */
import { defineCommand } from 'just-bash';
import type { Command, IFileSystem } from 'just-bash';
import type { HostState } from '../world/types';
import { inodeOf } from './ls';

type Match = 'exact' | 'all' | 'any';
interface PermTest { mode: number; match: Match }
/** -inum N, +N (greater) or -N (less): the inode `ls -i` shows, which just-bash's find lacks. */
interface InumTest { inum: number; cmp: '=' | '+' | '-' }
type Test = PermTest | InumTest;

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };
const WHAT: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111, s: 0o6000, t: 0o1000 };

/** An octal mode, or symbolic clauses such as `u=s`, `g+s`, `o+w`, `u=s,g=s`; undefined if neither. */
export function parseMode(text: string): number | undefined {
  if (/^[0-7]{1,4}$/.test(text)) return Number.parseInt(text, 8);
  let mode = 0;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)[=+]([rwxst]+)$/.exec(clause);
    if (!m) return undefined;
    const who = [...(m[1] || 'a')].reduce((acc, c) => acc | WHO[c]!, 0);
    const what = [...m[2]!].reduce((acc, c) => acc | WHAT[c]!, 0);
    mode |= who & what;
  }
  return mode;
}

function permTest(arg: string): PermTest | undefined {
  const match: Match = arg.startsWith('-') ? 'all' : arg.startsWith('/') ? 'any' : 'exact';
  const mode = parseMode(match === 'exact' ? arg : arg.slice(1));
  return mode === undefined ? undefined : { mode, match };
}

function inumTest(arg: string): InumTest | undefined {
  if (!/^[+-]?[0-9]+$/.test(arg)) return undefined;
  const cmp = arg[0] === '+' || arg[0] === '-' ? arg[0] : '=';
  return { inum: Number(cmp === '=' ? arg : arg.slice(1)), cmp };
}

const inumPasses = (ino: number, t: InumTest): boolean =>
  t.cmp === '=' ? ino === t.inum : t.cmp === '+' ? ino > t.inum : ino < t.inum;

const passes = (mode: number, t: PermTest): boolean =>
  t.match === 'exact' ? (mode & 0o7777) === t.mode : t.match === 'all' ? (mode & t.mode) === t.mode : (mode & t.mode) !== 0;

/** Tokens that make the expression more than a conjunction of tests. */
const NOT_PLAIN = new Set(['-o', '-or', '!', '-not', '(', ')', ',', '-exec', '-execdir', '-ok', '-delete', '-print0', '-printf', '-fprintf', '-ls', '-fls', '-prune', '-quit']);

/** The -perm and -inum tests this wrapper must take, and the arguments without them; undefined to leave it all to just-bash. */
export function splitPerm(args: readonly string[]): { tests: Test[]; rest: string[] } | undefined {
  const tests: Test[] = [];
  const rest: string[] = [];
  let needed = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (NOT_PLAIN.has(arg)) return undefined;
    if (arg === '-inum' && i + 1 < args.length) {
      const inum = inumTest(args[++i]!);
      if (!inum) return undefined;
      tests.push(inum);
      needed = true;
      continue;
    }
    if (arg !== '-perm' || i + 1 >= args.length) {
      rest.push(arg);
      continue;
    }
    const value = args[++i]!;
    const test = permTest(value);
    if (!test) return undefined;
    needed ||= (test.mode & 0o7000) !== 0 || !/^[-/]?[0-7]{1,4}$/.test(value);
    tests.push(test);
  }
  return needed ? { tests, rest } : undefined;
}

async function keep(fs: IFileSystem, cwd: string, path: string, tests: readonly Test[], world?: HostState): Promise<boolean> {
  try {
    const abs = fs.resolvePath(cwd, path);
    const { mode } = await fs.lstat(abs);
    const ino = () => inodeOf(abs, world);
    return tests.every((t) => ('inum' in t ? inumPasses(ino(), t) : passes(mode, t)));
  } catch {
    return false;
  }
}

export function findPermCommand(world?: () => HostState): Command {
  return defineCommand('find', async (args, ctx) => {
    if (!ctx.origCommand) return { stdout: '', stderr: 'find: unavailable\n', exitCode: 1 };
    const split = splitPerm(args);
    if (!split) return ctx.origCommand(args);
    const result = await ctx.origCommand(split.rest);
    const paths = result.stdout.split('\n').filter((p) => p !== '');
    const kept: string[] = [];
    const w = world?.();
    for (const path of paths) if (await keep(ctx.fs, ctx.cwd, path, split.tests, w)) kept.push(path);
    // A fresh result: just-bash charges output by what the result carries, and this one is shorter.
    return { stdout: kept.map((p) => `${p}\n`).join(''), stderr: result.stderr, exitCode: result.exitCode };
  });
}

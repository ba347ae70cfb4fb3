/**
 * `tail -f` / `tail -F`: prints the end of each file, then keeps reading
 * the files as the simulated clock advances and prints what the world's
 * timeline appended (cron's lines every minute, sshd's logins), until
 * Ctrl-C (exit 130). Without -f or -F just-bash's own tail runs.
 *
 * The files are read again every poll (`-s`, 1 s by default, and never more
 * often than every 250 ms of wall time), so a line shows up at most a poll
 * after the timeline writes it. -f follows the file it opened (a removed
 * file falls silent); -F follows the name and says when the file goes,
 * comes back or is truncated, as GNU tail does. With nothing to interrupt
 * it (the CLI's `run`) it follows for a minute of simulated time and stops
 * with a note (exit 124, as `timeout` would).
 *
 * Standard input (no file, or `-`) is read once and not followed, as GNU
 * tail does for a pipe; the terminal is not a source of lines here.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import { decodeStdin } from './commands';
import type { FollowHost, FollowRun } from './live';
import { unattendedNote } from './live';
import type { TailOptions } from './tail-options';
import { parseTailArgs } from './tail-options';

interface Followed {
  name: string;
  path: string;
  /** Characters of the file already shown. */
  offset: number;
  /** Whether the file could be read at the last look. */
  open: boolean;
  /** -f on a file that went away, or a directory: no longer read. */
  gone: boolean;
}

type Why = 'No such file or directory' | 'Permission denied' | 'Is a directory';
type Read = { ok: true; text: string } | { ok: false; why: Why };
type Result = { stdout: string; stderr: string; exitCode: number };

async function readText(ctx: CommandContext, path: string): Promise<Read> {
  try {
    const st = await ctx.fs.stat(path);
    if (st.isDirectory) return { ok: false, why: 'Is a directory' };
    return { ok: true, text: await ctx.fs.readFile(path) };
  } catch (error) {
    const denied = error instanceof Error && /EACCES/.test(error.message);
    return { ok: false, why: denied ? 'Permission denied' : 'No such file or directory' };
  }
}

/** The part of `text` tail prints first: the last N lines or bytes, or from line/byte N. */
export function tailPart(text: string, count: TailOptions['count']): string {
  const { n, from } = count;
  if (count.unit === 'bytes') return from ? text.slice(Math.max(0, n - 1)) : n === 0 ? '' : text.slice(-n);
  if (from) {
    let at = 0;
    for (let line = 1; line < n && at < text.length; line++) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) return '';
      at = nl + 1;
    }
    return text.slice(at);
  }
  if (n === 0) return '';
  let end = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let seen = 0; end > 0; ) {
    const nl = text.lastIndexOf('\n', end - 1);
    if (nl < 0) return text;
    if (++seen === n) return text.slice(nl + 1);
    end = nl;
  }
  return text;
}

/** Collects a follower's output: streamed to the terminal, or kept for the result. */
export class Output {
  stdout = '';
  stderr = '';
  constructor(private readonly run: FollowRun) {}
  out(text: string): void {
    if (this.run.streams) this.run.write(text);
    else this.stdout += text;
  }
  err(text: string): void {
    if (this.run.streams) this.run.write(text);
    else this.stderr += text;
  }
  result(exitCode: number): { stdout: string; stderr: string; exitCode: number } {
    return { stdout: this.stdout, stderr: this.stderr, exitCode };
  }
}

class Follower {
  private shownFile = -1;
  private readonly headers: boolean;

  constructor(
    private readonly o: TailOptions,
    private readonly ctx: CommandContext,
    private readonly io: Output,
    private readonly files: Followed[],
  ) {
    this.headers = o.headers === 'always' || (o.headers === 'auto' && files.length > 1);
  }

  private show(i: number, text: string): void {
    if (this.headers && this.shownFile !== i) {
      this.io.out(`${this.shownFile >= 0 ? '\n' : ''}==> ${this.files[i]!.name} <==\n`);
    }
    this.shownFile = i;
    this.io.out(text);
  }

  async start(): Promise<void> {
    for (const [i, f] of this.files.entries()) {
      const read = await readText(this.ctx, f.path);
      if (read.ok) {
        f.open = true;
        f.offset = read.text.length;
        this.show(i, tailPart(read.text, this.o.count));
        continue;
      }
      if (read.why === 'Is a directory') {
        if (this.headers) this.show(i, '');
        this.io.err(`tail: error reading '${f.name}': Is a directory\n`);
        this.io.err(`tail: ${f.name}: cannot follow end of this type of file; giving up on this name\n`);
        f.gone = true;
      } else {
        this.io.err(`tail: cannot open '${f.name}' for reading: ${read.why}\n`);
        f.gone = !this.o.retry;
      }
    }
  }

  followable(): boolean {
    return this.files.some((f) => !f.gone);
  }

  /** One look at every file: prints what was appended and what changed. */
  async poll(): Promise<void> {
    const byName = this.o.follow === 'name';
    for (const [i, f] of this.files.entries()) {
      if (f.gone) continue;
      const read = await readText(this.ctx, f.path);
      if (!read.ok) {
        if (f.open && byName) this.io.err(`tail: '${f.name}' has become inaccessible: ${read.why}\n`);
        f.open = false;
        // -f keeps the file it opened: once removed, nothing more arrives.
        if (!byName && !this.o.retry) f.gone = true;
        continue;
      }
      if (!f.open) {
        this.io.err(`tail: '${f.name}' has appeared;  following new file\n`);
        f.open = true;
        f.offset = 0;
      }
      if (read.text.length < f.offset) {
        this.io.err(`tail: ${f.name}: file truncated\n`);
        f.offset = 0;
      }
      if (read.text.length > f.offset) this.show(i, read.text.slice(f.offset));
      f.offset = read.text.length;
    }
  }
}

async function follow(o: TailOptions, ctx: CommandContext, live: FollowHost): Promise<Result> {
  const run = live.enter(ctx.signal);
  try {
    const io = new Output(run);
    const startedAt = run.now();
    const names = o.files.length > 0 ? o.files : ['-'];
    if (names.every((n) => n === '-')) {
      // A pipe is read to its end and not followed.
      io.out(tailPart(decodeStdin(ctx.stdin as unknown as string), o.count));
      return { stdout: io.stdout, stderr: io.stderr, exitCode: 0 };
    }
    const files = names.map((name) => (
      { name, path: ctx.fs.resolvePath(ctx.cwd, name), offset: 0, open: false, gone: false }));
    const tail = new Follower(o, ctx, io, files);
    await tail.start();
    if (!tail.followable()) {
      io.err('tail: no files remaining\n');
      return { stdout: io.stdout, stderr: io.stderr, exitCode: 1 };
    }
    for (;;) {
      const step = run.limit ? run.limit.until : run.now() + run.pollMs(o.sleepSeconds * 1000);
      const woke = await run.sleepUntil(step);
      if (woke === 'interrupted') break;
      await tail.poll();
      // A timeout's signal ends tail as it would (128+signal).
      if (woke === 'deadline') return { stdout: io.stdout, stderr: io.stderr, exitCode: 128 + run.signal() };
      if (woke === 'limit' && run.limit) {
        const seconds = Math.round((run.limit.until - startedAt) / 1000);
        const note = unattendedNote('tail', run.limit, `${seconds}s of simulated time`);
        io.err(note);
        return { stdout: io.stdout, stderr: io.stderr, exitCode: note ? 124 : 130 };
      }
    }
    return { stdout: io.stdout, stderr: io.stderr, exitCode: 130 };
  } finally {
    run.leave();
  }
}

export function tailCommand(live: FollowHost): Command {
  return defineCommand('tail', async (args, ctx) => {
    const parsed = parseTailArgs(args, ctx.env);
    if (!parsed.ok) return { stdout: '', stderr: parsed.stderr, exitCode: 1 };
    if (!parsed.options.follow) {
      if (!ctx.origCommand) return { stdout: '', stderr: 'tail: unavailable\n', exitCode: 1 };
      return ctx.origCommand(args);
    }
    return follow(parsed.options, ctx, live);
  });
}

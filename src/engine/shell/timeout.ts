/**
 * `timeout DURATION COMMAND [ARG]...` (coreutils 9.4) on the simulated
 * clock. It sets a deadline (live.ts) and runs COMMAND: a `sleep` ends at
 * the deadline and stops the command; a follower (tail -f, journalctl -f,
 * watch, tcpdump) reads once more and stops as if Ctrl-C were pressed. Then
 * the status is 124, or with --preserve-status the command's (128+signal
 * for one the signal killed), and 137 for -s KILL, which kills timeout too.
 * A COMMAND that cannot run is 126, one that is not found 127; a bad
 * command line 125.
 *
 * Simplified: every program ends on the first signal, so -k never has to
 * send KILL; a command cut in a script (`bash -c 'echo a; sleep 9'`) loses
 * what it printed, as just-bash drops an aborted script's output.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import type { OptionSupport } from '../tools/types';
import { quote } from './commands';
import { SIGKILL } from './deadlines';
import type { FollowHost, SignalLike } from './live';
import type { TimeoutOptions } from './timeout-args';
import { parseTimeoutArgs } from './timeout-args';

export const timeoutOptions: OptionSupport[] = [
  { flag: 'DURATION (s/m/h/d, fractions)', support: 'full', note: 'simulated time' },
  { flag: '-s SIGNAL / --signal', support: 'full' }, { flag: '-v / --verbose', support: 'full' },
  { flag: '--preserve-status', support: 'full' },
  { flag: '-k / --kill-after', support: 'partial', note: 'checked, never needed: every program ends on the first signal' },
  { flag: '--foreground', support: 'partial', note: 'accepted; there are no process groups or TTY signals to keep' },
  { flag: '--help', support: 'partial', note: 'the usage lines only' },
];

type Result = { stdout: string; stderr: string; exitCode: number };
const EXIT_TIMEDOUT = 124;
const ABORTED = 'bash: execution aborted\n';

/** Bash builtins with no program of their name: timeout cannot exec them. */
const BUILTINS_ONLY = new Set([
  'cd', 'export', 'alias', 'unalias', 'history', 'exit', 'logout', 'source', '.', 'read',
  'type', 'command', 'set', 'unset', 'declare', 'typeset', 'local', 'eval', 'exec', 'shift',
  'trap', 'ulimit', 'umask', 'wait', 'jobs', 'fg', 'bg', 'let', 'readonly', 'shopt', 'hash',
  'help', 'builtin', 'enable', 'times', 'getopts', 'break', 'continue', 'return', 'dirs',
  'pushd', 'popd', 'mapfile', 'readarray', 'compgen', 'complete', 'compopt', 'disown',
  'suspend', 'caller',
]);

interface Controller {
  readonly signal: SignalLike;
  abort(): void;
}
const newController = (): Controller =>
  new (globalThis as unknown as { AbortController: new () => Controller }).AbortController();

/** Why execvp would fail for `name`, with timeout's status, or undefined when it runs. */
async function cannotRun(name: string, ctx: CommandContext): Promise<Result | undefined> {
  const failed = (why: string, exitCode: number): Result =>
    ({ stdout: '', stderr: `timeout: failed to run command ‘${name}’: ${why}\n`, exitCode });
  if (!name.includes('/')) {
    const known = ctx.getRegisteredCommands?.() ?? [];
    if (BUILTINS_ONLY.has(name) || !known.includes(name)) return failed('No such file or directory', 127);
    return undefined;
  }
  try {
    const st = await ctx.fs.stat(ctx.fs.resolvePath(ctx.cwd, name));
    if (st.isDirectory || (st.mode & 0o111) === 0) return failed('Permission denied', 126);
  } catch {
    return failed('No such file or directory', 127);
  }
  return undefined;
}

async function runTimed(o: TimeoutOptions, ctx: CommandContext, live: FollowHost): Promise<Result> {
  const controller = newController();
  // The trainee's Ctrl-C reaches the command too.
  if (ctx.signal?.aborted) controller.abort();
  ctx.signal?.addEventListener('abort', () => controller.abort());
  const startedAt = live.now();
  const deadline = o.durationMs > 0 && Number.isFinite(o.durationMs)
    ? live.deadline(startedAt + o.durationMs, o.signal, () => controller.abort())
    : undefined;
  let r: Result;
  try {
    r = await ctx.exec!(o.command.map(quote).join(' '), {
      cwd: ctx.cwd, env: Object.fromEntries(ctx.env), stdin: ctx.stdin as unknown as string,
      stdinKind: 'bytes', signal: controller.signal as AbortSignal,
    });
  } finally {
    deadline?.clear();
  }
  if (!deadline?.expired) return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  const stderr = (deadline.aborted && r.stderr.endsWith(ABORTED) ? r.stderr.slice(0, -ABORTED.length) : r.stderr)
    + (o.verbose ? `timeout: sending signal ${o.signalName} to command ‘${o.command[0]}’\n` : '');
  // A command the signal ended reports 128+signal; a follower says how it ended.
  const status = deadline.aborted ? 128 + o.signal : r.exitCode;
  const exitCode = o.signal === SIGKILL ? 128 + SIGKILL : o.preserveStatus ? status : EXIT_TIMEDOUT;
  return { stdout: r.stdout, stderr, exitCode };
}

export function timeoutCommand(live: FollowHost): Command {
  return defineCommand('timeout', async (args, ctx) => {
    const parsed = parseTimeoutArgs(args);
    if (!parsed.ok) return { stdout: parsed.stdout, stderr: parsed.stderr, exitCode: parsed.exitCode };
    if (!ctx.exec) return { stdout: '', stderr: 'timeout: cannot run commands here\n', exitCode: 125 };
    const refused = await cannotRun(parsed.options.command[0]!, ctx);
    return refused ?? runTimed(parsed.options, ctx, live);
  });
}

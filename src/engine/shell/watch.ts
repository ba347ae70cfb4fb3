/**
 * watch (procps-ng 4.0): runs a command every N seconds of simulated time
 * and shows its output under the `Every 2.0s: CMD   host: date` header,
 * each screen drawn afresh (ESC[H ESC[2J, the clear a terminal knows),
 * until Ctrl-C; then it exits 0, as procps' watch does.
 *
 * The command runs as `sh -c` would run it (or as words with -x), with its
 * stdout and stderr captured together and COLUMNS set to the terminal's
 * width; its output is not a terminal. The screen height is not known, so
 * every line of the output is shown (the real one cuts at the last row).
 * Every run counts towards the shell's 20,000-command limit.
 *
 * With nothing to interrupt it (the CLI's `run`) it shows three updates,
 * without screen clearing, and stops with a note (exit 124). When a
 * session is replayed it runs the command once and stops.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import type { HostState } from '../world/types';
import { ctimeForm } from '../world/time-format';
import { quote } from './commands';
import type { FollowHost, FollowRun } from './live';
import { unattendedNote } from './live';
import type { WatchOptions } from './watch-options';
import { parseWatchArgs, watchHeader } from './watch-options';

const CLEAR = '\x1b[H\x1b[2J';
/**
 * Screens kept for the result when they cannot stream: on an interactive
 * terminal the last one (what the trainee would be looking at), otherwise
 * (a pipe, a file, the CLI's run) the last twenty.
 */
const KEPT_ON_TERMINAL = 1;
const KEPT_OTHERWISE = 20;
const UNATTENDED_UPDATES = 3;
const ERREXIT = 'command exit with a non-zero status, press a key to exit\n';
/** just-bash's message when a limit (commands, loop iterations, depth) stopped a script. */
const RUNAWAY = /^bash: .*, increase executionLimits\.\w+$/m;

type Result = { stdout: string; stderr: string; exitCode: number };
type Ran = { output: string; exitCode: number };

class Screens {
  private kept: string[] = [];
  constructor(private readonly run: FollowRun) {}

  show(text: string): void {
    // Streamed, the clear is the terminal's to do: it knows the text is a screen.
    if (this.run.streams) return this.run.write(text, true);
    this.kept.push((this.run.limit || this.run.unattended ? '' : CLEAR) + text);
    const interactive = this.run.terminal && !this.run.limit && !this.run.unattended;
    if (this.kept.length > (interactive ? KEPT_ON_TERMINAL : KEPT_OTHERWISE)) this.kept.shift();
  }

  /** Text written below the last screen (the -e message). */
  add(text: string): void {
    if (this.run.streams) this.run.write(text);
    else this.kept.push(text);
  }

  end(exitCode: number, stderr = ''): Result {
    return { stdout: this.kept.join(''), stderr, exitCode };
  }
}

/** Runs the command once: what it printed (stdout, then stderr) and its status. */
async function runOnce(ctx: CommandContext, line: string, columns: number): Promise<Ran> {
  const env = Object.fromEntries(ctx.env);
  delete env.OUTBOUND_STDOUT_TTY;
  env.COLUMNS = String(columns);
  const r = await ctx.exec!(line, { cwd: ctx.cwd, env, replaceEnv: true, signal: ctx.signal });
  return { output: r.stdout + r.stderr, exitCode: r.exitCode };
}

async function watchLoop(
  o: WatchOptions, ctx: CommandContext, run: FollowRun, world: () => HostState,
): Promise<Result> {
  const shown = o.command.join(' ');
  const line = o.exec ? o.command.map(quote).join(' ') : shown;
  const screens = new Screens(run);
  const startedAt = run.now();
  let previous: string | undefined;
  let unchanged = 0;
  for (let updates = 1; ; updates++) {
    const began = run.now();
    const w = world();
    const right = `${w.host.hostname}: ${ctimeForm(began, ctx.env.get('TZ') || w.host.timezone)}`;
    const r = await runOnce(ctx, line, run.columns);
    if (run.interrupted()) break;
    // The shell's runaway limit stopped the command: it stops the whole line too.
    if (RUNAWAY.test(r.output)) return screens.end(r.exitCode, r.output.slice(r.output.search(RUNAWAY)));
    const head = o.title ? `${watchHeader(run.columns, o.interval, shown, right)}\n\n` : '';
    const body = r.output === '' || r.output.endsWith('\n') || !run.limit ? r.output : `${r.output}\n`;
    screens.show(head + body);
    if (o.errexit && r.exitCode !== 0) {
      screens.add(ERREXIT);
      return screens.end(8);
    }
    if (o.chgexit && previous !== undefined && r.output !== previous) break;
    unchanged = previous === r.output ? unchanged + 1 : 1;
    if (o.equexit !== undefined && unchanged >= o.equexit) break;
    previous = r.output;
    if (run.limit?.reason === 'replay') break;
    if (run.limit && updates >= UNATTENDED_UPDATES) {
      return screens.end(124, unattendedNote('watch', run.limit, `${updates} updates`));
    }
    // -p can fall behind a slow command; still wait a moment, so Ctrl-C gets through.
    const next = (o.precise ? began : run.now()) + o.interval * 1000;
    const woke = await run.sleepUntil(Math.max(next, run.now() + 1));
    // A timeout's signal ends watch as Ctrl-C does.
    if (woke === 'interrupted' || woke === 'deadline') break;
    if (woke === 'limit' && run.limit) {
      const seconds = Math.round((run.limit.until - startedAt) / 1000);
      const after = `${updates} updates in ${seconds}s of simulated time`;
      return screens.end(124, unattendedNote('watch', run.limit, after));
    }
  }
  return screens.end(0);
}

export function watchCommand(live: FollowHost, world: () => HostState): Command {
  return defineCommand('watch', async (args, ctx) => {
    const parsed = parseWatchArgs(args, ctx.env);
    if (!parsed.ok) return { stdout: parsed.stdout, stderr: parsed.stderr, exitCode: parsed.exitCode };
    if (!ctx.exec) return { stdout: '', stderr: 'watch: cannot run commands here\n', exitCode: 1 };
    const run = live.enter(ctx.signal);
    try {
      return await watchLoop(parsed.options, ctx, run, world);
    } finally {
      run.leave();
    }
  });
}

/**
 * `journalctl -f` / `--follow`: prints the last entries that match (10, or
 * -n N; every entry since --since when no count is given), then keeps
 * looking at the journal as the simulated clock advances and prints each
 * new entry that matches the same filters, in the same -o format, until
 * Ctrl-C. systemd re-raises the SIGINT it caught, so the status is 130 and
 * nothing more is printed. Following never prints `-- No entries --`.
 * Without -f the journalctl tool runs as it always does.
 *
 * The journal is read again every simulated second (and never more often
 * than every 250 ms of wall time). With nothing to interrupt it (the CLI's
 * `run`) it follows for a minute of simulated time and stops with a note
 * (exit 124), as `tail -f` does.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import type { HostState, LogEntry } from '../world/types';
import { parseJournalArgs, type JournalArgs } from '../tools/journalctl/args';
import { toolEntry } from '../tools/registry';
import type { ToolContext } from '../tools/types';
import type { CommandHost } from './commands';
import { toolCommand } from './commands';
import type { FollowHost } from './live';
import { unattendedNote } from './live';
import { Output } from './tail';

type Result = { stdout: string; stderr: string; exitCode: number };
/** The journalctl module, loaded with the program on first use. */
type Journal = typeof import('../tools/journalctl/journalctl');
const loadJournal = (): Promise<Journal> => import('../tools/journalctl/journalctl');

/** journalctl's options that take the next word as their value. */
const SHORT_WITH_ARG = new Set(['u', 't', 'S', 'U', 'p', 'g', 'o']);
const LONG_WITH_ARG = new Set(['unit', 'identifier', 'since', 'until', 'priority', 'grep', 'output']);
const POLL_MS = 1000;
/** A count no one types: left in place, it means the command line gave none. */
const NO_COUNT = 987_654_321;

interface Flags {
  follow: boolean;
  pagerEnd: boolean;
}

/** Whether the words ask for -f (and -e), read as journalctl's parser reads them. */
export function followFlags(args: readonly string[]): Flags {
  const flags: Flags = { follow: false, pagerEnd: false };
  for (let i = 0; i < args.length; i++) {
    const tok = args[i] ?? '';
    if (tok.startsWith('--')) {
      const name = tok.slice(2).split('=')[0] ?? '';
      if (name === 'follow') flags.follow = true;
      else if (name === 'pager-end') flags.pagerEnd = true;
      else if (LONG_WITH_ARG.has(name) && !tok.includes('=')) i++;
      continue;
    }
    if (!tok.startsWith('-')) continue;
    for (let j = 1; j < tok.length; j++) {
      const ch = tok[j] ?? '';
      if (ch === 'f') flags.follow = true;
      else if (ch === 'e') flags.pagerEnd = true;
      else if (ch === 'n') break;
      else if (SHORT_WITH_ARG.has(ch)) {
        if (j === tok.length - 1) i++;
        break;
      }
    }
  }
  return flags;
}

/** How many entries -f shows first: -n N, else 1000 with -e, all since --since, else 10. */
function firstCount(args: readonly string[], a: JournalArgs, flags: Flags, w: HostState): number | undefined {
  const probe = parseJournalArgs([`--lines=${NO_COUNT}`, ...args], w.now, w.host.timezone);
  const given = typeof probe === 'string' || probe.lines !== NO_COUNT;
  if (given) return a.lines;
  if (flags.pagerEnd) return 1000;
  return a.since !== undefined ? undefined : 10;
}


class JournalFollower {
  /** Simulated time up to which the journal has been shown. */
  private seen = 0;

  constructor(
    private readonly a: JournalArgs,
    private readonly system: boolean,
    private readonly io: Output,
    private readonly world: () => HostState,
    private readonly journal: Journal,
  ) {}

  private entries(w: HostState, after: number): LogEntry[] {
    if (!this.system) return [];
    return w.logs(Math.max(0, after), w.now + 1)
      .filter((e) => e.time > after && e.time <= w.now && this.journal.matches(e, this.a, w.host.bootTime, w));
  }

  private print(w: HostState, picked: readonly LogEntry[]): void {
    const text = picked.map((e) => `${this.journal.line(w, e, this.a)}\n`).join('');
    if (text) this.io.out(text);
  }

  start(count: number | undefined): void {
    const w = this.world();
    if (!this.system && !this.a.quiet) this.io.err(this.journal.HINT);
    const all = this.system ? w.logs(0, w.now + 1).filter((e) => e.time <= w.now) : [];
    if (w.host.distro === 'ubuntu-22.04' && !this.a.quiet && all.length > 0 && this.a.output !== 'cat') {
      // systemd 249 with -f names only where the journal begins.
      this.io.out(`-- Journal begins at ${this.journal.fullDate(all[0]!.time, w.host.timezone)}. --\n`);
    }
    let picked = all.filter((e) => this.journal.matches(e, this.a, w.host.bootTime, w));
    if (count !== undefined) picked = count === 0 ? [] : picked.slice(-count);
    this.print(w, picked);
    this.seen = w.now;
  }

  poll(): void {
    const w = this.world();
    if (w.now <= this.seen) return;
    this.print(w, this.entries(w, this.seen));
    this.seen = w.now;
  }
}

async function follow(
  args: string[], a: JournalArgs, flags: Flags, ctx: CommandContext, live: FollowHost, host: CommandHost,
): Promise<Result> {
  const journalModule = await loadJournal();
  const run = live.enter(ctx.signal);
  try {
    const io = new Output(run);
    const who = host.identity();
    const tool: ToolContext = {
      argv: ['journalctl', ...args], stdin: '', world: host.world(), uid: who.uid, user: who.user,
      cwd: ctx.cwd, env: ctx.env, shellPid: host.shellPid(),
    };
    const journal = new JournalFollower(a, journalModule.canReadSystem(tool), io, () => host.world(), journalModule);
    const startedAt = run.now();
    journal.start(firstCount(args, a, flags, host.world()));
    for (;;) {
      const step = run.limit ? run.limit.until : run.now() + run.pollMs(POLL_MS);
      const woke = await run.sleepUntil(step);
      if (woke === 'interrupted') break;
      journal.poll();
      if (woke === 'deadline') return io.result(128 + run.signal());
      if (woke === 'limit' && run.limit) {
        const seconds = Math.round((run.limit.until - startedAt) / 1000);
        const note = unattendedNote('journalctl', run.limit, `${seconds}s of simulated time`);
        io.err(note);
        return io.result(note ? 124 : 130);
      }
    }
    return io.result(130);
  } finally {
    run.leave();
  }
}

/** `journalctl`: the tool as it is, and its -f on the simulated clock. */
export function journalctlCommand(live: FollowHost, host: CommandHost): Command {
  const once = toolCommand(toolEntry('journalctl')!.load, 'journalctl', host);
  return defineCommand('journalctl', async (args, ctx) => {
    const flags = followFlags(args);
    if (!flags.follow) return once.execute(args, ctx);
    const w = host.world();
    const a = parseJournalArgs(args, w.now, w.host.timezone);
    // A bad command line gets the tool's own message.
    if (typeof a === 'string') return once.execute(args, ctx);
    if (a.reverse) {
      return { stdout: '', stderr: 'Please specify either --reverse= or --follow=, not both.\n', exitCode: 1 };
    }
    return follow(args, a, flags, ctx, live, host);
  });
}

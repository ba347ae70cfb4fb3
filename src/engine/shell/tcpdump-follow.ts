/**
 * tcpdump in the shell: a follower. It prints its header on stderr, then
 * each packet the filter keeps as its time comes on the simulated clock
 * (waking at the next packet, or every simulated second), with sequence
 * numbers relative across the whole capture. It stops when -c N packets
 * have been seen (the clock then stands at the Nth packet's time), on
 * Ctrl-C or a timeout's TERM/INT/HUP (caught: a newline on stdout, then the
 * counts on stderr, exit 0), on another signal of a timeout (killed, no
 * counts, 128+signal), or, with nothing to interrupt it (the CLI's `run`),
 * after a minute of simulated time with a note (exit 124).
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import type { HostState, Packet } from '../world/types';
import type { ToolContext } from '../tools/types';
import type { Capture } from '../tools/tcpdump/tcpdump';
import { openCapture, trailer } from '../tools/tcpdump/tcpdump';
import type { CommandHost } from './commands';
import type { FollowHost, FollowRun, Woke } from './live';
import { unattendedNote } from './live';
import { Output } from './tail';

type Result = { stdout: string; stderr: string; exitCode: number };
const POLL_MS = 1000;
/** Signals tcpdump catches to stop cleanly (PIPE, TERM, INT, HUP). */
const CAUGHT = new Set([1, 2, 13, 15]);

class Capturing {
  /** Packets up to this simulated time have been seen. */
  private seen: number;
  captured = 0;

  constructor(
    private readonly cap: Capture,
    private readonly io: Output,
    private readonly world: () => HostState,
    start: number,
  ) {
    this.seen = start;
  }

  private between(w: HostState, from: number, to: number): Packet[] {
    return w.packets(Math.floor(from), Math.floor(to) + 1)
      .filter((p) => p.time > from && p.time <= to && this.cap.sees(p))
      .sort((x, y) => x.time - y.time);
  }

  /** When the next packet comes, if before `horizon`: the clock wakes then. */
  nextBy(horizon: number): number {
    const next = this.between(this.world(), this.seen, horizon)[0];
    return next ? Math.min(horizon, Math.ceil(next.time)) : horizon;
  }

  /** Prints what came up to `now`; true once -c N packets have been seen. */
  deliver(now: number): boolean {
    const w = this.world();
    for (const p of this.between(w, this.seen, now)) {
      this.io.out(this.cap.line(w, p));
      this.seen = p.time;
      if (++this.captured === this.cap.count) return true;
    }
    this.seen = Math.max(this.seen, now);
    return false;
  }
}

/** How the capture ends after `woke`, or undefined while it goes on. */
function ending(woke: Woke, run: FollowRun, c: Capturing, io: Output, startedAt: number): Result | undefined {
  const counts = (): string => trailer(c.captured, c.captured);
  if (woke === 'interrupted' || (woke === 'deadline' && CAUGHT.has(run.signal()))) {
    io.out('\n');
    io.err(counts());
    return io.result(0);
  }
  if (woke === 'deadline') return io.result(128 + run.signal());
  if (woke !== 'limit' || !run.limit) return undefined;
  const seconds = Math.round((run.limit.until - startedAt) / 1000);
  const note = unattendedNote('tcpdump', run.limit, `${seconds}s of simulated time`);
  io.out('\n');
  io.err(counts() + note);
  return io.result(note ? 124 : 0);
}

async function capture(cap: Capture, ctx: CommandContext, live: FollowHost, host: CommandHost): Promise<Result> {
  const run = live.enter(ctx.signal);
  try {
    const io = new Output(run);
    const startedAt = run.now();
    io.err(cap.head);
    const c = new Capturing(cap, io, () => host.world(), startedAt);
    for (;;) {
      const horizon = run.limit ? run.limit.until : run.now() + run.pollMs(POLL_MS);
      const woke = await run.sleepUntil(Math.max(run.now() + 1, c.nextBy(horizon)));
      if (c.deliver(run.now())) {
        io.err(trailer(c.captured, c.captured));
        return io.result(0);
      }
      const end = ending(woke, run, c, io, startedAt);
      if (end) return end;
    }
  } finally {
    run.leave();
  }
}

/** `tcpdump`: -D and mistakes as the tool answers them, captures on the simulated clock. */
export function tcpdumpCommand(live: FollowHost, host: CommandHost): Command {
  return defineCommand('tcpdump', async (args, ctx) => {
    const who = host.identity();
    const tool: ToolContext = {
      argv: ['tcpdump', ...args], stdin: '', world: host.world(), uid: who.uid, user: who.user,
      cwd: ctx.cwd, env: ctx.env, shellPid: host.shellPid(),
    };
    const opened = openCapture(tool);
    if ('exitCode' in opened) return opened;
    return capture(opened, ctx, live, host);
  });
}

/**
 * Programs that run until Ctrl-C (`tail -f`, `watch`): how they wait on the
 * simulated clock, learn of Ctrl-C, write to the terminal while they run,
 * and stop by themselves when nothing could ever interrupt them.
 *
 * just-bash has no streaming output, and when its abort signal fires it
 * drops everything the line printed ("bash: execution aborted"). So while a
 * follower runs, the trainee's Ctrl-C does not go to just-bash: the follower
 * is told (a soft interrupt), returns what it has, and the rest of its
 * pipeline finishes (`tail -f auth.log | grep sshd` shows grep's lines). A
 * line that then sleeps or starts another follower is aborted for real.
 *
 * Nothing can interrupt a follower when the caller passed no signal (the
 * CLI's `run`) or the session is being replayed: it then follows up to a
 * limit in simulated time (`FollowLimit`) and stops.
 *
 * `timeout` sets a deadline (deadlines.ts): a `sleep` ends at it and a
 * follower stops at it as if Ctrl-C were pressed ('deadline').
 */
import type { Deadline } from './deadlines';
import { Deadlines } from './deadlines';


/** The part of AbortSignal used here (the engine has no DOM lib). */
export interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

/** The session's simulated clock and the wall clock under it (see session/clock.ts). */
export interface LiveClocks {
  clock: {
    now(): number;
    speed(): number;
    setNow(t: number): void;
    sleep(ms: number, signal?: SignalLike): Promise<boolean>;
  };
  wall: { wait(ms: number, signal?: SignalLike): Promise<boolean> };
}

/** Why and when a follower stops by itself. */
export interface FollowLimit {
  until: number;
  /** replay: the trainee pressed Ctrl-C before the next logged event; no-terminal: nobody can. */
  reason: 'replay' | 'no-terminal';
}

/** How long an unattended follower follows (CLI `run`): one minute of simulated time. */
export const UNATTENDED_FOLLOW_MS = 60_000;

/** One running follower. */
export interface FollowRun {
  /** Whether output goes straight to the terminal while the program runs. */
  readonly streams: boolean;
  /** Whether the program's output is the terminal's (streamed or not): the line is this one command. */
  readonly terminal: boolean;
  readonly columns: number;
  readonly limit?: FollowLimit;
  /** Nobody can press Ctrl-C (the CLI's run): a limit or a timeout ends it. */
  readonly unattended: boolean;
  now(): number;
  /**
   * Sends text to the terminal now; only when `streams`. `screen`: the text
   * is a whole new screen (watch), which the terminal shows on a cleared one.
   */
  write(text: string, screen?: boolean): void;
  /**
   * Waits until simulated time `t` (never past the limit or a timeout's
   * deadline). 'deadline': the timeout expired; read once more and stop.
   */
  sleepUntil(t: number): Promise<Woke>;
  /** After 'deadline': the signal the timeout sent (15, TERM, unless -s). */
  signal(): number;
  /** A poll interval of at least `ms` of simulated time and 250 ms of wall time. */
  pollMs(ms: number): number;
  interrupted(): boolean;
  leave(): void;
}

export type Woke = 'time' | 'interrupted' | 'limit' | 'deadline';

export interface FollowHost {
  /** Starts a follower; `signal` is the command's own (ctx.signal). */
  enter(signal?: SignalLike): FollowRun;
  /**
   * `timeout`'s deadline at simulated time `at`, sending `signal`: sleeps and
   * followers stop there; `abort` stops the command where a sleep was cut.
   */
  deadline(at: number, signal: number, abort: () => void): Deadline;
  /** Simulated time now. */
  now(): number;
}

export interface LiveLineOptions {
  /** The trainee's Ctrl-C. */
  signal?: SignalLike;
  /** Receives streamed output; without it followers keep their output in the result. */
  onOutput?: (text: string, screen?: boolean) => void;
  line: string;
  columns: number;
  startedAt: number;
  /** While replaying: the time of the next logged event. */
  replayUntil?: number;
  /** Text the terminal shows before the line's output (bash's history echo). */
  preface: string;
}

export interface LineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface LiveLine {
  /** The signal to hand to just-bash instead of the trainee's. */
  readonly signal: SignalLike;
  /**
   * The line's result as the trainee sees it after an interrupt, what was
   * streamed (for the log) and whether the preface went out with it.
   */
  end(result: LineResult): { result: LineResult; streamed: string; prefaceShown: boolean };
}

interface Controller {
  readonly signal: SignalLike;
  abort(): void;
}

/** The runtime's AbortController (Node and browsers have it; the engine's lib does not declare it). */
const newController = (): Controller =>
  new (globalThis as unknown as { AbortController: new () => Controller }).AbortController();

/** Ctrl-C's signal: what a follower stops on when no timeout stopped it. */
const SIGINT = 2;

/** Streamed text kept for the session log: the latest million characters (watch -n 0.1 makes a lot). */
export const STREAM_LOG_CHARS = 1_000_000;

/** Wall-time slice between looks at the clock, so a speed change or unpause is noticed. */
const SLICE_MS = 250;
/** Slices without simulated progress (a paused clock) before waiting like `sleep` does. */
const MAX_IDLE_SLICES = 14_400;

interface LineState {
  controller: Controller;
  user?: SignalLike;
  onOutput?: (text: string, screen?: boolean) => void;
  /** The line is one command on the terminal (streamsToTerminal). */
  oneCommand: boolean;
  columns: number;
  /** While replaying: the line's bound. */
  limit?: FollowLimit;
  /** Nobody can press Ctrl-C: each follower gets its own unattended minute. */
  unattended: boolean;
  preface: string;
  prefaceShown: boolean;
  streamed: string;
  depth: number;
  soft: boolean;
  hard: boolean;
  /** Listeners of the slice being waited on; dropped after each slice. */
  wakers: Set<() => void>;
}

/**
 * The signal one wall-clock slice waits on. The wall clock adds a listener
 * per wait and never removes it; on the trainee's own signal a long
 * `tail -f` would pile up thousands. This one forgets them after the slice.
 */
function sliceSignal(s: LineState): SignalLike {
  return {
    get aborted() {
      return s.soft || s.hard || s.user?.aborted === true;
    },
    addEventListener(_type, listener) {
      s.wakers.add(listener);
    },
  };
}

/**
 * Whether a line is one simple command whose output goes to the terminal,
 * so a follower in it may stream (quoted text does not count: `watch 'a | b'`).
 */
export function streamsToTerminal(line: string): boolean {
  const bare = line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, 'q');
  return !/[;&|<>`\n(){}]/.test(bare);
}

export function createLiveControl({ clock, wall }: LiveClocks) {
  let state: LineState | undefined;
  const deadlines = new Deadlines();
  /** The deadline the last `sleep` was cut at. */
  let cutAt: number | undefined;

  const hardAbort = (s: LineState): void => {
    if (s.hard) return;
    s.hard = true;
    s.controller.abort();
  };

  const sleepUntil = async (s: LineState, t: number, limit?: FollowLimit, own?: SignalLike): Promise<Woke> => {
    const stopped = () => s.soft || s.hard || own?.aborted === true;
    const due = deadlines.nearest()?.at ?? Number.POSITIVE_INFINITY;
    const target = Math.min(t, limit?.until ?? t, due);
    let idle = 0;
    while (!stopped() && clock.now() < target) {
      // Unattended: time passes at once, as the CLI's manual clock does for `sleep`.
      if (limit || s.unattended) {
        clock.setNow(target);
        break;
      }
      const before = clock.now();
      const rate = clock.speed();
      const wallMs = rate > 0 ? Math.min((target - before) / rate, SLICE_MS) : SLICE_MS;
      try {
        await wall.wait(Math.max(1, wallMs), sliceSignal(s));
        idle = clock.now() === before ? idle + 1 : 0;
        if (idle > MAX_IDLE_SLICES && !(await clock.sleep(target - clock.now(), sliceSignal(s)))) break;
      } finally {
        s.wakers.clear();
      }
    }
    if (stopped() || clock.now() < target) return 'interrupted';
    if (clock.now() >= due) {
      deadlines.expire(clock.now(), false);
      return 'deadline';
    }
    return limit && clock.now() >= limit.until ? 'limit' : 'time';
  };

  const host: FollowHost = {
    enter(own) {
      const s = state;
      if (!s) return detachedRun();
      // A line that goes on to start another follower after Ctrl-C is stopped.
      if (s.soft) hardAbort(s);
      s.depth++;
      const terminal = s.oneCommand && s.depth === 1;
      const streams = terminal && s.onOutput !== undefined;
      // The unattended minute counts from when this follower starts, not the
      // line; a timeout's deadline takes its place.
      const unattended = s.unattended && !deadlines.nearest();
      const limit: FollowLimit | undefined = s.limit
        ?? (unattended ? { until: clock.now() + UNATTENDED_FOLLOW_MS, reason: 'no-terminal' } : undefined);
      let left = false;
      return {
        streams,
        terminal,
        columns: s.columns,
        limit,
        unattended: s.unattended,
        now: () => clock.now(),
        write(text, screen = false) {
          if (!streams || text === '') return;
          const out = s.prefaceShown ? text : s.preface + text;
          s.prefaceShown = true;
          s.streamed += out;
          if (s.streamed.length > STREAM_LOG_CHARS) s.streamed = s.streamed.slice(-STREAM_LOG_CHARS);
          s.onOutput?.(out, screen);
        },
        sleepUntil: (t) => sleepUntil(s, t, limit, own),
        signal: () => deadlines.nearest()?.signal ?? SIGINT,
        // At least 1 ms, so `tail -f -s 0` on a paused clock still waits.
        pollMs: (ms) => Math.max(ms, SLICE_MS * clock.speed(), 1),
        interrupted: () => s.soft || s.hard || own?.aborted === true,
        leave() {
          if (!left) s.depth--;
          left = true;
        },
      };
    },
    deadline: (at, signal, abort) => deadlines.add(at, signal, abort),
    now: () => clock.now(),
  };

  return {
    host,

    begin(o: LiveLineOptions): LiveLine {
      const controller = newController();
      const limit: FollowLimit | undefined = o.replayUntil !== undefined
        ? { until: Math.max(o.startedAt, o.replayUntil), reason: 'replay' }
        : undefined;
      const s: LineState = {
        controller, user: o.signal, onOutput: o.onOutput, oneCommand: streamsToTerminal(o.line),
        columns: o.columns, limit, unattended: !o.signal && o.replayUntil === undefined, preface: o.preface, prefaceShown: false, streamed: '',
        depth: 0, soft: false, hard: false, wakers: new Set(),
      };
      state = s;
      const onAbort = () => {
        if (state !== s) return;
        if (s.depth > 0) s.soft = true;
        else hardAbort(s);
        for (const wake of [...s.wakers]) wake();
      };
      if (o.signal?.aborted) hardAbort(s);
      else o.signal?.addEventListener('abort', onAbort);
      return {
        signal: controller.signal,
        end(result) {
          if (state === s) state = undefined;
          const interrupted = o.signal?.aborted === true;
          let out = result;
          // After a real abort just-bash reports "execution aborted": bash says nothing.
          if (s.hard && interrupted) out = { stdout: result.stdout, stderr: '', exitCode: 130 };
          // One program that handles Ctrl-C itself keeps its status (watch exits 0).
          else if (s.soft && !s.oneCommand) out = { ...result, exitCode: 130 };
          return { result: out, streamed: s.streamed, prefaceShown: s.prefaceShown };
        },
      };
    },

    /** How long a `sleep` of `ms` may run: a timeout's deadline ends it. */
    sleepFor(ms: number): number {
      const bounded = deadlines.bound(clock.now(), ms);
      cutAt = bounded.cut;
      return bounded.ms;
    },

    /**
     * After every `sleep`: a line still sleeping after Ctrl-C is stopped for
     * real; a sleep that reached a deadline stops the timed command.
     */
    afterSleep(): void {
      if (state?.soft) hardAbort(state);
      const at = cutAt;
      cutAt = undefined;
      if (at === undefined || state?.hard) return;
      // The wall clock may leave the simulated one a millisecond short.
      if (clock.now() < at) clock.setNow(at);
      deadlines.expire(clock.now(), true);
    },
  };
}

/** A follower started outside any line (a direct call in a test): never streams, never waits. */
function detachedRun(): FollowRun {
  return {
    streams: false,
    terminal: false,
    columns: 80,
    limit: { until: 0, reason: 'no-terminal' },
    unattended: true,
    now: () => 0,
    write: () => undefined,
    sleepUntil: async () => 'limit',
    signal: () => SIGINT,
    pollMs: (ms) => ms,
    interrupted: () => false,
    leave: () => undefined,
  };
}

/**
 * What an unattended follower prints when it stops by itself (`after`:
 * "60s of simulated time", "3 updates"); nothing when replaying.
 */
export function unattendedNote(program: string, limit: FollowLimit, after: string): string {
  if (limit.reason === 'replay') return '';
  return `${program}: no terminal to press Ctrl-C in: stopped after ${after}\n`;
}

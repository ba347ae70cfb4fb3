/**
 * A trainee's session on the simulated host: just-bash with the simulated
 * programs, a filesystem over the world, the simulated clock, and the event
 * log that is the session's whole state (commands, world events, clock
 * changes, answers).
 *
 * just-bash resets shell state between exec() calls, so the session carries
 * the environment (including PWD) from one command line to the next.
 * Commands run one at a time: a queue serialises them.
 */
import { Bash } from 'just-bash';
import type { CompiledScenario } from '../scenario/types';
import { lazyCommand, sessionCommands, toolCommand } from '../shell/commands';
import type { CommandHost, Identity } from '../shell/commands';
import { HostFs } from '../shell/host-fs';
import { buildViewTree } from '../shell/view-tree';
import type { ViewTree } from '../shell/host-fs';
import { dateCommand } from '../shell/date-reference';
import { loginShell, type ShellProcessInfo } from '../shell/login-shell';
import { createLiveControl } from '../shell/live';
import { followCommands } from '../shell/follow-commands';
import { loadRenderers, procRenderers } from '../shell/renderers';
import { tools } from '../tools/registry';
import type { HostState, Process, WorldEvent } from '../world/types';
import { createSimClock } from './clock';
import { createReplayCut, type ReplayCut } from './replay-cut';
import type { ControllableClock, WallClock } from './clock';
import { createManualWallClock } from './clock';
import type { ExecOptions, ExecResult, LabSession, SessionEvent } from './types';
import { SHELL_UTILITIES } from './utilities';
import { BRACE_RESULTS_MAX, braceRanges } from './brace-ranges';
import { Forks } from './forks';
import { forking, forkingUtilities } from '../shell/forking';
import { odCommand } from '../shell/od-args';
import { LogOutputBudget } from './log-output';

export { SHELL_UTILITIES };

/** Output beyond this is cut, as a terminal scrollback would lose it anyway. */
export const MAX_OUTPUT_CHARS = 1_000_000;

export interface LabSessionOptions {
  scenario: CompiledScenario;
  /** Defaults to a manual clock that only moves when something sleeps. */
  wallClock?: WallClock;
  /** A saved event log to replay. */
  restore?: readonly SessionEvent[];
  /** Starting simulated time (defaults to the scenario's now). */
  at?: number;
}

interface ShellState {
  env: Record<string, string>;
  cwd: string;
}

export function createLabSession(options: LabSessionOptions): LabSession {
  const { scenario } = options;
  const wall = options.wallClock ?? createManualWallClock();
  const clock: ControllableClock = createSimClock(options.at ?? scenario.now, wall);
  const trainee = scenario.trainee;
  const log: SessionEvent[] = [];
  const actions: WorldEvent[] = [];
  const lines: string[] = [];
  const kept = new LogOutputBudget();

  let cached: { at: number; actions: number; world: HostState; tree?: ViewTree } | undefined;
  /** The world at now with the events so far; `world()` adds the programs running (forks.ts). */
  const hostWorld = (): HostState => {
    const at = clock.now();
    forks.flush(at);
    if (!cached || cached.at !== at || cached.actions !== actions.length) {
      cached = { at, actions: actions.length, world: scenario.worldAt(at, actions) };
    }
    return cached.world;
  };
  const viewTree = (): ViewTree => {
    const w = hostWorld();
    if (!cached!.tree) cached!.tree = buildViewTree(w, procRenderers, programs, world);
    return cached!.tree;
  };
  /** The shell the trainee types into: their login shell, or the root shell sudo left. */
  let shellPid = trainee.shellPid;
  const forks = new Forks({
    world: hostWorld, now: () => clock.now(), shellPid: () => shellPid,
    write(event) {
      actions.push(event);
      log.push({ type: 'world', event });
    },
  });
  const world = (): HostState => forks.dress(hostWorld());

  // Accounts and groups do not change with time; the first (cached) world has them.
  const start = world();
  const groupIds = start.groups.filter((g) => g.members.includes(trainee.user)).map((g) => g.gid);
  const login: Identity = { user: trainee.user, uid: trainee.uid, gid: trainee.gid, gids: [trainee.gid, ...groupIds], home: trainee.home };
  const rootHome = start.accounts.find((a) => a.name === 'root')?.home ?? '/root';
  const root: Identity = { user: 'root', uid: 0, gid: 0, gids: [0], home: rootHome };
  let rootShell = false;
  /** The sudo whose shell the root shell is (sudo -i): its PAM session closes at exit. */
  let rootSudo: number | undefined;
  let sudoDepth = 0;
  const identity = (): Identity => (rootShell || sudoDepth > 0 ? root : login);

  const fs = new HostFs(viewTree, {
    uid: () => identity().uid, gids: () => identity().gids, home: () => identity().home, now: () => clock.now(),
    loadRenderers,
  });
  // $$, $PPID and the SSH_* variables are the trainee's login shell in the world.
  const loginProcess = loginShell(start, trainee.shellPid);
  const shell: ShellState = {
    cwd: trainee.home,
    env: { ...baseEnv(login, world().host.hostname), ...loginProcess.env },
  };

  const host: CommandHost = {
    world,
    identity,
    shellPid: () => shellPid,
    apply(events) {
      if (events.some((e) => e.type !== 'kill')) forks.beforeEvent();
      for (const event of events) {
        actions.push(event);
        log.push({ type: 'world', event });
      }
    },
    history: () => lines,
    async asRoot(run) {
      sudoDepth++;
      try {
        return await run();
      } finally {
        sudoDepth--;
      }
    },
    enterRootShell(isLogin, sudoPid) {
      rootShell = true;
      rootSudo = sudoPid;
      const leaf = sudoPid === undefined ? undefined : lastOfChain(world(), sudoPid);
      if (leaf) {
        shellPid = leaf.pid;
        setShellProcess(bash, { pid: leaf.pid, ppid: leaf.ppid, uid: 0, gid: 0 });
      }
      shell.env = { ...shell.env, ...baseEnv(root, world().host.hostname) };
      if (isLogin) pendingCwd = root.home;
    },
    mayUseSudo: () => true,
  };
  let pendingCwd: string | undefined;

  const live = createLiveControl({ clock, wall });
  const custom = [
    ...sessionCommands(host),
    lazyCommand('ls', () => import('../shell/ls').then((m) => m.listCommand(fs, () => world()))),
    lazyCommand('stat', () => import('../shell/stat').then((m) => m.statCommand(fs, () => world()))),
  ];
  for (const tool of tools) custom.push(toolCommand(tool.load, tool.name, host));
  // After the tools: journalctl's follower takes the tool's place.
  custom.push(...followCommands(live.host, () => world(), host), odCommand());
  // date -r reads a file the shell sees, then runs the date tool.
  custom.push(dateCommand(fs, host));
  const programs = [...new Set([...SHELL_UTILITIES, ...custom.map((c) => c.name)])];
  const starter = () => identity();
  const given = new Set(custom.map((c) => c.name));
  const processes = [
    ...custom.map((c) => forking(c, forks, starter)),
    ...forkingUtilities(SHELL_UTILITIES, given, forks, starter),
  ];
  const bash = new Bash({
    fs,
    processInfo: loginProcess.processInfo,
    cwd: trainee.home,
    commands: [...SHELL_UTILITIES],
    customCommands: processes,
    sleep: async (asked) => {
      const ms = live.sleepFor(asked); // a timeout's deadline ends the sleep
      if (replaying) clock.setNow(replayCut ? replayCut.sleep(clock.now(), ms, replayUntil) : clock.now() + ms);
      else await clock.sleep(ms, currentSignal);
      live.afterSleep();
    },
    // A loop over {1..20000} is ordinary; 100,000 commands end a runaway
    // `while true; do :; done` in about a second and a half.
    executionLimits: {
      maxCommandCount: 100_000, maxLoopIterations: 1_000_000, maxCallDepth: 100,
      maxBraceExpansionResults: BRACE_RESULTS_MAX,
    },
    // In Node just-bash guards the globals while a script runs; the clock's
    // own timers (sleep on a real wall clock) are trusted host code.
    defenseInDepth: { enabled: true, excludeViolationTypes: ['setTimeout'] },
  });
  bash.registerTransformPlugin(braceRanges);
  let currentSignal: ExecOptions['signal'];
  let replaying = false;
  /** While replaying a command: when the next logged event happened (a follower stops there). */
  let replayUntil = 0;
  /** While replaying a command: stops it where a sleep would pass replayUntil (it was interrupted). */
  let replayCut: ReplayCut | undefined;

  /**
   * Rebuilds a saved session: each command runs again at the simulated time
   * it first ran (sleeps are instant while replaying), which regenerates the
   * world events, files and environment it produced. Answers and hints are
   * kept as they were.
   */
  const replay = async (events: readonly SessionEvent[], resumeAt: number): Promise<void> => {
    replaying = true;
    try {
      for (const [i, event] of events.entries()) {
        if (event.type === 'command') {
          clock.setNow(event.at);
          replayUntil = nextEventTime(events, i + 1, resumeAt);
          replayCut = createReplayCut();
          await runLine(event.line, { signal: replayCut.signal });
          replayCut = undefined;
        } else if (event.type === 'clock') {
          clock.setNow(event.at);
          clock.setSpeed(event.speed);
          log.push(event);
        } else if (event.type === 'answer' || event.type === 'hint') {
          log.push(event);
        }
      }
    } finally {
      replaying = false;
      clock.setNow(Math.max(resumeAt, clock.now()));
    }
  };
  let queue: Promise<unknown> = Promise.resolve();

  const prompt = (): string => {
    const who = identity();
    const home = who.home;
    const cwd = shell.cwd === home ? '~' : shell.cwd.startsWith(home + '/') ? '~' + shell.cwd.slice(home.length) : shell.cwd;
    return `${who.user}@${world().host.hostname}:${cwd}${who.uid === 0 ? '#' : '$'} `;
  };

  const runLine = async (typed: string, opts: ExecOptions = {}): Promise<ExecResult> => {
    const expanded = expandHistory(typed, lines);
    if (expanded.error) return record(typed.trim(), clock.now(), { stdout: '', stderr: expanded.error, exitCode: 1 });
    const line = expanded.line;
    // bash shows a line that history expansion changed before running it.
    const echo = expanded.line !== typed ? `${line.trim()}\n` : '';
    const trimmed = line.trim();
    if (trimmed === '') return { stdout: '', stderr: '', exitCode: 0 };
    if (!line.startsWith(' ') && lines[lines.length - 1] !== trimmed) lines.push(trimmed);
    if ((trimmed === 'exit' || trimmed === 'logout') && rootShell) {
      rootShell = false;
      if (rootSudo !== undefined) host.apply([{ type: 'sudo-end', at: clock.now(), pid: rootSudo }]);
      rootSudo = undefined;
      shellPid = trainee.shellPid;
      setShellProcess(bash, loginProcess.processInfo);
      shell.env = { ...shell.env, ...baseEnv(login, world().host.hostname) };
      shell.cwd = login.home;
      return record(trimmed, clock.now(), { stdout: 'logout\n', stderr: '', exitCode: 0 });
    }
    currentSignal = opts.signal;
    const startedAt = clock.now();
    const env: Record<string, string> = { ...shell.env, PWD: shell.cwd };
    if (writesToTerminal(line)) {
      // Tools that lay out for a terminal (ps cuts lines, ss spreads columns)
      // only do so when their output is not piped or redirected, as the
      // real ones decide with isatty().
      env.COLUMNS = String(opts.columns ?? 80);
      env.OUTBOUND_STDOUT_TTY = '1';
    }
    let result: ExecResult;
    const liveLine = live.begin({
      signal: opts.signal, onOutput: opts.onOutput, line, columns: opts.columns ?? 80, startedAt,
      replayUntil: replaying ? replayUntil : undefined, preface: echo,
    });
    try {
      const r = await bash.exec(line, { env, cwd: shell.cwd, replaceEnv: true, signal: liveLine.signal as AbortSignal });
      result = { stdout: r.stdout, stderr: explainLimits(notInBrowser(r.stderr)), exitCode: r.exitCode };
      if (r.env) {
        const next = { ...r.env };
        delete next.COLUMNS;
        delete next.OUTBOUND_STDOUT_TTY;
        shell.env = next;
        if (next.PWD) shell.cwd = next.PWD;
      }
    } catch (error) {
      result = { stdout: '', stderr: `bash: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 };
    } finally {
      currentSignal = undefined;
    }
    for (const path of fs.takeDenied()) {
      result = { ...result, stderr: result.stderr + `bash: ${path}: Permission denied\n`, exitCode: result.exitCode || 1 };
    }
    const ended = liveLine.end(result);
    result = ended.result;
    if (pendingCwd) {
      shell.cwd = pendingCwd;
      pendingCwd = undefined;
    }
    const shown = clip({ ...result, stdout: (ended.prefaceShown ? '' : echo) + result.stdout });
    return record(trimmed, startedAt, shown, ended.streamed);
  };

  /**
   * `streamed`: what already went to the terminal while the line ran (tail -f,
   * watch). The log keeps a long output's start and end only (log-output.ts).
   */
  const record = (line: string, at: number, result: ExecResult, streamed = ''): ExecResult => {
    const output = kept.keep(streamed + result.stdout + result.stderr);
    log.push({ type: 'command', at, line, exitCode: result.exitCode, output });
    return result;
  };

  const session: LabSession = {
    scenario,
    clock: {
      now: clock.now,
      speed: clock.speed,
      setSpeed(speed: number) {
        clock.setSpeed(speed);
        log.push({ type: 'clock', at: clock.now(), wall: wall.now(), speed });
      },
    },
    prompt,
    exec(line, opts) {
      const run = queue.then(() => runLine(line, opts));
      queue = run.catch(() => undefined);
      return run;
    },
    // Tab completion's code loads with the first Tab.
    complete: async (line, cursor) => (await import('../shell/complete'))
      .completeLine(line, cursor, { fs, cwd: shell.cwd, tools, utilities: SHELL_UTILITIES }),
    history: () => lines,
    log: () => log,
    note(event) {
      forks.flush(); // the grader reads the world from the log: it has every pid taken
      log.push(event);
    },
  };
  if (options.restore?.length) {
    const resumeAt = options.at ?? lastTime(options.restore, scenario.now);
    // A copy: the caller's array may still grow while the replay runs.
    queue = replay([...options.restore], resumeAt);
  }
  return session;
}

/** The last process of the chain under sudo `pid` (its monitor's child, and so on down). */
function lastOfChain(w: HostState, pid: number): Process | undefined {
  let cur = w.processes.find((p) => p.pid === pid);
  for (let depth = 0; cur && depth < 8; depth++) {
    const at = cur.pid;
    const child = w.processes.find((p) => p.ppid === at && p.uid === 0 && p.startTime === w.now && p.pid > at);
    if (!child) break;
    cur = child;
  }
  return cur && cur.pid !== pid ? cur : undefined;
}

/**
 * Points just-bash's $$, $PPID, $UID and /proc/self status at `info`:
 * the shell the trainee types into changed (a root shell under sudo, or
 * back to the login shell). just-bash copies this state into every exec.
 */
function setShellProcess(bash: Bash, info: ShellProcessInfo): void {
  const state = (bash as unknown as { state?: Record<string, unknown> }).state;
  if (!state) return;
  state.virtualPid = info.pid;
  state.virtualPpid = info.ppid;
  if (info.uid !== undefined) state.virtualUid = info.uid;
  if (info.gid !== undefined) state.virtualGid = info.gid;
}

/**
 * Whether a command line's output goes straight to the terminal. The shell
 * cannot ask each program's stdout, so a line with a pipe or a redirection
 * counts as not a terminal for all its commands (a quoted `|` is misread,
 * which only changes column layout).
 */
function writesToTerminal(line: string): boolean {
  return !/[|>]/.test(line);
}

/**
 * History expansion for the forms analysts type: `!!` (the previous line)
 * and `!$` (its last word), outside single quotes. Other `!` forms are left
 * to the shell.
 */
export function expandHistory(line: string, history: readonly string[]): { line: string; error?: string } {
  if (!line.includes('!')) return { line };
  const previous = history[history.length - 1];
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") quoted = !quoted;
    const next = line[i + 1];
    if (!quoted && c === '!' && (next === '!' || next === '$')) {
      if (previous === undefined) return { line, error: `bash: !${next}: event not found\n` };
      out += next === '!' ? previous : previous.trim().split(/\s+/).pop() ?? '';
      i++;
      continue;
    }
    out += c;
  }
  return { line: out };
}

/** just-bash's browser build names itself for programs it leaves out; bash would not know them. */
function notInBrowser(stderr: string): string {
  return stderr.replace(/^bash: ([^:\n]+): command not available in browser environments\..*$/gm, 'bash: $1: command not found');
}

/** just-bash names its own settings when a limit stops a script; say it in the lab's terms. */
function explainLimits(stderr: string): string {
  return stderr.replace(/, increase executionLimits\.[A-Za-z]+/g, ' (the lab stops runaway commands)');
}

/** The time of the first command, clock change, answer or hint from `from` on. */
function nextEventTime(events: readonly SessionEvent[], from: number, fallback: number): number {
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'world') return e.at;
  }
  return fallback;
}

function lastTime(events: readonly SessionEvent[], fallback: number): number {
  let t = fallback;
  for (const e of events) {
    const at = e.type === 'world' ? e.event.at : e.at;
    if (Number.isFinite(at) && at > t) t = at;
  }
  return t;
}

function baseEnv(who: Identity, hostname: string): Record<string, string> {
  return {
    HOME: who.home,
    USER: who.user,
    LOGNAME: who.user,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    HOSTNAME: hostname,
    PATH: who.uid === 0
      ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
      : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games',
  };
}

/**
 * Cuts stdout at MAX_OUTPUT_CHARS. The terminal shows stdout then stderr: a
 * line cut short is ended first, so stderr and the notice start lines of
 * their own.
 */
export function clip(result: ExecResult): ExecResult {
  if (result.stdout.length <= MAX_OUTPUT_CHARS) return result;
  const stdout = result.stdout.slice(0, MAX_OUTPUT_CHARS);
  const ended = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  const stderr = ended(stdout).slice(stdout.length) + ended(result.stderr);
  return { ...result, stdout, stderr: `${stderr}bash: output cut after ${MAX_OUTPUT_CHARS} characters\n` };
}

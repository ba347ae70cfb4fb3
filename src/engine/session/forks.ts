/**
 * The processes the trainee's command lines fork. On Linux every program
 * the shell starts takes the next number of the host's one pid counter, so
 * `ps` shows itself with a pid no process started later gets, and
 * /proc/self is the directory of whoever reads it.
 *
 * Each program the session runs (a simulated tool, or one of just-bash's
 * utilities that is a program on a real host; builtins such as echo or kill
 * fork nothing) takes its pid when it starts: the next one the world hands
 * out at that instant, after those already taken then. While it runs it is
 * a process of the world the tools see (`dress`), with `self` naming it.
 *
 * The pids taken at one instant are kept pending and written as one
 * `spawn` event (`flush`) when the clock moves on, before a tool's own
 * event is applied, and before an answer or a hint is noted (the grader
 * reads the world from the log): the world at the instant
 * itself does not depend on them (only its last pid does, which `dress`
 * raises), so a loop of a thousand `ps` at one instant builds one world.
 * The events go to the log like any world event: replaying the log's
 * command lines at their times takes the same pids, and the grader's
 * worlds count them too.
 */
import type { Launch } from '../shell/forking';
import type { HostState, Process, WorldEvent } from '../world/types';

export interface ForkHost {
  /** The world at the simulated now, with the events written so far. */
  world(): HostState;
  now(): number;
  /** Writes a spawn event (to the actions and the log). */
  write(event: WorldEvent): void;
  /** The pid of the trainee's shell. */
  shellPid(): number;
}

/** Memory and size of a few programs as ps shows them (kB); others get the last row. */
const SIZES: ReadonlyMap<string, [number, number]> = new Map([
  ['ps', [11_084, 4_480]], ['ss', [15_936, 5_248]], ['cat', [5_588, 1_792]], ['ls', [6_224, 2_176]],
  ['grep', [6_488, 2_304]], ['sudo', [11_904, 5_632]], ['', [6_000, 2_000]],
]);

export class Forks {
  private pendingAt = NaN;
  private pending = 0;
  private readonly running: Process[] = [];
  private dressed?: { base: HostState; depth: number; top?: Process; world: HostState };

  constructor(private readonly host: ForkHost) {}

  /** Writes the pids taken at an instant other than `at` (all of them without `at`). */
  flush(at?: number): void {
    if (this.pending === 0 || at === this.pendingAt) return;
    const count = this.pending;
    this.pending = 0;
    this.host.write({ type: 'spawn', at: this.pendingAt, count });
  }

  /**
   * A program that changes the world is the process its event's pid step
   * stands for: the pid it took goes back, so the event takes that same
   * number, and the rest is written before the event.
   */
  beforeEvent(): void {
    const top = this.running.at(-1);
    if (top && this.pending > 0 && this.host.now() === this.pendingAt && top.pid === this.last()) this.pending--;
    this.flush();
  }

  private last(): number | undefined {
    return this.host.world().nextPids?.(this.pending)[this.pending - 1];
  }

  /** Starts a program: takes its pid and makes it a process of the world. */
  begin(launch: Launch): number {
    const at = this.host.now();
    this.flush(at);
    const world = this.host.world();
    const pid = world.nextPids?.(this.pending + 1)[this.pending]
      ?? Math.max(world.lastPid ?? 0, ...world.processes.map((p) => p.pid)) + 1 + this.pending;
    this.pendingAt = at;
    this.pending++;
    this.running.push(this.process(world, pid, at, launch));
    return pid;
  }

  end(): void {
    this.running.pop();
  }

  /** `world` (the host's, at now) with the running programs in it. */
  dress(world: HostState): HostState {
    const top = this.running.at(-1);
    const d = this.dressed;
    if (d && d.base === world && d.depth === this.running.length && d.top === top) return d.world;
    let out = world;
    const shell = this.host.shellPid();
    if (!top && world.processes.some((p) => p.pid === shell)) out = { ...world, self: shell };
    if (top) {
      const mine = new Set(this.running.map((p) => p.pid));
      const processes = [...world.processes.filter((p) => !mine.has(p.pid)), ...this.running]
        .sort((a, b) => a.pid - b.pid);
      out = { ...world, processes, self: top.pid, lastPid: Math.max(world.lastPid ?? 0, ...mine) };
    }
    this.dressed = { base: world, depth: this.running.length, top, world: out };
    return out;
  }

  private process(world: HostState, pid: number, at: number, l: Launch): Process {
    const parent = this.running.at(-1);
    const shell = world.processes.find((p) => p.pid === this.host.shellPid());
    const ttyPath = shell?.fds.find((f) => f.fd === 0 && f.kind === 'chr')?.target;
    const terminal = typeof ttyPath === 'string' ? ttyPath : undefined;
    const tty = shell?.tty ?? null;
    const [vsz, rss] = SIZES.get(l.name) ?? SIZES.get('')!;
    const stdio = (fd: number) => (terminal && (fd !== 1 || l.tty)
      ? { fd, kind: 'chr' as const, target: terminal, mode: 'u' as const }
      : { fd, kind: 'pipe' as const, target: pipeInode(pid), mode: 'w' as const });
    return {
      pid, ppid: parent?.pid ?? this.host.shellPid(), uid: l.uid, gid: l.gid,
      comm: l.name.slice(0, 15), argv: [l.name, ...l.args], exe: `/usr/bin/${l.name}`, cwd: l.cwd,
      env: [], tty, stat: l.name === 'sleep' ? (tty ? 'S+' : 'S') : tty ? 'R+' : 'R', startTime: at,
      vsz, rss, cpuSeconds: 0, fds: [0, 1, 2].map(stdio),
    };
  }
}

/** A pipe's inode, in the range the kernel's pipefs gives on a host up a few days. */
export function pipeInode(pid: number): number {
  return 100_000 + ((pid * 7919) % 800_000);
}

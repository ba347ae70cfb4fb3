/** process: a low-level process start, with an optional exit. */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { CompileCtx } from './compile-ctx';
import type { WorldCtx } from './context';
import { inherited } from './exfil';
import { proc } from './make';
import type { BehaviourModule } from './module';
import type { ProcessEntry } from './types';

export function compileProcess(
  e: TimelineEntryOf<'process'>, path: IssuePath, cc: CompileCtx,
): ProcessEntry {
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const runAs = anchor && !e.user ? anchor.runAs : cc.runAs(e.user, [...path, 'user']);
  const at = cc.time(e.at);
  const exit = e.exit ?? e.until;
  const argv0 = e.argv[0]!;
  const base = argv0.split('/').pop() ?? argv0;
  const b: ProcessEntry = {
    kind: 'process', id: e.id, at, ...(exit ? { until: cc.time(exit) } : {}), ...runAs,
    argv: e.argv, comm: (e.comm ?? base).slice(0, 15),
    exe: e.exe ?? (argv0.startsWith('/') ? argv0 : `/usr/bin/${base}`),
    cwd: e.cwd ?? anchor?.cwd ?? '/', tty: anchor?.tty ?? null, stat: e.stat ?? 'S',
    parentPid: anchor?.pid ?? 1, ...(e.parent ? { parent: e.parent } : {}),
    pid: cc.pids.take(`${e.id}:pid`, at, 1)[0]!,
    stdio: inherited(anchor), ...(anchor?.sid !== undefined ? { sid: anchor.sid } : {}),
  };
  cc.anchors.set(e.id, { pid: b.pid, tty: b.tty, cwd: b.cwd, env: anchor?.env ?? [], runAs, stdio: b.stdio,
    ...(b.sid !== undefined ? { sid: b.sid } : {}),
    ...(anchor?.cgroup ? { cgroup: anchor.cgroup } : {}) });
  return b;
}

const end = (b: ProcessEntry, ctx: WorldCtx) => Math.min(b.until ?? Infinity, ctx.killAt(b.pid, b.at));

export const processModule: BehaviourModule<ProcessEntry> = {
  kind: 'process',
  end,
  contribute(b, ctx, t, out) {
    if (t < b.at || t >= ctx.endOf(b.id)) return;
    const ppid = b.parent && ctx.endOf(b.parent) <= t ? 1 : b.parentPid;
    out.processes.push(proc({ pid: b.pid, ppid, pgid: b.pid, ...(b.sid !== undefined ? { sid: b.sid } : {}), uid: b.uid, gid: b.gid, comm: b.comm, argv: b.argv,
      exe: b.exe, cwd: b.cwd, tty: b.tty, stat: b.stat, startTime: b.at, vsz: 6200, rss: 2100,
      fds: b.stdio, origin: b.id }));
  },
  logs: () => {},
};

/**
 * The low-level `processes:` and `sockets:` blocks. Pids come first (given,
 * or the pid counter's at each start time, declared before anything forks),
 * then sockets (inode at creation, owner and creation time from the first
 * process holding them), then the processes' fds, which name sockets by id.
 */
import type { ScenarioDoc } from '../../scenario/schema';
import { parseTime } from '../../scenario/time-spec';
import type { BaseProcess } from '../base-types';
import type { FdEntry } from '../types';
import { addEntity, compact, timeAt, type BuildContext } from './context';
import { commFor, exeFor } from './exe';
import { parseEndpointText } from './ip';
import { buildSocket, type SocketHolder } from './sockets';
import { buildUnixSockets, unixHolders } from './unix';

type ProcessDoc = ScenarioDoc['processes'][number];

/** Pids written in the document: processes, services, the trainee, logins. */
export function reserveExplicitIds(ctx: BuildContext): void {
  const { doc, ids, sink } = ctx;
  doc.processes.forEach((p, i) => {
    if (p.pid !== undefined && !ids.pids.reserve(p.pid))
      sink.error(['processes', i, 'pid'], `pid ${p.pid} is used twice`);
  });
  for (const s of doc.host.services ?? [])
    if (typeof s === 'object' && s.pid !== undefined) ids.pids.reserve(s.pid);
  if (doc.trainee.shell_pid !== undefined) ids.pids.reserve(doc.trainee.shell_pid);
  for (const l of doc.logins) if (l.pid !== undefined) ids.pids.reserve(l.pid);
  doc.sockets.forEach((s, i) => {
    if (s.inode !== undefined && !ids.inodes.reserve(s.inode))
      sink.error(['sockets', i, 'inode'], `inode ${s.inode} is used twice`);
    const local = typeof s.local === 'string' ? parseEndpointText(s.local) : s.local;
    if (local?.port) ids.ports.reserve(local.addr, local.port);
  });
  doc.unix_sockets.forEach((u, i) => {
    if (u.inode !== undefined && !ids.inodes.reserve(u.inode))
      sink.error(['unix_sockets', i, 'inode'], `inode ${u.inode} is used twice`);
  });
}

interface Planned {
  doc: ProcessDoc;
  index: number;
  pid: number;
  start: number;
}

/**
 * Tells the pid counter when each process of the document starts: an
 * allocated pid at its start, a written one rises the counter past itself.
 */
export function declareProcessPids(ctx: BuildContext): void {
  ctx.doc.processes.forEach((p, index) => {
    const start = parseTime(p.start, { now: ctx.now, boot: ctx.boot }) ?? ctx.now;
    if (p.pid === undefined) ctx.ids.pids.declare(`process:${index}`, start, 1);
    else ctx.ids.pids.lift(p.pid, start);
  });
  for (const l of ctx.doc.logins) {
    const at = parseTime(l.login, { now: ctx.now, boot: ctx.boot });
    if (l.pid !== undefined && at !== null) ctx.ids.pids.lift(l.pid, at);
  }
}

function plan(ctx: BuildContext): Planned[] {
  return ctx.doc.processes.map((p, index) => {
    const start = timeAt(ctx, p.start, ['processes', index, 'start']);
    const pid = p.pid ?? ctx.ids.pids.take(`process:${index}`, start, 1)[0]!;
    if (
      addEntity(ctx, { id: p.id, kind: 'process', at: start, pids: [pid], inodes: [] }, [
        'processes',
        index,
        'id',
      ])
    ) {
      ctx.pidOf.set(p.id, pid);
    }
    return { doc: p, index, pid, start };
  });
}

function holdersOf(ctx: BuildContext, planned: Planned[]): Map<string, SocketHolder[]> {
  const out = new Map<string, SocketHolder[]>();
  for (const p of planned) {
    for (const fd of p.doc.fds) {
      if (!('socket' in fd)) continue;
      const list = out.get(fd.socket) ?? [];
      list.push({ pid: p.pid, user: p.doc.user, start: p.start });
      out.set(fd.socket, list);
    }
  }
  return out;
}

function parentPid(ctx: BuildContext, p: ProcessDoc, i: number): number {
  if (p.parent === undefined) return p.ppid ?? 1;
  const pid = ctx.pidOf.get(p.parent) ?? ctx.pidOf.get(`service:${p.parent}`);
  if (pid === undefined) {
    ctx.sink.error(
      ['processes', i, 'parent'],
      `no process or service "${p.parent}"`,
      'name the id of a process in processes:, or a service',
    );
    return 1;
  }
  return pid;
}

function fdsOf(ctx: BuildContext, p: Planned, pipes: Map<string, number>): FdEntry[] {
  const out: FdEntry[] = [];
  p.doc.fds.forEach((fd, j) => {
    const path = ['processes', p.index, 'fds', j];
    if ('socket' in fd) {
      const s = ctx.socketOf.get(fd.socket);
      if (!s)
        ctx.sink.error(
          [...path, 'socket'],
          `no socket "${fd.socket}"`,
          'declare it under sockets:',
        );
      else out.push({ fd: fd.fd, kind: 'socket', target: s.inode, mode: fd.mode });
    } else if ('unix' in fd) {
      const u = ctx.unixOf.get(fd.unix);
      if (!u)
        ctx.sink.error(
          [...path, 'unix'],
          `no UNIX socket "${fd.unix}"`,
          'declare it under unix_sockets:',
        );
      else out.push({ fd: fd.fd, kind: 'unix', target: u.inode, mode: fd.mode });
    } else if ('pipe' in fd) {
      let inode = pipes.get(fd.pipe);
      if (inode === undefined) pipes.set(fd.pipe, (inode = ctx.ids.inodes.one(p.start)));
      out.push({ fd: fd.fd, kind: 'pipe', target: inode, mode: fd.mode });
    } else {
      const kind = fd.kind ?? (fd.path.startsWith('/dev/') ? 'chr' : 'file');
      out.push({ fd: fd.fd, kind, target: fd.path, mode: fd.mode });
    }
    if (p.doc.fds.findIndex((f) => f.fd === fd.fd) !== j)
      ctx.sink.error([...path, 'fd'], `fd ${fd.fd} is open twice`);
  });
  return out;
}

function toProcess(ctx: BuildContext, p: Planned, pipes: Map<string, number>): BaseProcess {
  const d = p.doc;
  const path = ['processes', p.index];
  const account = ctx.accounts.get(d.user);
  if (!account)
    ctx.sink.error(
      [...path, 'user'],
      `no user "${d.user}" on the host`,
      'declare it under host.users',
    );
  let gid = account?.gid ?? 0;
  if (d.group !== undefined) {
    const g = ctx.groups.get(d.group);
    if (!g) ctx.sink.error([...path, 'group'], `no group "${d.group}" on the host`);
    gid = g?.gid ?? gid;
  }
  const argv0 = d.argv[0] ?? '';
  const exe = d.exe ?? exeFor(argv0, ctx.profile.id);
  const env = d.env.map((e): [string, string] => {
    const i = e.indexOf('=');
    return [e.slice(0, i), e.slice(i + 1)];
  });
  const entity = ctx.entities.get(d.id);
  const fds = fdsOf(ctx, p, pipes);
  if (entity) entity.inodes = fds.filter((f) => f.kind === 'socket').map((f) => f.target as number);
  return compact<BaseProcess>({
    pid: p.pid,
    ppid: parentPid(ctx, d, p.index),
    uid: account?.uid ?? 0,
    gid,
    comm: d.comm ?? commFor(argv0, exe),
    argv: [...d.argv],
    title: d.title,
    exe,
    cwd: d.cwd,
    env,
    tty: d.tty,
    stat: d.stat,
    startTime: p.start,
    vsz: d.vsz,
    rss: d.rss,
    cpuSeconds: d.cpu,
    fds,
    unit: d.unit,
    origin: d.origin,
    exitTime: d.exit === undefined ? undefined : timeAt(ctx, d.exit, [...path, 'exit']),
  });
}

/** Builds the document's processes and sockets into the context. */
export function buildExplicit(ctx: BuildContext): void {
  const planned = plan(ctx);
  const holders = holdersOf(ctx, planned);
  ctx.doc.sockets.forEach((s, i) => {
    const built = buildSocket(ctx, s, i, holders.get(s.id) ?? []);
    if (built) ctx.sockets.push(built);
  });
  buildUnixSockets(ctx, unixHolders(ctx.doc, new Map(planned.map((p) => [p.doc.id, p.start]))));
  const pipes = new Map<string, number>();
  for (const p of planned) ctx.processes.push(toProcess(ctx, p, pipes));
  for (const p of planned) {
    const origin = p.doc.origin;
    if (origin !== undefined && !ctx.entities.has(origin) && !timelineIds(ctx.doc).has(origin)) {
      ctx.sink.error(
        ['processes', p.index, 'origin'],
        `no entity "${origin}"`,
        'name a socket, process or timeline entry',
      );
    }
  }
}

function timelineIds(doc: ScenarioDoc): Set<string> {
  const out = new Set<string>();
  for (const e of doc.timeline as unknown[]) {
    const id = (e as { id?: unknown }).id;
    if (typeof id === 'string') out.add(id);
  }
  return out;
}

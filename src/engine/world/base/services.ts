/**
 * Baseline services from the profile's catalogue: their processes (pids
 * allocated at boot plus each service's start delay; systemd is pid 1),
 * listening sockets held at fixed fds, and running units.
 */
import type { BaseProcess } from '../base-types';
import {
  serviceCatalogue, type ServiceDef, type ServiceListener, type ServiceProcess,
} from '../profile-services';
import type { FdEntry, Unit } from '../types';
import { daemonCpuSeconds } from './cpu-time';
import { addSystemAccount } from './accounts';
import { addEntity, compact, timeAt, type BuildContext } from './context';
import { isV6 } from './ip';
import { parseTime } from '../../scenario/time-spec';

interface Wanted {
  name: string;
  pid?: number;
  start?: string;
  path: (string | number)[];
}

function wanted(ctx: BuildContext): Wanted[] {
  const list = ctx.doc.host.services;
  if (list === undefined) {
    if (ctx.doc.host.baseline === 'none') return [];
    return ctx.profile.defaultServices.map((name) => ({ name, path: ['host'] }));
  }
  return list.map((s, i) =>
    typeof s === 'string'
      ? { name: s, path: ['host', 'services', i] }
      : { ...s, path: ['host', 'services', i] },
  );
}

function cgroupOf(unit: string): string {
  if (unit === 'init.scope') return '/init.scope';
  const template = /^([^@]+)@/.exec(unit);
  if (template) return `/system.slice/system-${template[1]}.slice/${unit}`;
  return `/system.slice/${unit}`;
}

function unitPath(ctx: BuildContext, unit: string): string {
  if (unit.endsWith('.scope')) return '';
  const dir = ctx.profile.id === 'ubuntu-24.04' ? '/usr/lib/systemd/system' : '/lib/systemd/system';
  return `${dir}/${unit.replace(/@[^.]+\./, '@.')}`;
}

function listenerSocket(
  ctx: BuildContext,
  def: ServiceDef,
  l: ServiceListener,
  start: number,
  uid: number,
) {
  const family = isV6(l.addr) ? 'inet6' : 'inet';
  ctx.ids.ports.reserve(l.addr, l.port);
  return compact({
    id: `${def.name}-${l.key}`,
    inode: ctx.ids.inodes.one(start),
    sk: ctx.ids.cookies.next(),
    proto: l.proto,
    family,
    state: l.proto === 'tcp' ? ('LISTEN' as const) : ('UNCONN' as const),
    local: { addr: l.addr, port: l.port },
    remote: { addr: family === 'inet6' ? '::' : '0.0.0.0', port: 0 },
    recvQ: 0,
    sendQ: l.proto === 'tcp' ? (l.backlog ?? 4096) : 0,
    uid,
    v6only: l.v6only,
    cgroup: cgroupOf(def.unit),
    createdAt: start,
  } as const);
}

/** When a wanted service starts: its own `start:`, else boot plus the catalogue's delay. */
function startOf(ctx: BuildContext, def: ServiceDef, w: Wanted, report: boolean): number {
  if (!w.start) return ctx.boot + def.startMs;
  if (report) return timeAt(ctx, w.start, [...w.path, 'start']);
  return parseTime(w.start, { now: ctx.now, boot: ctx.boot }) ?? ctx.now;
}

/** The pid a service's process was written with (systemd is pid 1), if any. */
function explicitPid(def: ServiceDef, w: Wanted, key: string): number | undefined {
  return key === 'main' ? (def.name === 'systemd' ? 1 : w.pid) : undefined;
}

/**
 * Tells the pid counter when each service process starts (before anything
 * takes a pid), and which written pids rise the counter.
 */
export function declareServicePids(ctx: BuildContext): void {
  for (const { w, def } of serviceList(ctx).list) {
    const start = startOf(ctx, def, w, false);
    for (const p of def.processes) {
      const at = start + (p.delayMs ?? 0);
      const explicit = explicitPid(def, w, p.key);
      if (explicit === undefined) ctx.ids.pids.declare(`service:${def.name}:${p.key}`, at, 1);
      else ctx.ids.pids.lift(explicit, at);
      // Its threads take the next ids, as it starts them.
      if (p.threads?.length) ctx.ids.pids.declare(threadKey(def, p), at, p.threads.length);
    }
  }
}

function threadKey(def: ServiceDef, p: ServiceProcess): string {
  return `service:${def.name}:${p.key}:threads`;
}

/** A service process's threads, with ids taken from the counter right after its own. */
function threadsOf(ctx: BuildContext, def: ServiceDef, p: ServiceProcess, at: number) {
  const names = p.threads ?? [];
  if (names.length === 0) return undefined;
  const tids = ctx.ids.pids.take(threadKey(def, p), at, names.length);
  return names.map((comm, i) => ({ tid: tids[i]!, comm }));
}

function startService(ctx: BuildContext, def: ServiceDef, w: Wanted, pid1Fds: FdEntry[]): Unit {
  const start = startOf(ctx, def, w, true);
  if (def.account) addSystemAccount(ctx, def.account);
  const pids = new Map<string, number>();
  const threadsByKey = new Map<string, { tid: number; comm: string }[]>();
  for (const p of def.processes) {
    const at = start + (p.delayMs ?? 0);
    const explicit = explicitPid(def, w, p.key);
    if (explicit === 1) ctx.ids.pids.reserve(1);
    pids.set(p.key, explicit ?? ctx.ids.pids.take(`service:${def.name}:${p.key}`, at, 1)[0]!);
    const threads = threadsOf(ctx, def, p, at);
    if (threads) threadsByKey.set(p.key, threads);
  }
  const fds = new Map<string, FdEntry[]>(def.processes.map((p) => [p.key, []]));
  const inodes: number[] = [];
  for (const l of def.listeners) {
    const owner = ctx.accounts.get(
      def.processes.find((p) => p.key === l.holders[0]?.process)?.user ?? 'root',
    );
    const socket = listenerSocket(ctx, def, l, start, owner?.uid ?? 0);
    ctx.sockets.push(socket);
    inodes.push(socket.inode);
    for (const h of l.holders)
      fds.get(h.process)?.push({ fd: h.fd, kind: 'socket', target: socket.inode, mode: 'u' });
    if (l.systemdFd !== undefined)
      pid1Fds.push({ fd: l.systemdFd, kind: 'socket', target: socket.inode, mode: 'u' });
  }
  for (const x of def.unix ?? []) {
    const inode = ctx.ids.inodes.one(start);
    const listening = x.kind !== 'dgram';
    ctx.unixSockets.push(
      compact({
        id: `${def.name}-${x.key}`,
        inode,
        kind: x.kind,
        state: listening ? ('LISTEN' as const) : ('UNCONN' as const),
        path: x.path,
        peerInode: 0,
        recvQ: 0,
        sendQ: listening ? 4096 : 0,
      }),
    );
    fds.get(x.process ?? 'main')?.push({ fd: x.fd, kind: 'unix', target: inode, mode: 'u' });
    if (x.systemdFd !== undefined)
      pid1Fds.push({ fd: x.systemdFd, kind: 'unix', target: inode, mode: 'u' });
  }
  for (const p of def.processes) {
    const account = ctx.accounts.get(p.user);
    if (!account)
      ctx.sink.error(
        w.path,
        `service ${def.name} runs as "${p.user}", which the host lacks`,
        'use baseline: standard or add the user',
      );
    const pid = pids.get(p.key) as number;
    const proc: BaseProcess = compact<BaseProcess>({
      pid,
      ppid: def.name === 'systemd' ? 0 : p.parent ? (pids.get(p.parent) as number) : 1,
      uid: account?.uid ?? 0,
      gid: account?.gid ?? 0,
      comm: p.comm ?? p.argv[0]?.split('/').pop()?.slice(0, 15) ?? '',
      argv: [...p.argv],
      title: p.title,
      exe: p.exe,
      cwd: p.cwd ?? '/',
      env: [],
      tty: p.tty ?? null,
      stat: p.stat,
      startTime: start + (p.delayMs ?? 0),
      vsz: p.vsz,
      rss: p.rss,
      cpuSeconds: daemonCpuSeconds(
        p.comm ?? p.argv[0]?.split('/').pop()?.slice(0, 15) ?? '', start + (p.delayMs ?? 0), ctx.now,
      ),
      fds: (fds.get(p.key) ?? []).sort((a, b) => a.fd - b.fd),
      unit: def.unit,
      origin: `service:${def.name}`,
      threads: threadsByKey.get(p.key),
    });
    if (def.name === 'systemd') {
      pid1Fds.push(...proc.fds);
      proc.fds = pid1Fds;
    }
    ctx.processes.push(proc);
  }
  const mainPid = pids.get('main') as number;
  ctx.pidOf.set(`service:${def.name}`, mainPid);
  addEntity(
    ctx,
    { id: `service:${def.name}`, kind: 'service', at: start, pids: [...pids.values()], inodes },
    w.path,
  );
  return {
    name: def.unit,
    description: def.description,
    path: unitPath(ctx, def.unit),
    active: 'active',
    sub: 'running',
    enabled: def.unit.endsWith('.scope') ? 'static' : 'enabled',
    mainPid,
    since: start,
  };
}

interface ServiceList {
  list: { w: Wanted; def: ServiceDef }[];
  problems: { path: (string | number)[]; message: string; hint?: string }[];
}

const lists = new WeakMap<BuildContext, ServiceList>();

/**
 * The wanted services the catalogue knows, once each, in start order, and
 * what is wrong with the others (reported once, by `buildServices`).
 */
function serviceList(ctx: BuildContext): ServiceList {
  const known = lists.get(ctx);
  if (known) return known;
  const catalogue = serviceCatalogue({ distro: ctx.profile.id, cpus: 2 });
  const seen = new Set<string>();
  const problems: ServiceList['problems'] = [];
  const list = wanted(ctx)
    .map((w) => ({ w, def: catalogue.get(w.name) }))
    .filter(({ w, def }) => {
      if (!def) {
        const names = [...catalogue.keys()].join(', ');
        problems.push({ path: w.path, message: `unknown service "${w.name}"`, hint: `known services: ${names}` });
        return false;
      }
      if (seen.has(w.name)) {
        problems.push({ path: w.path, message: `service "${w.name}" is listed twice` });
        return false;
      }
      seen.add(w.name);
      return true;
    }) as { w: Wanted; def: ServiceDef }[];
  list.sort((a, b) =>
    a.def.name === 'systemd' ? -1 : b.def.name === 'systemd' ? 1 : a.def.startMs - b.def.startMs,
  );
  const out = { list, problems };
  lists.set(ctx, out);
  return out;
}

/** When the cron service starts, if the host runs it. */
export function cronStart(ctx: BuildContext): number | undefined {
  const cron = serviceList(ctx).list.find((x) => x.def.name === 'cron');
  return cron ? startOf(ctx, cron.def, cron.w, false) : undefined;
}

/** Starts the wanted services; unknown names are issues. Returns their units. */
export function buildServices(ctx: BuildContext): Unit[] {
  const pid1Fds: FdEntry[] = [];
  const units: Unit[] = [];
  const { list, problems } = serviceList(ctx);
  for (const p of problems) ctx.sink.error(p.path, p.message, p.hint);
  for (const { w, def } of list) {
    const unit = startService(ctx, def, w, pid1Fds);
    const socket = activationSocket(ctx, def, unit);
    units.push(socket ? { ...unit, enabled: 'disabled' } : unit);
    if (socket) units.push(socket);
  }
  pid1Fds.sort((a, b) => a.fd - b.fd);
  return units;
}

/**
 * The socket unit of a socket-activated service (ssh on Ubuntu 24.04:
 * systemd holds :22 for ssh.socket, which is enabled while ssh.service
 * itself is disabled). It starts with sockets.target, before the service.
 */
function activationSocket(ctx: BuildContext, def: ServiceDef, service: Unit): Unit | undefined {
  if (!def.listeners.some((l) => l.systemdFd !== undefined)) return undefined;
  const name = def.unit.replace(/\.service$/, '.socket');
  return {
    name, description: `${def.description} socket`, path: unitPath(ctx, name),
    active: 'active', sub: 'listening', enabled: 'enabled',
    since: Math.max(ctx.boot, service.since - 2_000),
  };
}

/**
 * Finding what a scenario entity became in the world: its processes, its
 * sockets, its login record. An entity is matched by the pids and inodes the
 * compiler recorded for it, and by the `origin` and socket ids the world
 * stamps on what an entity creates (periodic behaviour gets generated ids
 * that start with the entity's id).
 */
import type { EntityRef } from '../scenario/types';
import type { HostState, Login, Process, Socket } from '../world/types';
import type { ScenarioView } from './values';

function idBelongs(socketId: string, entityId: string): boolean {
  if (socketId === entityId) return true;
  if (!socketId.startsWith(entityId)) return false;
  return /^[-:#./@]/.test(socketId.slice(entityId.length));
}

export function entityProcesses(world: HostState, ref: EntityRef): Process[] {
  const pids = new Set(ref.pids);
  const byPid = ref.pids
    .map((pid) => world.processes.find((p) => p.pid === pid))
    .filter((p): p is Process => p !== undefined);
  const byOrigin = world.processes.filter((p) => p.origin === ref.id && !pids.has(p.pid));
  return [...byPid, ...byOrigin];
}

/** The entity's sockets, the ones it was created with first. */
export function entitySockets(world: HostState, ref: EntityRef): Socket[] {
  const out: Socket[] = [];
  const seen = new Set<number>();
  const add = (s: Socket | undefined): void => {
    if (s === undefined || seen.has(s.inode)) return;
    seen.add(s.inode);
    out.push(s);
  };
  for (const inode of ref.inodes) add(world.sockets.find((s) => s.inode === inode));
  for (const s of world.sockets) if (idBelongs(s.id, ref.id)) add(s);
  for (const p of entityProcesses(world, ref)) {
    for (const fd of p.fds) {
      if (fd.kind !== 'socket') continue;
      add(world.sockets.find((s) => s.inode === fd.target));
    }
  }
  return out;
}

/** A connected socket of the entity (not a listener, not a wildcard peer). */
export function connectedSocket(world: HostState, ref: EntityRef): Socket | undefined {
  const sockets = entitySockets(world, ref).filter((s) => s.remote.port !== 0);
  return sockets.find((s) => s.state === 'ESTABLISHED') ?? sockets[0];
}

export function listeningSocket(world: HostState, ref: EntityRef): Socket | undefined {
  const sockets = entitySockets(world, ref);
  return sockets.find((s) => s.state === 'LISTEN') ?? sockets.find((s) => s.state === 'UNCONN');
}

export function entityLogin(world: HostState, ref: EntityRef): Login | undefined {
  const pids = new Set(ref.pids);
  return world.logins.find((l) => l.id === ref.id) ?? world.logins.find((l) => pids.has(l.pid));
}

/** The process holding an fd on the socket, lowest pid first. */
export function holders(world: HostState, inode: number): Process[] {
  return world.processes
    .filter((p) => p.fds.some((fd) => fd.kind === 'socket' && fd.target === inode))
    .sort((a, b) => a.pid - b.pid);
}

/** The process holding a live socket of the entity, if any. */
export function socketHolder(world: HostState, ref: EntityRef): Process | undefined {
  for (const s of entitySockets(world, ref)) {
    if (s.inode === 0) continue;
    const h = holders(world, s.inode)[0];
    if (h) return h;
  }
  return undefined;
}

/**
 * The entity's main process: its first recorded pid while alive, else the
 * process holding its socket, else the first process stamped with it.
 */
export function mainProcess(world: HostState, ref: EntityRef): Process | undefined {
  const first = ref.pids[0];
  const own = first === undefined ? undefined : world.processes.find((p) => p.pid === first);
  return own ?? socketHolder(world, ref) ?? entityProcesses(world, ref)[0];
}

/** Helpers a periodic entity forks every run; not what an analyst names. */
const PLUMBING = new Set(['cron', 'sh', 'dash', 'sleep']);

/** Every process an analyst could name for the entity, in the world at t. */
export function namedProcesses(world: HostState, ref: EntityRef): Process[] {
  const out = entityProcesses(world, ref).filter((p) => !PLUMBING.has(p.comm));
  const holder = socketHolder(world, ref);
  if (holder && !out.includes(holder)) out.unshift(holder);
  return out;
}

/** How far before the alert a fact is looked for when it is gone at `now`. */
const SEARCH_BACK_MS = 3 * 60_000;
const SEARCH_STEP_MS = 5_000;
const AFTER_START_MS = [1, 1_000, 5_000, 15_000, 30_000];

/**
 * Reads a fact of an entity from the world at the alert (or at the entity's
 * start, if later); when the entity has nothing to show then, from the world
 * just after the entity started (a login that has ended), then at moments
 * before the alert, nearest first (a cron beacon between two runs).
 */
export function searchWorlds<T extends { ok: boolean }>(
  view: ScenarioView,
  ref: EntityRef,
  read: (world: HostState, ref: EntityRef) => T,
): T {
  const first = Math.max(view.now, ref.at);
  const result = read(view.worldAt(first), ref);
  if (result.ok) return result;
  for (const dt of AFTER_START_MS) {
    if (ref.at + dt >= first) break;
    const early = read(view.worldAt(ref.at + dt), ref);
    if (early.ok) return early;
  }
  const stop = Math.max(ref.at, first - SEARCH_BACK_MS);
  for (let t = first - SEARCH_STEP_MS; t >= stop; t -= SEARCH_STEP_MS) {
    const again = read(view.worldAt(t), ref);
    if (again.ok) return again;
  }
  return result;
}

/** A view whose `worldAt` without actions is computed once per moment. */
export function memoView(view: ScenarioView): ScenarioView {
  const cache = new Map<number, HostState>();
  return {
    entities: view.entities,
    vars: view.vars,
    now: view.now,
    worldAt(t, actions) {
      if (actions !== undefined && actions.length > 0) return view.worldAt(t, actions);
      let world = cache.get(t);
      if (world === undefined) {
        world = view.worldAt(t);
        if (cache.size > 256) cache.clear();
        cache.set(t, world);
      }
      return world;
    },
  };
}

/**
 * What the steps of building a base host share: the parsed document, the
 * clock anchors, the allocators, the issue sink, and the indexes of what has
 * been built so far (accounts by name, pids by scenario id, sockets by id).
 */
import type { IssuePath, IssueSink } from '../../scenario/issues';
import type { ScenarioDoc } from '../../scenario/schema';
import { parseDuration, parseTime } from '../../scenario/time-spec';
import type { BaseEntity, BaseProcess, BaseSocket, LogSource } from '../base-types';
import type { IdAllocators } from '../ids';
import type { DistroProfile } from '../profiles';
import type { Account, Group, UnixSocket } from '../types';

export interface BuildContext {
  doc: ScenarioDoc;
  profile: DistroProfile;
  now: number;
  boot: number;
  historyStart: number;
  ids: IdAllocators;
  sink: IssueSink;
  accounts: Map<string, Account>;
  groups: Map<string, Group>;
  processes: BaseProcess[];
  sockets: BaseSocket[];
  /** Scenario id -> pid, for processes. */
  pidOf: Map<string, number>;
  socketOf: Map<string, BaseSocket>;
  unixSockets: UnixSocket[];
  unixOf: Map<string, UnixSocket>;
  entities: Map<string, BaseEntity>;
  logSources: LogSource[];
}

/** A time spec of the document in epoch ms; an issue (and `fallback`) if bad. */
export function timeAt(
  ctx: BuildContext,
  spec: string,
  path: IssuePath,
  fallback = ctx.now,
): number {
  const t = parseTime(spec, { now: ctx.now, boot: ctx.boot });
  if (t === null) {
    ctx.sink.error(path, `"${spec}" is not a time`, 'write -26s, boot+4s or an ISO 8601 date-time');
    return fallback;
  }
  return t;
}

/** A duration (or a number of ms) in ms; an issue and 0 if bad. */
export function msOf(ctx: BuildContext, spec: string | number, path: IssuePath): number {
  if (typeof spec === 'number') return spec;
  const d = parseDuration(spec);
  if (d === null) {
    ctx.sink.error(path, `"${spec}" is not a duration`, 'write 90s, 17m, 2h or 1h30m');
    return 0;
  }
  return d;
}

/** Registers an entity id; a duplicate is an issue at `path`. */
export function addEntity(ctx: BuildContext, entity: BaseEntity, path: IssuePath): boolean {
  if (ctx.entities.has(entity.id)) {
    ctx.sink.error(path, `duplicate id "${entity.id}"`, 'ids must be unique across the scenario');
    return false;
  }
  ctx.entities.set(entity.id, entity);
  return true;
}

/** Copies an object without its undefined fields. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

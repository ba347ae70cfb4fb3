/**
 * The static host a scenario describes, before any timeline behaviour runs:
 * everything that holds from the start of the history window (accounts,
 * links, routes, firewall, files, services and their processes and sockets,
 * the trainee's own session) plus the lazy baseline log sources and the id
 * allocators the behaviours keep drawing from.
 *
 * `worldAt(base, behaviours, t, actions)` (world/at.ts) turns it into a
 * `HostState`. A BaseHost is built once per compile and then treated as
 * read-only; `worldAt` copies what it changes.
 */
import type { DistroProfile } from './profiles';
import type { IdAllocators } from './ids';
import type {
  Account,
  CronJob,
  Firewall,
  Flow,
  Group,
  HostInfo,
  Interface,
  LogEntry,
  Login,
  Neighbour,
  Packet,
  Process,
  Route,
  Socket,
  Unit,
  UnixSocket,
  VirtualFile,
} from './types';
import type { PidView } from './pid-view';

/**
 * Log entries in [from, to), oldest first. Generated on demand. `pids` is
 * the pid counter with the trainee's actions and commands (the world's),
 * for lines that name a process forked after them; without it, the host's.
 */
/** `down` says when a unit is not running (the trainee stopped or killed it). */
export type LogSource = (
  from: number, to: number, pids?: PidView, down?: (unit: string, t: number) => boolean,
) => LogEntry[];

/** Packets on the wire in [from, to), oldest first. Generated on demand. */
export type PacketSource = (from: number, to: number) => Packet[];

/** A process of the base host, with its lifetime on the simulated clock. */
export interface BaseProcess extends Process {
  /** When it exits (undefined: it runs past the end of the scenario). */
  exitTime?: number;
}

/** A socket of the base host, with its lifetime on the simulated clock. */
export interface BaseSocket extends Socket {
  closedAt?: number;
}

/** A conntrack entry of the base host, live from its socket's creation. */
export interface BaseFlow extends Flow {
  createdAt: number;
}

/** The trainee's own SSH session, part of the base host. */
export interface TraineeSession {
  user: string;
  uid: number;
  gid: number;
  home: string;
  tty: string;
  from: string;
  loginAt: number;
  /** The trainee's bash. */
  shellPid: number;
  /** The sshd [priv] and session processes (0 when not materialised). */
  privPid: number;
  sessionPid: number;
  /** Inode of the SSH connection's socket (0 when not materialised). */
  socketInode: number;
  /** False when the session is kept out of the world (a captured host). */
  visible: boolean;
  /** systemd-logind's session number (session-N.scope; 0 when not materialised). */
  session: number;
}

/** What a scenario id produced in the base host. */
export interface BaseEntity {
  id: string;
  kind: string;
  at: number;
  pids: number[];
  inodes: number[];
}

export interface BaseHost {
  /** The scenario's "now" (when the alert fired) and the history start. */
  now: number;
  historyStart: number;
  seed: number;
  host: HostInfo;
  profile: DistroProfile;
  accounts: Account[];
  groups: Group[];
  interfaces: Interface[];
  routes: Route[];
  neighbours: Neighbour[];
  firewall: Firewall;
  files: VirtualFile[];
  cron: CronJob[];
  units: Unit[];
  /** Baseline and explicit processes, ordered by pid. */
  processes: BaseProcess[];
  sockets: BaseSocket[];
  unixSockets: UnixSocket[];
  logins: Login[];
  /** Live from `createdAt` (the timeline's worldAt must drop earlier ones). */
  flows: BaseFlow[];
  /** Baseline logs: services' periodic lines, boot, the trainee's login. */
  logSources: LogSource[];
  packetSources: PacketSource[];
  trainee: TraineeSession;
  /** Ids declared in the host part of the scenario (processes, sockets, rules). */
  entities: Map<string, BaseEntity>;
  /** Shared with the behaviours: they allocate after the base has. */
  ids: IdAllocators;
}

/** Merges several sources' entries for [from, to), oldest first, stably. */
export function mergeLogs(sources: readonly LogSource[], from: number, to: number): LogEntry[] {
  const all: LogEntry[] = [];
  for (const source of sources) {
    for (const entry of source(from, to)) all.push(entry);
  }
  return all.sort((a, b) => a.time - b.time);
}

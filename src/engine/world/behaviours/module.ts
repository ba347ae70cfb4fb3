/**
 * The contract of a behaviour kind: given a compiled behaviour and the
 * world context, when does it end, what does it add to the world at t, and
 * which log lines and packets does it produce in a window. Logs and packets
 * are asked for a window so that periodic behaviours only generate what is
 * looked at.
 */
import type { PacketMeta } from '../firewall';
import type {
  CronJob, Flow, LogEntry, Login, Packet, Process, Socket, VirtualFile,
} from '../types';
import type { WorldCtx } from './context';
import type { CompiledBehaviour } from './types';

/** Where behaviours put what they add to the world at t. */
export interface Collector {
  processes: Process[];
  sockets: Socket[];
  logins: Login[];
  flows: Flow[];
  cron: CronJob[];
  files: VirtualFile[];
  /**
   * `packets` packets like `pkt` went through `chain` while firewall epoch
   * `epoch` was in force: the world counts them on the rules that matched.
   */
  count(epoch: number, chain: 'INPUT' | 'OUTPUT', pkt: PacketMeta, packets: number, bytes: number): void;
}

export interface BehaviourModule<B extends CompiledBehaviour = CompiledBehaviour> {
  kind: B['kind'];
  /** When it ends, given the trainee's actions (Infinity: it keeps going). */
  end(b: B, ctx: WorldCtx): number;
  contribute(b: B, ctx: WorldCtx, t: number, out: Collector): void;
  /** Log entries with from <= time < to. */
  logs(b: B, ctx: WorldCtx, from: number, to: number, out: LogEntry[]): void;
  /** Packets on the wire with from <= time < to. */
  packets?(b: B, ctx: WorldCtx, from: number, to: number, out: Packet[]): void;
}

/** Pushes `e` when its time is in [from, to). */
export function inWindow(out: LogEntry[], from: number, to: number, e: LogEntry): void {
  if (e.time >= from && e.time < to) out.push(e);
}

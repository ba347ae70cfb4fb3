/**
 * A minimal composition of the world at time t from the base host alone,
 * used until world/at.ts (the timeline engineer's `worldAt`) is wired in:
 * processes and sockets alive at t, trainee kills and firewall changes
 * applied, logs cut at t. Behaviours are not expanded here.
 */
import { mergeLogs, type BaseHost } from '../world/base-types';
import { applyFirewallOp, applyUfwOp } from '../world/firewall';
import type { Firewall, HostState, Packet, Process, Socket, WorldEvent } from '../world/types';

const TERMINATING = new Set([1, 2, 3, 6, 9, 15]);

function firewallAt(base: BaseHost, t: number, actions: readonly WorldEvent[]): Firewall {
  let fw = base.firewall;
  for (const a of actions) {
    if (a.at > t) continue;
    if (a.type === 'firewall') fw = applyFirewallOp(fw, a.table, a.op);
    if (a.type === 'ufw') fw = applyUfwOp(fw, a.op);
  }
  return fw;
}

function strip<T extends { exitTime?: number; closedAt?: number }>(x: T): Omit<T, 'exitTime' | 'closedAt'> {
  const { exitTime: _e, closedAt: _c, ...rest } = x;
  return rest;
}

export function baseWorldAt(base: BaseHost, t: number, actions: readonly WorldEvent[] = []): HostState {
  const killed = new Set<number>();
  for (const a of actions) if (a.type === 'kill' && a.at <= t && TERMINATING.has(a.signal)) killed.add(a.pid);
  const processes: Process[] = base.processes
    .filter((p) => p.startTime <= t && (p.exitTime === undefined || p.exitTime > t) && !killed.has(p.pid))
    .map(strip);
  const held = new Set<number>();
  for (const p of processes) for (const fd of p.fds) if (fd.kind === 'socket') held.add(fd.target as number);
  const everHeld = new Set<number>();
  for (const p of base.processes) for (const fd of p.fds) if (fd.kind === 'socket') everHeld.add(fd.target as number);
  const sockets: Socket[] = base.sockets
    .filter((s) => s.createdAt <= t && (s.closedAt === undefined || s.closedAt > t))
    .filter((s) => held.has(s.inode) || !everHeld.has(s.inode))
    .map(strip);
  return {
    now: t, host: base.host, accounts: base.accounts, groups: base.groups, interfaces: base.interfaces,
    routes: base.routes, neighbours: base.neighbours, firewall: firewallAt(base, t, actions), processes, sockets,
    unixSockets: base.unixSockets, logins: base.logins.filter((l) => l.loginAt <= t), flows: base.flows,
    cron: base.cron, units: base.units, files: base.files,
    logs: (from, to) => mergeLogs(base.logSources, from, Math.min(to, t + 1)),
    packets: (from, to) => {
      const out: Packet[] = [];
      for (const s of base.packetSources) out.push(...s(from, Math.min(to, t)));
      return out.sort((a, b) => a.time - b.time);
    },
  };
}

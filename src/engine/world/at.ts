/**
 * The world at simulated time t: the base host, plus what every timeline
 * behaviour contributes at t, with the trainee's actions applied (kills end
 * processes and the sockets only they held, firewall changes shape what
 * gets through and raise rule counters, `crontab -r` and `systemctl stop`
 * stop what depends on them). The packets behaviours count raise the
 * firewall's counters and the interfaces' (link-traffic.ts). Same inputs,
 * same output.
 *
 * Logs and packets are functions over a window, so a day of beacons costs
 * only the window looked at. The context digested from (base, timeline,
 * actions) is cached, so asking for many t's of one session is cheap.
 */
import type { BaseHost, BaseProcess } from './base-types';
import { verdict, type PacketMeta } from './firewall';
import { createCtx, type WorldCtx } from './behaviours/context';
import { moduleFor } from './behaviours/index';
import type { Collector } from './behaviours/module';
import type { CompiledBehaviour } from './behaviours/types';
import { linksAt, tallyLink, type LinkTallies } from './link-traffic';
import { settleSessions } from './sessions';
import { markGonePtys } from './pty-gone';
import { actionSudoLogs } from './sudo-log';
import { actionCrontabLogs, crontabDirChanges } from './crontab-log';
import { openSudoShells, sudoShellProcesses } from './sudo-shell';
import { actionKey } from './behaviours/context';
import { markStopped } from './signal-plan';
import { restartedMains, unitAt, unitFailureLogs } from './unit-life';
import { withoutDeleted } from './flow-delete';
import type {
  Firewall, FirewallRule, HostState, LogEntry, Packet, Process, Socket, VirtualFile, WorldEvent,
} from './types';

interface Counts { packets: number; bytes: number }

const cache = new WeakMap<BaseHost, WeakMap<readonly CompiledBehaviour[], { key: string; ctx: WorldCtx }>>();

export function contextFor(
  base: BaseHost, timeline: readonly CompiledBehaviour[], actions: readonly WorldEvent[],
): WorldCtx {
  const key = JSON.stringify(actions);
  let byTimeline = cache.get(base);
  if (!byTimeline) cache.set(base, (byTimeline = new WeakMap()));
  const hit = byTimeline.get(timeline);
  if (hit && hit.key === key) return hit.ctx;
  const ctx = createCtx(base, timeline, [...actions], (b, c) => moduleFor(b).end(b, c));
  byTimeline.set(timeline, { key, ctx });
  return ctx;
}

function collector(ctx: WorldCtx) {
  const ruleCounts = new Map<FirewallRule, Counts>();
  const policyCounts = new Map<string, Counts>();
  const links: LinkTallies = new Map();
  const bump = <K>(m: Map<K, Counts>, k: K, p: number, b: number) => {
    const c = m.get(k) ?? { packets: 0, bytes: 0 };
    c.packets += p;
    c.bytes += b;
    m.set(k, c);
  };
  const out: Collector = {
    processes: [], sockets: [], logins: [], flows: [], cron: [], files: [],
    count(epoch, chain, pkt: PacketMeta, packets, bytes) {
      const fw = ctx.firewallAt(ctx.epochStarts[epoch] ?? -Infinity);
      const v = verdict(fw, chain, pkt);
      const table = fw.tables.find((x) => x.name === 'filter');
      for (const h of v.hits) {
        const rule = table?.chains.find((c) => c.name === h.chain)?.rules[h.index];
        if (rule) bump(ruleCounts, rule, packets, bytes);
      }
      if (v.byPolicy) bump(policyCounts, chain, packets, bytes);
      tallyLink(links, fw, chain, pkt, packets, bytes);
    },
  };
  return { out, ruleCounts, policyCounts, links };
}

const references = new WeakMap<BaseHost, WeakMap<readonly CompiledBehaviour[], LinkTallies>>();

/** What the timeline carried on each link up to now, without the trainee's actions. */
function linksAtNow(base: BaseHost, timeline: readonly CompiledBehaviour[], known?: LinkTallies): LinkTallies {
  let byTimeline = references.get(base);
  if (!byTimeline) references.set(base, (byTimeline = new WeakMap()));
  let ref = byTimeline.get(timeline) ?? known;
  if (!ref) {
    const ctx = createCtx(base, timeline, [], (b, c) => moduleFor(b).end(b, c));
    const { out, links } = collector(ctx);
    for (const b of timeline) moduleFor(b).contribute(b, ctx, base.now, out);
    ref = links;
  }
  byTimeline.set(timeline, ref);
  return ref;
}

function withCounters(fw: Firewall, rules: Map<FirewallRule, Counts>, policies: Map<string, Counts>): Firewall {
  if (rules.size === 0 && policies.size === 0) return fw;
  return {
    ...fw,
    tables: fw.tables.map((t) => t.name !== 'filter' ? t : {
      ...t,
      chains: t.chains.map((c) => {
        const p = policies.get(c.name);
        return {
          ...c,
          packets: c.packets + (p?.packets ?? 0),
          bytes: c.bytes + (p?.bytes ?? 0),
          rules: c.rules.map((r) => {
            const n = rules.get(r);
            return n ? { ...r, packets: r.packets + n.packets, bytes: r.bytes + n.bytes } : r;
          }),
        };
      }),
    }),
  };
}

/** Base processes alive at t: started, not exited, not killed, unit not stopped. */
function baseProcesses(base: BaseHost, ctx: WorldCtx, t: number): Process[] {
  const byPid = new Map(base.processes.map((p) => [p.pid, p] as const));
  const dead = new Map<number, boolean>();
  const isDead = (p: BaseProcess, depth: number): boolean => {
    const known = dead.get(p.pid);
    if (known !== undefined) return known;
    let d = t < p.startTime || t >= (p.exitTime ?? Infinity) || ctx.killAt(p.pid, p.startTime) <= t
      || (p.unit !== undefined && ctx.actions.length > 0 && ctx.unitDown(p.unit, t));
    const parent = p.ppid > 1 ? byPid.get(p.ppid) : undefined;
    if (!d && parent && parent !== p && depth < 64) d = isDead(parent, depth + 1);
    dead.set(p.pid, d);
    return d;
  };
  const alive: Process[] = [];
  for (const p of base.processes) {
    if (isDead(p, 0)) continue;
    const { exitTime: _e, ...rest } = p;
    alive.push(rest);
  }
  return alive;
}

/**
 * The shells the trainee left open under sudo, after the gone ptys are
 * marked: a new pty may take the number of one whose login ended.
 */
function withSudoShells(ctx: WorldCtx, t: number, procs: Process[]): Process[] {
  const open = openSudoShells(ctx.actions, t);
  if (open.length === 0) return procs;
  const all = [...procs];
  for (const [e, i] of open) {
    const pids = ctx.pids.extra(actionKey(i)) ?? [];
    const from = all.find((p) => p.pid === e.shell?.parent);
    all.push(...sudoShellProcesses(e, pids, from));
  }
  return all.sort((a, b) => a.pid - b.pid);
}

function liveSockets(base: BaseHost, t: number, procs: Process[], extra: Socket[]): Socket[] {
  const held = new Set<number>();
  for (const p of procs) for (const f of p.fds) if (f.kind === 'socket') held.add(f.target as number);
  const ownedByBase = new Set<number>();
  for (const p of base.processes) for (const f of p.fds) if (f.kind === 'socket') ownedByBase.add(f.target as number);
  const out: Socket[] = [];
  for (const s of base.sockets) {
    if (t < s.createdAt || t >= (s.closedAt ?? Infinity)) continue;
    if (ownedByBase.has(s.inode) && !held.has(s.inode)) continue;
    const { closedAt: _c, ...rest } = s;
    out.push(rest);
  }
  return [...out, ...extra];
}

function files(base: BaseHost, ctx: WorldCtx, t: number, extra: VirtualFile[]): VirtualFile[] {
  const byPath = new Map<string, VirtualFile>();
  for (const f of [...base.files, ...extra]) {
    const had = byPath.get(f.path);
    if (had && f.path.endsWith('/.bash_history')) {
      byPath.set(f.path, { ...f, content: had.content + f.content });
    } else byPath.set(f.path, f);
  }
  for (const a of ctx.actions) {
    if (a.at > t) continue;
    if (a.type === 'file-write') {
      const had = byPath.get(a.path);
      byPath.set(a.path, { path: a.path, content: a.content, mode: had?.mode ?? 0o644,
        uid: had?.uid ?? 0, gid: had?.gid ?? 0, mtime: a.at });
    }
    if (a.type === 'crontab-remove') byPath.delete(`/var/spool/cron/crontabs/${a.user}`);
  }
  return [...byPath.values()];
}

export function worldAt(
  base: BaseHost, timeline: readonly CompiledBehaviour[], t: number, actions: readonly WorldEvent[] = [],
): HostState {
  const ctx = contextFor(base, timeline, actions);
  const { out, ruleCounts, policyCounts, links } = collector(ctx);
  for (const b of timeline) moduleFor(b).contribute(b, ctx, t, out);
  const atNow = linksAtNow(base, timeline, t === base.now && actions.length === 0 ? links : undefined);
  const logins = [
    ...base.logins.filter((l) => l.loginAt <= t).map((l) => (l.logoutAt !== undefined && l.logoutAt > t
      ? (({ logoutAt: _l, ...rest }) => rest)(l) : l)),
    ...out.logins,
  ].sort((a, b) => a.loginAt - b.loginAt);
  const processes = markStopped(withSudoShells(ctx, t, markGonePtys(settleSessions(
    [...baseProcesses(base, ctx, t), ...restartedMains(base, ctx, t), ...out.processes].sort((a, b) => a.pid - b.pid),
  ), logins)), (pid) => ctx.stoppedAt(pid, t));
  const cronGone = (user: string) => ctx.crontabGoneAt(user, -Infinity) <= t;
  return {
    now: t,
    host: base.host,
    accounts: base.accounts,
    groups: base.groups,
    interfaces: linksAt(base.interfaces, links, atNow),
    routes: base.routes,
    neighbours: base.neighbours,
    firewall: withCounters(ctx.firewallAt(t), ruleCounts, policyCounts),
    processes,
    sockets: liveSockets(base, t, processes, out.sockets),
    unixSockets: base.unixSockets,
    logins,
    flows: withoutDeleted([
      ...base.flows.filter((f) => f.createdAt <= t).map(({ createdAt: _c, ...flow }) => flow),
      ...out.flows,
    ], actions, t),
    cron: [...base.cron.filter((c) => c.source.kind !== 'user' || !cronGone(c.source.user)), ...out.cron],
    units: base.units.map((u) => unitAt(base, ctx, u, t)),
    files: files(base, ctx, t, out.files),
    dirChanges: crontabDirChanges(ctx, t),
    lastPid: Math.max(ctx.pids.last(t), ...processes.map((p) => p.pid)),
    nextPids: (n) => ctx.pids.peek(t, n),
    logs: (from, to) => logsIn(base, ctx, timeline, from, Math.min(to, t + 1)),
    packets: (from, to) => packetsIn(base, ctx, timeline, from, to),
  };
}

function logsIn(
  base: BaseHost, ctx: WorldCtx, timeline: readonly CompiledBehaviour[], from: number, to: number,
): LogEntry[] {
  const all: LogEntry[] = [];
  const down = (unit: string, t: number) => ctx.unitDown(unit, t);
  for (const source of base.logSources) all.push(...source(from, to, ctx.pids, down));
  const [lo, hi] = historyWindow(base, from, to);
  for (const b of timeline) {
    // Explicit log lines are kept as written; generated ones start with the history.
    if (b.kind === 'log') moduleFor(b).logs(b, ctx, from, to, all);
    else if (lo < hi) moduleFor(b).logs(b, ctx, lo, hi, all);
  }
  actionSudoLogs(ctx.actions, from, to, all);
  actionCrontabLogs(ctx, from, to, all);
  unitFailureLogs(base, ctx, (unit, at) => base.processes.filter((p) => p.unit === unit && p.startTime <= at
    && at < (p.exitTime ?? Infinity) && ctx.killAt(p.pid, p.startTime) > at), from, to, all);
  return all.sort((a, b) => a.time - b.time);
}

function packetsIn(
  base: BaseHost, ctx: WorldCtx, timeline: readonly CompiledBehaviour[], from: number, to: number,
): Packet[] {
  const all: Packet[] = [];
  for (const source of base.packetSources) all.push(...source(from, to));
  const [lo, hi] = historyWindow(base, from, to);
  if (lo < hi) for (const b of timeline) moduleFor(b).packets?.(b, ctx, lo, hi, all);
  return all.sort((a, b) => a.time - b.time);
}

/**
 * A window cut to the history (from its start to a year past now), so an
 * open window (from 0 or -Infinity) costs only what the history holds.
 */
function historyWindow(base: BaseHost, from: number, to: number): [number, number] {
  return [Math.max(from, base.historyStart), Math.min(to, base.now + 366 * 86_400_000)];
}

/**
 * Builds the static host of a scenario (`BaseHost`) from its parsed
 * document. The steps run in an order that keeps allocation deterministic:
 * numbers the author wrote are reserved first, then services take pids and
 * inodes at boot, then the explicit processes and sockets at their own
 * times, then the trainee's session at its login. Problems become
 * PathIssues; building never throws on a valid-shaped document. Before any
 * pid is handed out, everything that forks (the timeline included) is
 * declared to the host's pid counter, so pids follow start times.
 */
import { IssueSink, type PathIssue } from '../scenario/issues';
import type { ScenarioDoc } from '../scenario/schema';
import { parseDuration, parseTime } from '../scenario/time-spec';
import type { BaseHost, BaseProcess } from './base-types';
import { accountLists, buildAccounts, linkMemberships } from './base/accounts';
import { compact, timeAt, type BuildContext } from './base/context';
import { buildFiles, buildCron } from './base/files';
import { baseFlows } from './base/flows';
import { buildFirewall } from './base/firewall';
import { baselineLogs, declareCronPids, type HostCronJob } from './base/logs';
import { buildKernelThreads } from './base/kthreads';
import { buildInterfaces } from './base/links';
import { buildNeighbours, buildRoutes } from './base/net';
import { buildExplicit, declareProcessPids, reserveExplicitIds } from './base/processes';
import { buildServices, cronStart, declareServicePids } from './base/services';
import { timerUnits } from './base/timers';
import { reconcileTraffic } from './base/traffic';
import { buildTrainee, declareTraineePids } from './base/trainee';
import { connectServices } from './base/unix-streams';
import { declareTimelinePids } from './behaviours/pid-plan';
import { createIds } from './ids';
import { profileFor } from './profiles';
import type { HostInfo, LogEntry, Login } from './types';

export type { BaseHost } from './base-types';

export interface BuildResult {
  base: BaseHost;
  issues: PathIssue[];
}

function clock(
  doc: ScenarioDoc,
  sink: IssueSink,
): { now: number; boot: number; historyStart: number } {
  const now = Date.parse(doc.clock.now);
  const boot = parseTime(doc.clock.boot, { now, boot: now }) ?? now - 3 * 86_400_000;
  if (boot > now)
    sink.error(
      ['clock', 'boot'],
      'the host boots after now',
      'write a time before clock.now, like -17m',
    );
  const history = parseDuration(doc.clock.history) ?? 86_400_000;
  return { now, boot: Math.min(boot, now), historyStart: now - history };
}

function hostInfo(ctx: BuildContext): HostInfo {
  const h = ctx.doc.host;
  const rng = ctx.ids.stream('host:info');
  const load: [number, number, number] = h.load ?? [
    rng.int(0, 40) / 100,
    rng.int(5, 35) / 100,
    rng.int(5, 30) / 100,
  ];
  return {
    hostname: h.hostname,
    distro: h.distro,
    kernel: h.kernel ?? ctx.profile.kernel,
    arch: h.arch,
    bootTime: ctx.boot,
    timezone: h.timezone,
    load,
    memTotalKb: h.mem_total_kb ?? rng.pick([2_014_312, 4_005_116, 8_139_652]),
    dns: h.dns ?? { servers: [defaultGateway(ctx)], search: [] },
    ...(h.container ? { container: true } : {}),
  };
}

/** The default route's gateway (DHCP's usual DNS server), else the loopback. */
function defaultGateway(ctx: BuildContext): string {
  return ctx.doc.host.routes.find((r) => r.dst === 'default' && r.via)?.via ?? '127.0.0.1';
}

function logins(ctx: BuildContext): Login[] {
  return ctx.doc.logins.map((l, i) => {
    const path = ['logins', i];
    let pid = l.pid ?? 0;
    if (l.process !== undefined) {
      const found = ctx.pidOf.get(l.process);
      if (found === undefined)
        ctx.sink.error(
          [...path, 'process'],
          `no process "${l.process}"`,
          'name a process of processes:',
        );
      pid = found ?? pid;
    }
    if (!ctx.accounts.has(l.user))
      ctx.sink.error([...path, 'user'], `no user "${l.user}" on the host`);
    const logoutAt =
      l.logout === undefined ? undefined : timeAt(ctx, l.logout, [...path, 'logout']);
    return compact<Login>({
      id: l.id,
      user: l.user,
      tty: l.tty,
      host: l.host,
      loginAt: timeAt(ctx, l.login, [...path, 'login']),
      logoutAt,
      pid,
    });
  });
}

function explicitLogs(ctx: BuildContext): LogEntry[] {
  return ctx.doc.logs.map((l, i) => {
    let pid = l.pid;
    if (l.process !== undefined) {
      pid = ctx.pidOf.get(l.process);
      if (pid === undefined) ctx.sink.error(['logs', i, 'process'], `no process "${l.process}"`);
    }
    return compact<LogEntry>({
      time: timeAt(ctx, l.time, ['logs', i, 'time']),
      ident: l.ident,
      pid,
      message: l.message,
      facility: l.facility,
      unit: l.unit,
      priority: l.priority,
    });
  });
}

/**
 * Tells the host's one pid counter everything that will fork (services, the
 * document's processes, the trainee's session, cron's runs, the timeline),
 * then resolves it, so every pid handed out afterwards is in start order.
 */
function declarePids(ctx: BuildContext, seed: number): HostCronJob[] {
  declareServicePids(ctx);
  declareProcessPids(ctx);
  declareTraineePids(ctx);
  declareTimelinePids(ctx.doc.timeline, ctx.ids.pids, { now: ctx.now, boot: ctx.boot, seed });
  const cronJobs = declareCronPids(ctx, cronStart(ctx));
  ctx.ids.pids.resolve();
  return cronJobs;
}

/** The base host of a parsed scenario, drawn with `seed`. */
export function buildBaseHost(doc: ScenarioDoc, seed: number): BuildResult {
  const sink = new IssueSink();
  const { now, boot, historyStart } = clock(doc, sink);
  const profile = profileFor(doc.host.distro);
  const ctx: BuildContext = {
    doc,
    profile,
    now,
    boot,
    historyStart,
    ids: createIds(seed, boot),
    sink,
    accounts: new Map(),
    groups: new Map(),
    processes: [],
    sockets: [],
    pidOf: new Map(),
    socketOf: new Map(),
    unixSockets: [],
    unixOf: new Map(),
    entities: new Map(),
    logSources: [],
  };
  buildAccounts(ctx);
  const interfaces = buildInterfaces(ctx);
  const routes = buildRoutes(ctx, interfaces);
  const neighbours = buildNeighbours(ctx, interfaces, routes);
  const firewall = buildFirewall(ctx);
  if (doc.host.baseline === 'standard') {
    reconcileTraffic(interfaces.filter((i) => autoStatsOf(doc, i.name)), firewall);
  }
  reserveExplicitIds(ctx);
  const cronJobs = declarePids(ctx, seed);
  const units = buildServices(ctx);
  if (doc.host.baseline === 'standard') {
    buildKernelThreads(ctx);
    connectServices(ctx);
  }
  buildExplicit(ctx);
  const trainee = buildTrainee(ctx, interfaces);
  linkMemberships(ctx);
  const { accounts, groups } = accountLists(ctx);
  const cron = buildCron(ctx);
  const files = buildFiles(ctx, accounts, groups, cron);
  const allUnits =
    doc.host.baseline === 'standard' && units.length > 0 ? [...units, ...timerUnits(ctx)] : units;
  const extra = [...explicitLogs(ctx), ...trainee.logs];
  const loginList = logins(ctx);
  if (trainee.login) loginList.push(trainee.login);
  const processes: BaseProcess[] = [...ctx.processes].sort((a, b) => a.pid - b.pid);
  const base: BaseHost = {
    now,
    historyStart,
    seed,
    host: hostInfo(ctx),
    profile,
    accounts,
    groups,
    interfaces,
    routes,
    neighbours,
    firewall,
    files,
    cron,
    units: allUnits,
    processes,
    sockets: ctx.sockets,
    unixSockets: ctx.unixSockets,
    logins: loginList,
    flows: doc.host.baseline === 'standard' ? baseFlows(ctx.sockets) : [],
    logSources: baselineLogs(ctx, units, extra, cronJobs),
    packetSources: [],
    trainee: trainee.session,
    entities: ctx.entities,
    ids: ctx.ids,
  };
  return { base, issues: sink.issues };
}

/** Interfaces whose counters the baseline draws (the scenario gives none). */
function autoStatsOf(doc: ScenarioDoc, name: string): boolean {
  return !doc.host.interfaces.some((l) => l.name === name && l.stats !== undefined);
}

/**
 * The baseline's log sources, each a lazy function over a window: boot
 * (kernel banner, systemd starting the services, sshd listening, the time
 * service's first sync), cron runs of /etc/crontab and the host's cron jobs
 * (the CRON session and CMD lines), and the systemd timers' daily runs.
 * Nothing is materialised for the whole history: a window of a day costs
 * one pass over its minutes. A cron run's pids (CRON's child, then the
 * job's shell that logs CMD) come from the host's pid counter, which counts
 * every run since cron started (`declareCronPids`).
 */
import type { LogSource } from '../base-types';
import { kernelBanner } from '../kernel';
import { draw } from '../ids';
import { localTime } from '../time-format';
import type { LogEntry, Unit } from '../types';
import type { BuildContext } from './context';
import { cronFields, type CronFields } from './cron';
import { CronRuns, hourOffsets } from './cron-runs';
import { timerRuns, TIMERS } from './timers';

/** A pid for a run before cron started (a previous boot's logs): not the counter's. */
function pidBefore(ctx: BuildContext, t: number, key: string): [number, number] {
  const pid = 1_000 + Math.floor(draw(ctx.ids.seed, `pid:${key}:${t}`) * 89_000);
  return [pid, pid + 1];
}

interface Job {
  user: string;
  command: string;
  fields: CronFields;
}

function jobs(ctx: BuildContext): Job[] {
  const out: Job[] = [];
  if (ctx.doc.host.baseline === 'standard') {
    for (const line of ctx.profile.crontab.split('\n')) {
      const m = /^(\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(\S+)\s+(.+)$/.exec(line);
      if (!m || line.startsWith('#') || line.includes('=')) continue;
      const fields = cronFields(m[1] as string);
      if (fields) out.push({ user: m[2] as string, command: m[3] as string, fields });
    }
  }
  for (const j of ctx.doc.host.cron) {
    const fields = cronFields(j.schedule);
    if (fields) out.push({ user: j.user ?? 'root', command: j.command, fields });
  }
  return out;
}

/** A cron job of the host and the minutes it runs: all of them, and since cron started. */
export interface HostCronJob extends Job {
  key: string;
  every: CronRuns;
  counted: CronRuns;
}

/** A run's CRON child and its shell fork a second or so after the minute. */
function runDelay(ctx: BuildContext): number {
  return ctx.ids.stream('cron:jitter').int(1_000, 1_400);
}

/**
 * The host's cron jobs, and their runs as uses of the pid counter (each run
 * forks CRON and the job's shell). Runs are counted from the start of the
 * history (or cron's start, if later): earlier ones are never shown, and
 * the background rate of forks stands for them.
 */
export function declareCronPids(ctx: BuildContext, cronStart: number | undefined): HostCronJob[] {
  if (cronStart === undefined) return [];
  const tz = ctx.doc.host.timezone;
  const offsets = hourOffsets((t) => localTime(t, tz).offsetMin);
  const delay = runDelay(ctx);
  return jobs(ctx).map((job, i) => {
    const key = `cron:${i}`;
    const counted = new CronRuns(job.fields, Math.max(cronStart, ctx.historyStart), Infinity, offsets);
    ctx.ids.pids.schedule(key, counted, 2, delay);
    return { ...job, key, counted, every: new CronRuns(job.fields, -Infinity, Infinity, offsets) };
  });
}

/**
 * pam_unix (1.4 and later, so all three releases) names the user with its
 * uid; the "by" login name is empty because cron's session has no utmp
 * entry: `session opened for user root(uid=0) by (uid=0)`.
 */
function pamUser(ctx: BuildContext, user: string): [string, string] {
  const uid = ctx.accounts.get(user)?.uid ?? 0;
  return [`${user}(uid=${uid})`, '(uid=0)'];
}

function cronRun(ctx: BuildContext, job: Job, t: number, pids: [number, number]): LogEntry[] {
  const [pid, sh] = pids;
  const [who, by] = pamUser(ctx, job.user);
  const unit = 'cron.service';
  return [
    {
      time: t,
      ident: 'CRON',
      pid,
      facility: 'authpriv',
      unit,
      message: `pam_unix(cron:session): session opened for user ${who} by ${by}`,
    },
    {
      time: t + 2,
      ident: 'CRON',
      pid: sh,
      facility: 'cron',
      unit,
      message: `(${job.user}) CMD (${job.command})`,
    },
    {
      time: t + 40,
      ident: 'CRON',
      pid,
      facility: 'authpriv',
      unit,
      message: `pam_unix(cron:session): session closed for user ${job.user}`,
    },
  ];
}

function cronSource(ctx: BuildContext, list: HostCronJob[]): LogSource | null {
  if (!ctx.pidOf.has('service:cron') || list.length === 0) return null;
  const delay = runDelay(ctx);
  return (from, to, pids, down) => {
    const view = pids ?? ctx.ids.pids.view();
    const out: LogEntry[] = [];
    for (const job of list) {
      for (const m of job.every.runsIn(from - delay - 40, to - delay)) {
        if (down?.('cron.service', m)) continue;
        const t = m + delay;
        const pids = job.counted.isRun(m)
          ? (view.scheduled(job.key, t) as [number, number])
          : pidBefore(ctx, t, `cron:${job.command}`);
        out.push(...cronRun(ctx, job, t, pids));
      }
    }
    return out.filter((e) => e.time >= from && e.time < to);
  };
}

function timerSource(ctx: BuildContext, units: Unit[]): LogSource | null {
  if (ctx.doc.host.baseline !== 'standard' || !units.some((u) => u.name === 'init.scope'))
    return null;
  const named = ctx.profile.versions.systemd >= 250;
  return (from, to) => {
    const out: LogEntry[] = [];
    for (const timer of TIMERS) {
      if (timer.ubuntuOnly && ctx.profile.id === 'debian-12') continue;
      for (const t of timerRuns(ctx, timer, from - 120_000, to)) {
        const what = named ? `${timer.service} - ${timer.description}` : timer.description;
        const unit = timer.service;
        const done = t + timer.runMs;
        out.push(
          {
            time: t,
            ident: 'systemd',
            pid: 1,
            facility: 'daemon',
            unit,
            message: `Starting ${what}...`,
          },
          {
            time: done,
            ident: 'systemd',
            pid: 1,
            facility: 'daemon',
            unit,
            message: `${timer.service}: Deactivated successfully.`,
          },
          {
            time: done + 1,
            ident: 'systemd',
            pid: 1,
            facility: 'daemon',
            unit,
            message: `Finished ${what}.`,
          },
        );
      }
    }
    return out.filter((e) => e.time >= from && e.time < to).sort((a, b) => a.time - b.time);
  };
}

function bootEntries(ctx: BuildContext, units: Unit[]): LogEntry[] {
  const out: LogEntry[] = [];
  if (ctx.doc.host.baseline === 'standard') {
    const kernel = ctx.doc.host.kernel ?? ctx.profile.kernel;
    out.push({
      time: ctx.boot,
      ident: 'kernel',
      facility: 'kern',
      message: kernelBanner(ctx.profile.id, kernel, ctx.profile.kernelBuilder),
    });
  }
  const named = ctx.profile.versions.systemd >= 250;
  for (const u of units) {
    if (u.name === 'init.scope') continue;
    const text = named ? `Started ${u.name} - ${u.description}.` : `Started ${u.description}.`;
    out.push({
      time: u.since + 30,
      ident: 'systemd',
      pid: 1,
      facility: 'daemon',
      unit: u.name,
      message: text,
    });
  }
  const ssh = ctx.pidOf.get('service:ssh');
  const sshUnit = units.find((u) => u.name === 'ssh.service');
  if (ssh !== undefined && sshUnit) {
    for (const [i, message] of [
      'Server listening on 0.0.0.0 port 22.',
      'Server listening on :: port 22.',
    ].entries()) {
      out.push({
        time: sshUnit.since + 10 + i,
        ident: 'sshd',
        pid: ssh,
        facility: 'auth',
        unit: 'ssh.service',
        message,
      });
    }
  }
  out.push(...timeSyncEntries(ctx, units));
  return out.sort((a, b) => a.time - b.time);
}

function timeSyncEntries(ctx: BuildContext, units: Unit[]): LogEntry[] {
  const ntp = ctx.doc.host.ntp ?? { server: gatewayOf(ctx), address: gatewayOf(ctx) };
  const timesyncd = units.find((u) => u.name === 'systemd-timesyncd.service');
  const chrony = units.find((u) => u.name === 'chrony.service');
  if (timesyncd) {
    const t = timesyncd.since + 4_000;
    const message = `Contacted time server ${ntp.address}:123 (${ntp.server}).`;
    return [
      {
        time: t,
        ident: 'systemd-timesyncd',
        pid: timesyncd.mainPid,
        facility: 'daemon',
        unit: timesyncd.name,
        message,
      },
      {
        time: t + 2,
        ident: 'systemd-timesyncd',
        pid: timesyncd.mainPid,
        facility: 'daemon',
        unit: timesyncd.name,
        message: 'Initial clock synchronization to ' + isoLike(t) + '.',
      },
    ];
  }
  if (chrony) {
    const v = ctx.profile.versions.chrony;
    const who = ntp.server === ntp.address ? ntp.address : `${ntp.address} (${ntp.server})`;
    return [
      {
        time: chrony.since + 5,
        ident: 'chronyd',
        pid: chrony.mainPid,
        facility: 'daemon',
        unit: chrony.name,
        message: `chronyd version ${v} starting (+CMDMON +NTP +REFCLOCK +RTC +PRIVDROP +SCFILTER +SIGND +ASYNCDNS +NTS +SECHASH +IPV6 -DEBUG)`,
      },
      {
        time: chrony.since + 6_000,
        ident: 'chronyd',
        pid: chrony.mainPid,
        facility: 'daemon',
        unit: chrony.name,
        message: `Selected source ${who}`,
      },
    ];
  }
  return [];
}

function gatewayOf(ctx: BuildContext): string {
  return ctx.doc.host.routes.find((r) => r.dst === 'default' && r.via)?.via ?? '127.0.0.1';
}

function isoLike(t: number): string {
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} UTC`
  );
}

function windowed(entries: LogEntry[]): LogSource {
  return (from, to) => entries.filter((e) => e.time >= from && e.time < to);
}

/**
 * A source asked only about the history window: logs start at historyStart,
 * and an open window (from -Infinity or 0) must not walk years of minutes.
 */
function clamped(ctx: BuildContext, source: LogSource): LogSource {
  return (from, to, pids, down) => {
    const lo = Math.max(from, ctx.historyStart);
    const hi = Math.min(to, ctx.now + 366 * 86_400_000);
    return lo < hi ? source(lo, hi, pids, down) : [];
  };
}

/** The host's baseline log sources, plus the document's explicit lines. */
export function baselineLogs(
  ctx: BuildContext, units: Unit[], extra: LogEntry[], cronJobs: HostCronJob[],
): LogSource[] {
  const sources: LogSource[] = [
    clamped(ctx, windowed(bootEntries(ctx, units))),
    windowed([...extra].sort((a, b) => a.time - b.time)),
  ];
  const cron = cronSource(ctx, cronJobs);
  if (cron) sources.push(clamped(ctx, cron));
  const timers = timerSource(ctx, units);
  if (timers) sources.push(clamped(ctx, timers));
  return sources;
}

/**
 * The baseline's log sources, each a lazy function over a window: boot
 * (kernel banner, systemd starting the services, sshd listening, the time
 * service's first sync), cron runs of /etc/crontab and the host's cron jobs
 * (the CRON session and CMD lines), and the systemd timers' daily runs.
 * Nothing is materialised for the whole history: a window of a day costs
 * one pass over its minutes.
 */
import type { LogSource } from '../base-types';
import { counterAt, draw } from '../ids';
import { localTime } from '../time-format';
import type { LogEntry, Unit } from '../types';
import type { BuildContext } from './context';
import { cronMatcher } from './cron';
import { timerRuns, TIMERS } from './timers';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The pid a short-lived process forked at t would have had. */
function pidAround(ctx: BuildContext, t: number, key: string): number {
  if (t < ctx.boot) return 1_000 + Math.floor(draw(ctx.ids.seed, `pid:${key}:${t}`) * 89_000);
  let pid = counterAt(ctx.ids.pids.model, t);
  while (ctx.ids.pids.isUsed(pid) || ctx.ids.pids.isUsed(pid + 1)) pid++;
  return pid;
}

interface Job {
  user: string;
  command: string;
  matches: (t: number) => boolean;
}

function jobs(ctx: BuildContext): Job[] {
  const out: Job[] = [];
  if (ctx.doc.host.baseline === 'standard') {
    for (const line of ctx.profile.crontab.split('\n')) {
      const m = /^(\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(\S+)\s+(.+)$/.exec(line);
      if (!m || line.startsWith('#') || line.includes('=')) continue;
      const matches = cronMatcher(m[1] as string);
      if (matches) out.push({ user: m[2] as string, command: m[3] as string, matches });
    }
  }
  for (const j of ctx.doc.host.cron) {
    const matches = cronMatcher(j.schedule);
    if (matches) out.push({ user: j.user ?? 'root', command: j.command, matches });
  }
  return out;
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

function cronRun(ctx: BuildContext, job: Job, t: number): LogEntry[] {
  const pid = pidAround(ctx, t, `cron:${job.command}`);
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
      pid: pid + 1,
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

function cronSource(ctx: BuildContext): LogSource | null {
  if (!ctx.pidOf.has('service:cron')) return null;
  const list = jobs(ctx);
  if (list.length === 0) return null;
  const jitter = ctx.ids.stream('cron:jitter').int(1_000, 1_400);
  const tz = ctx.doc.host.timezone;
  return (from, to) => {
    const out: LogEntry[] = [];
    let hour = NaN;
    let offset = 0;
    for (let m = Math.ceil((from - jitter) / MINUTE) * MINUTE; m + jitter < to; m += MINUTE) {
      if (Math.floor(m / HOUR) !== hour) {
        hour = Math.floor(m / HOUR);
        offset = localTime(m, tz).offsetMin * MINUTE;
      }
      for (const job of list)
        if (job.matches(m + offset)) out.push(...cronRun(ctx, job, m + jitter));
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
    const v = ctx.profile.kernelVersion;
    out.push({
      time: ctx.boot,
      ident: 'kernel',
      facility: 'kern',
      message: `Linux version ${ctx.doc.host.kernel ?? ctx.profile.kernel} ${ctx.profile.kernelBuilder} ${v}`,
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
  return (from, to) => {
    const lo = Math.max(from, ctx.historyStart);
    const hi = Math.min(to, ctx.now + 366 * 86_400_000);
    return lo < hi ? source(lo, hi) : [];
  };
}

/** The host's baseline log sources, plus the document's explicit lines. */
export function baselineLogs(ctx: BuildContext, units: Unit[], extra: LogEntry[]): LogSource[] {
  const sources: LogSource[] = [
    clamped(ctx, windowed(bootEntries(ctx, units))),
    windowed([...extra].sort((a, b) => a.time - b.time)),
  ];
  const cron = cronSource(ctx);
  if (cron) sources.push(clamped(ctx, cron));
  const timers = timerSource(ctx, units);
  if (timers) sources.push(clamped(ctx, timers));
  return sources;
}

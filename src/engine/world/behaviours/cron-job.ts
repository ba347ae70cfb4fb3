/**
 * cron-job: a crontab entry added at a time. The crontab command logs the
 * change, cron reloads it on the next minute, and each run logs a CMD line
 * (minute and hour fields are honoured: *, N, N-M, A,B and *\/N; the day
 * fields are taken as *). Each run forks two processes (CRON and the
 * job's shell), which the pid counter counts (`ID:run`).
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { LogEntry } from '../types';
import type { CompileCtx } from './compile-ctx';
import { daemonPid } from './compile-ctx';
import type { CronFields } from '../base/cron';
import { CronRuns } from '../base/cron-runs';
import { inWindow, type BehaviourModule } from './module';
import type { CronJobEntry } from './types';

export function compileCronJob(e: TimelineEntryOf<'cron-job'>, path: IssuePath, cc: CompileCtx): CronJobEntry {
  const at = cc.time(e.at);
  const until = e.until ? cc.time(e.until) : undefined;
  return {
    kind: 'cron-job', id: e.id, at, ...(until !== undefined ? { until } : {}),
    ...cc.runAs(e.user, [...path, 'user']), schedule: e.schedule, command: e.command,
    ...(e.file ? { file: e.file } : {}), crontabPid: cc.pids.take(`${e.id}:crontab`, at, 1)[0]!,
    cronPid: daemonPid(cc.base, 'cron', 'cron'), runs: jobRuns(e.schedule, at, until),
  };
}

/** The minutes a job added at `at` runs: from the next minute, minute and hour fields in UTC. */
export function jobRuns(schedule: string, at: number, until: number | undefined): CronRuns {
  const [min = '*', hour = '*'] = schedule.split(/\s+/);
  const fields: CronFields = {
    minute: Array.from({ length: 60 }, (_, v) => fieldAllows(min, v)),
    hour: Array.from({ length: 24 }, (_, v) => fieldAllows(hour, v)),
    day: () => true,
  };
  return new CronRuns(fields, Math.floor(at / 60_000) * 60_000 + 60_000, until ?? Infinity);
}

/** Does a cron field ("*", "5", "1-5", "0,30", "*\/15") allow value v? */
export function fieldAllows(field: string, v: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    if (range === '*') return v % step === 0;
    const [lo, hi] = (range ?? '').split('-').map(Number);
    const top = hi ?? (stepText ? 59 : lo!);
    return v >= lo! && v <= top && (v - lo!) % step === 0;
  });
}

export const cronJobModule: BehaviourModule<CronJobEntry> = {
  kind: 'cron-job',
  end: (b) => b.until ?? Infinity,
  contribute(b, ctx, t, out) {
    if (t < b.at || t >= (b.until ?? Infinity)) return;
    if (!b.file && t >= ctx.crontabGoneAt(b.user, b.at)) return;
    out.cron.push({
      source: b.file ? { kind: 'file', path: b.file } : { kind: 'user', user: b.user },
      schedule: b.schedule, user: b.user, command: b.command,
    });
  },
  logs(b, ctx, from, to, out) {
    const u = b.user;
    const put = (e: LogEntry) => inWindow(out, from, to, e);
    if (!b.file) {
      put({ time: b.at, ident: 'crontab', pid: b.crontabPid, message: `(${u}) REPLACE (${u})`, facility: 'cron' });
    }
    const gone = b.file ? Infinity : ctx.crontabGoneAt(u, b.at);
    for (const m of b.runs.runsIn(from - 1000, Math.min(to, gone))) {
      if (ctx.unitDown('cron.service', m)) continue;
      // Each run forks CRON, whose child logs CMD and becomes the job's shell.
      const pid = ctx.pids.scheduled(`${b.id}:run`, m)[1] ?? b.cronPid;
      put({ time: m + 4, ident: 'CRON', pid, message: `(${u}) CMD (${b.command})`, facility: 'cron',
        unit: 'cron.service' });
    }
  },
};

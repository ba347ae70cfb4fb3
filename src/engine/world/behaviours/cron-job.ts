/**
 * cron-job: a crontab entry added at a time. The crontab command logs the
 * change, cron reloads it on the next minute, and each run logs a CMD line
 * (minute and hour fields are honoured: *, N, N-M, A,B and *\/N; the day
 * fields are taken as *).
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { LogEntry } from '../types';
import type { CompileCtx } from './compile-ctx';
import { daemonPid } from './compile-ctx';
import { intFor } from './alloc';
import { inWindow, type BehaviourModule } from './module';
import type { CronJobEntry } from './types';

export function compileCronJob(e: TimelineEntryOf<'cron-job'>, path: IssuePath, cc: CompileCtx): CronJobEntry {
  const at = cc.time(e.at);
  return {
    kind: 'cron-job', id: e.id, at, ...(e.until ? { until: cc.time(e.until) } : {}),
    ...cc.runAs(e.user, [...path, 'user']), schedule: e.schedule, command: e.command,
    ...(e.file ? { file: e.file } : {}), crontabPid: cc.pids.alloc(at, 1)[0]!,
    cronPid: daemonPid(cc.base, 'cron', 'cron'),
  };
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

function runs(b: CronJobEntry, from: number, to: number): number[] {
  const [min = '*', hour = '*'] = b.schedule.split(/\s+/);
  const out: number[] = [];
  const start = Math.max(from, Math.floor(b.at / 60_000) * 60_000 + 60_000);
  const end = Math.min(to, b.until ?? Infinity);
  for (let m = Math.ceil(start / 60_000) * 60_000; m < end; m += 60_000) {
    const d = new Date(m);
    if (fieldAllows(min, d.getUTCMinutes()) && fieldAllows(hour, d.getUTCHours())) out.push(m);
  }
  return out;
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
    for (const m of runs(b, from - 1000, Math.min(to, gone))) {
      const pid = intFor(ctx.seed, `${b.id}:${m}`, 1000, 4_000_000);
      put({ time: m + 4, ident: 'CRON', pid, message: `(${u}) CMD (${b.command})`, facility: 'cron',
        unit: 'cron.service' });
    }
  },
};

/**
 * What cron 3.0pl1's crontab writes to syslog when the trainee runs it:
 * `(INVOKER) LIST (USER)` for -l, `(INVOKER) DELETE (USER)` for -r, the
 * invoker being the real user who ran it (root with -u build), the other
 * the user whose crontab it is. Each line carries the pid of the crontab
 * process, the event's own step of the pid counter.
 */
import { actionKey, type WorldCtx } from './behaviours/context';
import type { LogEntry } from './types';

export function actionCrontabLogs(ctx: WorldCtx, from: number, to: number, out: LogEntry[]): void {
  ctx.actions.forEach((a, i) => {
    if ((a.type !== 'crontab-list' && a.type !== 'crontab-remove') || a.at < from || a.at >= to) return;
    const what = a.type === 'crontab-list' ? 'LIST' : 'DELETE';
    out.push({ time: a.at, ident: 'crontab', pid: ctx.pids.extra(actionKey(i))?.[0] ?? 0,
      message: `(${a.by ?? a.user}) ${what} (${a.user})`, facility: 'cron' });
  });
}

/** The directories an action changed the entries of, and when (the spool after -r). */
export function crontabDirChanges(ctx: WorldCtx, t: number): { path: string; at: number }[] {
  return ctx.actions.filter((a) => a.type === 'crontab-remove' && a.at <= t)
    .map((a) => ({ path: '/var/spool/cron/crontabs', at: a.at }));
}

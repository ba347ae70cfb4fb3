/**
 * What systemd 255 (and the restarted daemon) logs about a unit that
 * Restart=on-failure brings back (unit-restart.ts): the main process's end,
 * the scheduled restart with its counter, Stopped and Started with the
 * unit's description, or the start rate limit's refusal. A restarted cron
 * says that it opened its pid file and skips @reboot jobs.
 */
import type { LogEntry, Unit } from './types';
import { FORK_AFTER, RESTART_SEC, type UnitLives } from './unit-restart';

const NAMES: Record<number, string> = { 3: 'QUIT', 4: 'ILL', 6: 'ABRT', 8: 'FPE', 9: 'KILL', 10: 'USR1',
  11: 'SEGV', 12: 'USR2', 14: 'ALRM', 24: 'XCPU', 25: 'XFSZ', 26: 'VTALRM', 27: 'PROF' };

/** A daemon's own lines when it starts outside boot. */
function startLines(u: Unit, pid: number, at: number): LogEntry[] {
  if (u.name !== 'cron.service') return [];
  const cron = (time: number, message: string): LogEntry => ({ time, ident: 'cron', pid, message,
    facility: 'cron', unit: u.name, priority: 6 });
  return [cron(at + 2, '(CRON) INFO (pidfile fd = 3)'),
    cron(at + 3, '(CRON) INFO (Skipping @reboot jobs -- not system startup)')];
}

export function restartLogs(u: Unit, l: UnitLives, from: number, to: number, out: LogEntry[]): void {
  const what = `${u.name} - ${u.description}`;
  const all: LogEntry[] = [];
  const line = (time: number, priority: number, message: string) => all.push({ time, ident: 'systemd',
    pid: 1, message, facility: 'daemon', unit: u.name, priority });
  l.lives.forEach((life, i) => {
    if (life.signal === undefined || !Number.isFinite(life.end)) return;
    const d = life.end;
    if (l.end?.result === 'success' && i === l.lives.length - 1) {
      line(d, 6, `${u.name}: Deactivated successfully.`);
      return;
    }
    line(d, 5, `${u.name}: Main process exited, code=killed, status=${life.signal}/${NAMES[life.signal] ?? life.signal}`);
    line(d, 4, `${u.name}: Failed with result 'signal'.`);
    line(d + RESTART_SEC, 6, `${u.name}: Scheduled restart job, restart counter is at ${i + 1}.`);
    line(d + RESTART_SEC, 6, `Stopped ${what}.`);
    const next = l.lives[i + 1];
    if (next) {
      line(d + FORK_AFTER, 6, `Started ${what}.`);
      all.push(...startLines(u, next.pid, next.start));
      return;
    }
    line(d + RESTART_SEC, 4, `${u.name}: Start request repeated too quickly.`);
    line(d + RESTART_SEC, 4, `${u.name}: Failed with result 'start-limit-hit'.`);
    line(d + RESTART_SEC, 3, `Failed to start ${what}.`);
  });
  for (const e of all) if (e.time >= from && e.time < to) out.push(e);
}

/**
 * The systemd timers of a default install and when they fire: each one's
 * OnCalendar time plus its RandomizedDelaySec, drawn once per day from the
 * seed (systemd draws it once per boot; per day is close enough and keeps
 * the runs lazy). systemd-tmpfiles-clean runs 15 minutes after boot, then
 * daily.
 */
import { draw } from '../ids';
import type { Unit } from '../types';
import type { BuildContext } from './context';

export interface TimerDef {
  timer: string;
  service: string;
  description: string;
  timerDescription: string;
  /** Hours of the day (UTC) it is due, and the weekday (0 = Sunday) if weekly. */
  hours: number[];
  minute?: number;
  weekday?: number;
  delayMs: number;
  /** How long the run takes. */
  runMs: number;
  afterBoot?: boolean;
  ubuntuOnly?: boolean;
}

const H = 3_600_000;

export const TIMERS: TimerDef[] = [
  {
    timer: 'apt-daily.timer',
    service: 'apt-daily.service',
    description: 'Daily apt download activities',
    timerDescription: 'Daily apt download activities',
    hours: [6, 18],
    delayMs: 12 * H,
    runMs: 2_300,
  },
  {
    timer: 'apt-daily-upgrade.timer',
    service: 'apt-daily-upgrade.service',
    description: 'Daily apt upgrade and clean activities',
    timerDescription: 'Daily apt upgrade and clean activities',
    hours: [6],
    delayMs: H,
    runMs: 3_100,
  },
  {
    timer: 'logrotate.timer',
    service: 'logrotate.service',
    description: 'Rotate log files',
    timerDescription: 'Daily rotation of log files',
    hours: [0],
    delayMs: H,
    runMs: 180,
  },
  {
    timer: 'man-db.timer',
    service: 'man-db.service',
    description: 'Daily man-db regeneration',
    timerDescription: 'Daily man-db regeneration',
    hours: [0],
    delayMs: 12 * H,
    runMs: 420,
  },
  {
    timer: 'dpkg-db-backup.timer',
    service: 'dpkg-db-backup.service',
    description: 'Daily dpkg database backup service',
    timerDescription: 'Daily dpkg database backup timer',
    hours: [0],
    delayMs: H,
    runMs: 90,
  },
  {
    timer: 'e2scrub_all.timer',
    service: 'e2scrub_all.service',
    description: 'Online ext4 Metadata Check for All Filesystems',
    timerDescription: 'Periodic ext4 Online Metadata Check for All Filesystems',
    hours: [3],
    minute: 10,
    weekday: 0,
    delayMs: 0,
    runMs: 60,
  },
  {
    timer: 'fstrim.timer',
    service: 'fstrim.service',
    description: 'Discard unused blocks on filesystems from /etc/fstab',
    timerDescription: 'Discard unused filesystem blocks once a week',
    hours: [0],
    weekday: 1,
    delayMs: 100 * 60_000,
    runMs: 900,
  },
  {
    timer: 'systemd-tmpfiles-clean.timer',
    service: 'systemd-tmpfiles-clean.service',
    description: 'Cleanup of Temporary Directories',
    timerDescription: 'Daily Cleanup of Temporary Directories',
    hours: [],
    delayMs: 0,
    runMs: 30,
    afterBoot: true,
  },
  {
    timer: 'motd-news.timer',
    service: 'motd-news.service',
    description: 'Message of the Day',
    timerDescription: 'Message of the Day',
    hours: [6, 18],
    delayMs: 12 * H,
    runMs: 700,
    ubuntuOnly: true,
  },
];

const DAY = 24 * H;

/** Run start times of a timer in [from, to). */
export function timerRuns(ctx: BuildContext, def: TimerDef, from: number, to: number): number[] {
  const out: number[] = [];
  if (def.afterBoot) {
    const first = ctx.boot + 15 * 60_000;
    for (let t = first + Math.max(0, Math.ceil((from - first) / DAY)) * DAY; t < to; t += DAY) {
      if (t >= from) out.push(t);
    }
    return out;
  }
  const startDay = Math.floor(from / DAY) - 1;
  for (let day = startDay; day * DAY < to; day++) {
    if (def.weekday !== undefined && new Date(day * DAY).getUTCDay() !== def.weekday) continue;
    for (const hour of def.hours) {
      const delay = Math.floor(
        draw(ctx.ids.seed, `timer:${def.timer}:${day}:${hour}`) * (def.delayMs + 1),
      );
      const t = day * DAY + hour * H + (def.minute ?? 0) * 60_000 + delay;
      if (t >= from && t < to && !(t > ctx.boot - 60_000 && t < ctx.boot + 60_000)) out.push(t);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The timer units, waiting, with their last and next runs as of `now`. */
export function timerUnits(ctx: BuildContext): Unit[] {
  return TIMERS.filter((d) => !(d.ubuntuOnly && ctx.profile.id === 'debian-12')).map((def) => {
    const span = def.weekday === undefined ? 2 * DAY : 8 * DAY;
    const last = timerRuns(ctx, def, Math.max(ctx.boot, ctx.now - span), ctx.now).pop();
    const next = timerRuns(ctx, def, ctx.now, ctx.now + span)[0] ?? ctx.now + DAY;
    const dir =
      ctx.profile.id === 'ubuntu-24.04' ? '/usr/lib/systemd/system' : '/lib/systemd/system';
    const timer =
      last === undefined
        ? { next, activates: def.service }
        : { next, last, activates: def.service };
    return {
      name: def.timer,
      description: def.timerDescription,
      path: `${dir}/${def.timer}`,
      active: 'active',
      sub: 'waiting',
      enabled: def.afterBoot ? 'static' : 'enabled',
      since: ctx.boot + 2_000,
      timer,
    } satisfies Unit;
  });
}

/**
 * Bounds on what a scenario repeats: a beacon's check-ins, a cron job's
 * runs, an exfil's transfer. Each repetition inside the logs' history is a
 * log line, a packet, a pid to count when a tool reads the world, so the
 * number of them is bounded here, before the world is built, and every
 * duration that paces a generator must be positive and fit its period.
 */
import { cronFields } from '../world/base/cron';
import { parseRate, parseSize } from '../world/behaviours/time';
import type { IssuePath, IssueSink } from './issues';
import type { ScenarioDoc } from './schema';
import type { TimelineEntryOf } from './schema-timeline';
import { spanText } from './check-times';
import { parseDuration, parseTime, type ClockAnchors } from './time-spec';

/** Most repetitions one entry may have between the history's start and now. */
export const MAX_RUNS = 20_000;
/** A check-in's tool gives up within this long (curl -m, wget -T, nc -w). */
export const MAX_TIMEOUT = 300_000;
/** Largest exfil volume: a petabyte, so byte counters stay exact. */
export const MAX_VOLUME = 2 ** 50;
/** Fastest exfil rate: 10GiB/s, more than the host's link could carry. */
export const MAX_RATE = 10 * 2 ** 30;

const MINUTE = 60_000;

export interface Window {
  clock: ClockAnchors;
  historyStart: number;
}

const runs = (n: number) => n.toLocaleString('en-US');

export function checkBeacon(
  e: TimelineEntryOf<'beacon'>, path: IssuePath, w: Window, sink: IssueSink,
): void {
  const interval = parseDuration(e.interval);
  const jitter = parseDuration(e.jitter);
  const timeout = parseDuration(e.timeout);
  if (interval === null || jitter === null || timeout === null) return;
  if (interval < 1000) {
    sink.error([...path, 'interval'], `interval: ${e.interval} is shorter than a second`,
      'write the time between check-ins, 1s or more, like 60s');
    return;
  }
  if (jitter >= interval) {
    sink.error([...path, 'jitter'],
      `jitter: ${e.jitter} is not shorter than interval: ${e.interval}, so a check-in ` +
        'would still be waiting when the next is due',
      `write a jitter shorter than the interval, like ${spanText(Math.floor(interval / 8000) * 1000)}`);
  }
  if (timeout < 1000 || timeout > MAX_TIMEOUT) {
    sink.error([...path, 'timeout'], `timeout: ${e.timeout} is not between 1s and 5m`,
      'write how long the tool waits for the C2, like 10s');
  }
  const at = parseTime(e.at, w.clock);
  const until = e.until === undefined ? null : parseTime(e.until, w.clock);
  if (at === null) return;
  const first = e.via === 'cron' ? Math.floor(at / MINUTE) * MINUTE + MINUTE : at;
  const from = Math.max(first, w.historyStart);
  const to = Math.min(until ?? Infinity, w.clock.now);
  const count = to < from ? 0 : Math.floor((to - from) / interval) + 1;
  if (count <= MAX_RUNS) return;
  const least = Math.ceil((to - from) / MAX_RUNS / 1000) * 1000;
  const latest = w.clock.now - MAX_RUNS * interval;
  sink.error([...path, 'interval'],
    `every ${e.interval}, this beacon checks in ${runs(count)} times within the logs' ` +
      `history; the limit is ${runs(MAX_RUNS)}`,
    `write an interval of ${spanText(least)} or more, start it at -${spanText(w.clock.now - latest)} ` +
      'or later, or shorten clock.history');
}

/** Runs per day of a schedule (minutes times hours; days only lower it), or null. */
function runsPerDay(schedule: string): number | null {
  const f = cronFields(schedule);
  if (!f) return null;
  return f.minute.filter(Boolean).length * f.hour.filter(Boolean).length;
}

/**
 * A cron schedule that can be read, and not so frequent over the window
 * [from, to) that its runs pass the bound.
 */
export function checkSchedule(
  schedule: string, path: IssuePath, from: number, to: number, sink: IssueSink,
): void {
  if (/^@reboot$/.test(schedule.trim())) return;
  const perDay = runsPerDay(schedule);
  if (perDay === null) {
    sink.error(path, `"${schedule}" is not a cron schedule Outbound can read`,
      'write five numeric fields (minute hour day month weekday), like */5 * * * * or ' +
        '0 3 * * 0, or a macro such as @hourly; names like mon or jan are not read');
    return;
  }
  const count = to <= from ? 0 : Math.ceil((perDay * (to - from)) / (24 * 60 * MINUTE));
  if (count <= MAX_RUNS) return;
  sink.error(path,
    `"${schedule}" runs about ${runs(count)} times within the logs' history; ` +
      `the limit is ${runs(MAX_RUNS)}`,
    'run it less often (like */5 * * * *), or shorten clock.history');
}

export function checkCronJob(
  e: TimelineEntryOf<'cron-job'>, path: IssuePath, w: Window, sink: IssueSink,
): void {
  const at = parseTime(e.at, w.clock);
  const until = e.until === undefined ? null : parseTime(e.until, w.clock);
  if (at === null) return;
  checkSchedule(e.schedule, [...path, 'schedule'], Math.max(at, w.historyStart),
    Math.min(until ?? Infinity, w.clock.now), sink);
}

export function checkHostCron(doc: ScenarioDoc, w: Window, sink: IssueSink): void {
  doc.host.cron.forEach((job, i) => {
    checkSchedule(job.schedule, ['host', 'cron', i, 'schedule'],
      Math.max(w.clock.boot, w.historyStart), w.clock.now, sink);
  });
}

export function checkExfil(e: TimelineEntryOf<'exfil'>, path: IssuePath, sink: IssueSink): void {
  const volume = parseSize(e.volume);
  const rate = parseRate(e.rate);
  if (!(volume >= 1)) {
    sink.error([...path, 'volume'], `volume: ${e.volume} sends nothing`,
      'write how much is sent, like 1536MiB');
  } else if (volume > MAX_VOLUME) {
    sink.error([...path, 'volume'], `volume: ${e.volume} is more than a petabyte (1048576GiB)`,
      'write how much is sent, like 1536MiB');
  }
  if (!(rate >= 1)) {
    sink.error([...path, 'rate'], `rate: ${e.rate} never sends anything`,
      'write how fast the far end takes the data, like 640KiB/s');
  } else if (rate > MAX_RATE) {
    sink.error([...path, 'rate'], `rate: ${e.rate} is faster than 10240MiB/s, more than the host's link could carry`,
      'write how fast the far end takes the data, like 640KiB/s');
  }
}

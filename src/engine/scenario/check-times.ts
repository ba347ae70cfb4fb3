/**
 * Checks of a scenario's times, made on the document before anything is
 * built: the clock's reach, every duration's size, each timeline entry's
 * end after its start, and each child entry after its parent. The world's
 * generators and allocators trust these (a session that ends before it
 * starts would print nonsense in `last`; a child compiled before its parent
 * has nothing to attach to). Issues name the fields as the author wrote them.
 */
import type { IssuePath, IssueSink } from './issues';
import type { ScenarioDoc } from './schema';
import type { TimelineEntry } from './schema-timeline';
import { parseDuration, parseTime, type ClockAnchors } from './time-spec';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back the logs may reach (`clock.history`). */
export const MAX_HISTORY = 366 * DAY;
/** The longest duration and the farthest time from now a scenario may write. */
export const MAX_SPAN = 3650 * DAY;

/** A span of milliseconds written as the scenario format writes durations (1h30m, 250ms). */
export function spanText(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.abs(Math.round(ms));
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['m', MINUTE], ['s', SECOND]] as const) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)}${unit}`);
    rest %= size;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

/** The clock anchors of a document, or null when `now` is unreadable. */
export function anchorsOf(doc: ScenarioDoc): ClockAnchors | null {
  const now = Date.parse(doc.clock.now);
  if (Number.isNaN(now)) return null;
  const boot = parseTime(doc.clock.boot, { now, boot: now }) ?? now;
  return { now, boot };
}

export function checkClock(doc: ScenarioDoc, clock: ClockAnchors, sink: IssueSink): void {
  const history = parseDuration(doc.clock.history);
  if (history !== null && !(history <= MAX_HISTORY)) {
    sink.error(['clock', 'history'],
      `history: ${doc.clock.history} reaches too far back; the logs can cover at most 366d`,
      'write the days the case needs, like 24h or 7d');
  }
  if (clock.now - clock.boot > MAX_SPAN) {
    sink.error(['clock', 'boot'],
      `boot: ${doc.clock.boot} is more than 3650d (ten years) before now`,
      'write a boot time closer to now, like -9d');
  }
}

/** Duration fields of timeline entries, with their paths below the entry. */
function durationsOf(e: TimelineEntry): [IssuePath, string, string][] {
  const out: [IssuePath, string, string][] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined) out.push([[key], key, value]);
  };
  add('duration', e.duration);
  if (e.kind === 'ssh-login' || e.kind === 'ssh-remote-forward') add('failed_over', e.failed_over);
  if (e.kind === 'reverse-shell') add('reconnect_after', e.reconnect_after);
  if (e.kind === 'beacon') {
    add('interval', e.interval);
    add('jitter', e.jitter);
    add('timeout', e.timeout);
  }
  if (e.kind === 'log') {
    e.lines.forEach((l, j) => {
      if (l.after !== undefined) out.push([['lines', j, 'after'], 'after', l.after]);
    });
  }
  return out;
}

/** The fields that end an entry, as [key, text]. */
function endsOf(e: TimelineEntry): [string, string][] {
  const out: [string, string][] = [];
  if (e.until !== undefined) out.push(['until', e.until]);
  if ((e.kind === 'ssh-login' || e.kind === 'ssh-remote-forward') && e.logout !== undefined) {
    out.push(['logout', e.logout]);
  }
  if (e.kind === 'process' && e.exit !== undefined) out.push(['exit', e.exit]);
  return out;
}

/** Durations within bounds, times near now, and every end after its start. */
export function checkEntryTimes(
  e: TimelineEntry, path: IssuePath, clock: ClockAnchors, sink: IssueSink,
): void {
  for (const [sub, key, text] of durationsOf(e)) {
    const ms = parseDuration(text);
    if (ms !== null && !(ms <= MAX_SPAN)) {
      sink.error([...path, ...sub], `${key}: ${text} is longer than 3650d (ten years)`,
        `write a shorter ${key}; a scenario covers days, not decades`);
    }
  }
  const at = parseTime(e.at, clock);
  if (at === null) return;
  if (!(Math.abs(at - clock.now) <= MAX_SPAN)) {
    sink.error([...path, 'at'], `at: ${e.at} is more than 3650d (ten years) from now`,
      'write a time within the days the case covers, like -2h');
    return;
  }
  for (const [key, text] of endsOf(e)) {
    const end = parseTime(text, clock);
    if (end === null || end > at) continue;
    const what = end === at ? 'the moment it starts' : `${spanText(at - end)} before it starts`;
    sink.error([...path, key], `${key}: ${text} is not after at: ${e.at}, so it would end ${what}`,
      `make ${key} later than ${e.at}, or leave ${key} out if it has not ended`);
  }
  if (e.duration !== undefined && parseDuration(e.duration) === 0) {
    sink.error([...path, 'duration'], `duration: ${e.duration} would end it the moment it starts`,
      'write how long it lasts, like 41s or 6m, or leave duration out if it has not ended');
  }
}

/**
 * A timeline entry started from another (`parent:`) must start while its
 * parent runs: not before the parent starts, not after it has ended. The
 * compiler takes entries in time order, so a child placed too early would
 * otherwise be reported as naming no earlier entry, which hides the real
 * problem: its time.
 */
import type { IssueSink } from './issues';
import type { TimelineEntry } from './schema-timeline';
import { spanText } from './check-times';
import { parseDuration, parseTime, type ClockAnchors } from './time-spec';

interface Placed {
  index: number;
  entry: TimelineEntry;
  start: number;
  /** When it ends by itself, as written (undefined: it keeps going). */
  end?: { at: number; text: string };
}

function endOf(e: TimelineEntry, start: number, clock: ClockAnchors): Placed['end'] {
  const written: [string, string | undefined][] = [
    ['until', e.until],
    ['logout', e.kind === 'ssh-login' || e.kind === 'ssh-remote-forward' ? e.logout : undefined],
    ['exit', e.kind === 'process' ? e.exit : undefined],
  ];
  for (const [key, text] of written) {
    const at = text === undefined ? null : parseTime(text, clock);
    // An end before the start is reported on its own field (check-times.ts).
    if (at !== null) return at > start ? { at, text: `${key}: ${text}` } : undefined;
  }
  const d = e.duration === undefined ? null : parseDuration(e.duration);
  return d === null ? undefined : { at: start + d, text: `duration: ${e.duration}` };
}

function parentOf(e: TimelineEntry): string | undefined {
  return 'parent' in e ? e.parent : undefined;
}

export function checkParentTimes(
  entries: readonly TimelineEntry[], clock: ClockAnchors, sink: IssueSink,
): void {
  const byId = new Map<string, Placed>();
  const placed: Placed[] = [];
  entries.forEach((entry, index) => {
    const start = parseTime(entry.at, clock);
    if (start === null) return;
    const p: Placed = { index, entry, start, end: endOf(entry, start, clock) };
    placed.push(p);
    if (!byId.has(entry.id)) byId.set(entry.id, p);
  });
  for (const child of placed) {
    const ref = parentOf(child.entry);
    const parent = ref === undefined ? undefined : byId.get(ref);
    if (parent && parent !== child) checkPair(child, parent, sink);
  }
}

function checkPair(child: Placed, parent: Placed, sink: IssueSink): void {
  const path = ['timeline', child.index, 'at'];
  const c = child.entry;
  const p = parent.entry;
  if (child.start < parent.start) {
    sink.error(path,
      `"${c.id}" starts at ${c.at}, ${spanText(parent.start - child.start)} before its parent ` +
        `"${p.id}" starts (at: ${p.at})`,
      `start "${c.id}" at ${p.at} or later, or start "${p.id}" earlier`);
  } else if (child.start === parent.start && child.index < parent.index) {
    sink.error(path,
      `"${c.id}" starts at the same time as its parent "${p.id}" (${p.at}) but is listed before it`,
      `list "${c.id}" after "${p.id}", or start it a little later`);
  } else if (parent.end && parent.end.at <= child.start) {
    sink.error(path,
      `"${c.id}" starts at ${c.at}, after its parent "${p.id}" has ended (${parent.end.text})`,
      `start "${c.id}" before "${p.id}" ends, or end "${p.id}" later`);
  }
}

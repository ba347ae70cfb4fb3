/**
 * The checks a document passes before the world is built from it: times
 * and durations (check-times.ts), parents after children
 * (check-parents.ts), and what repeats (check-periodic.ts). Building trusts
 * them: a generator paced by a zero interval, or a history of centuries,
 * would never finish.
 */
import { checkClock, checkEntryTimes, anchorsOf } from './check-times';
import { checkParentTimes } from './check-parents';
import { checkBeacon, checkCronJob, checkExfil, checkHostCron } from './check-periodic';
import { IssueSink, type PathIssue } from './issues';
import type { ScenarioDoc } from './schema';
import { parseDuration } from './time-spec';

export function checkBounds(doc: ScenarioDoc): PathIssue[] {
  const sink = new IssueSink();
  const clock = anchorsOf(doc);
  if (!clock) return [];
  checkClock(doc, clock, sink);
  const history = parseDuration(doc.clock.history) ?? 0;
  const window = { clock, historyStart: clock.now - history };
  checkHostCron(doc, window, sink);
  doc.timeline.forEach((e, i) => {
    const path = ['timeline', i];
    checkEntryTimes(e, path, clock, sink);
    if (e.kind === 'beacon') checkBeacon(e, path, window, sink);
    if (e.kind === 'cron-job') checkCronJob(e, path, window, sink);
    if (e.kind === 'exfil') checkExfil(e, path, sink);
  });
  checkParentTimes(doc.timeline, clock, sink);
  return sink.issues;
}

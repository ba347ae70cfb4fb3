/**
 * What each timeline entry forks and when, told to the host's pid counter
 * before anything takes a pid (the base host is built first, but a process
 * the timeline starts earlier must still get the smaller pid). The compile
 * functions take these pids by the same keys, times and counts; a mismatch
 * only costs order (the counter then hands out late numbers), and
 * pid-plan.declared.test.ts holds every kind to its declaration.
 *
 *   ssh-login        ID:fail:i (each failed attempt's sshd), ID:sshd (2),
 *                    ID:shell (pty), ID:manager (systemd --user, sd-pam),
 *                    ID:sudo:i (each command typed with sudo)
 *   reverse-shell    ID:chain:i at each chain process's start
 *   beacon           ID:crontab or ID:loop; check-ins ID:occ and ID:tool
 *   exfil            ID:procs; listener, process: ID:pid; firewall: ID:sudo
 *   cron-job         ID:crontab; each run ID:run (CRON and the shell)
 */
import type { TimelineEntry } from '../../scenario/schema-timeline';
import type { PidCounter } from '../pid-counter';
import { declareBeaconPids } from './beacon';
import { jobRuns } from './cron-job';
import { exfilProcs } from './exfil';
import { chainStart } from './reverse-shell';
import { flavour } from './shell-flavours';
import { commandAt, failureTimes, SSH_FORKS, SUDO_DELAY } from './ssh-login';
import { sudoCommandOf } from '../sudo-log';
import { inTimeOrder, resolveTime } from './time';

export interface PlanClock {
  now: number;
  boot: number;
  seed: number;
}

function declareEntry(e: TimelineEntry, time: (s: string) => number, pids: PidCounter, seed: number) {
  const at = time(e.at);
  const id = e.id;
  switch (e.kind) {
    case 'ssh-login':
    case 'ssh-remote-forward':
      failureTimes(e, at, seed).forEach((t, i) => pids.declare(`${id}:fail:${i}`, t, 1));
      pids.declare(`${id}:sshd`, at, 2);
      if (e.pty) pids.declare(`${id}:shell`, at + SSH_FORKS.shell, 1);
      pids.declare(`${id}:manager`, at + SSH_FORKS.manager, 2);
      if (e.kind === 'ssh-login') {
        e.commands.forEach((line, i) => {
          if (sudoCommandOf(line)) pids.declare(`${id}:sudo:${i}`, commandAt(at, i) + SUDO_DELAY, 1);
        });
      }
      return;
    case 'reverse-shell':
      flavour(e.flavour)?.chain.forEach((_, i) => pids.declare(`${id}:chain:${i}`, at + chainStart(i), 1));
      return;
    case 'beacon':
      return declareBeaconPids(e, time, pids, seed);
    case 'exfil':
      return pids.declare(`${id}:procs`, at, exfilProcs(e.tool));
    case 'listener':
    case 'process':
      return pids.declare(`${id}:pid`, at, 1);
    case 'firewall-change':
      return pids.declare(`${id}:sudo`, at, 1);
    case 'cron-job': {
      pids.declare(`${id}:crontab`, at, 1);
      const until = e.until ? time(e.until) : undefined;
      return pids.schedule(`${id}:run`, jobRuns(e.schedule, at, until), 2, 0);
    }
    case 'log':
      return;
  }
}

/** Declares the pids of every entry (in start order: the first of a duplicated id wins). */
export function declareTimelinePids(
  entries: readonly TimelineEntry[], pids: PidCounter, clock: PlanClock,
): void {
  const time = (s: string) => resolveTime(s, clock.now, clock.boot);
  for (const { e } of inTimeOrder(entries, time)) {
    if (Number.isFinite(time(e.at))) declareEntry(e, time, pids, clock.seed);
  }
}

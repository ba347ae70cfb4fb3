/**
 * The behaviour kinds, and compiling a scenario's `timeline:` into
 * `CompiledBehaviour`s: times made absolute, references resolved, pids,
 * inodes, ports and cookies allocated (in time order, after the base host).
 */
import type { IssuePath, IssueSink } from '../../scenario/issues';
import type { TimelineEntry } from '../../scenario/schema-timeline';
import type { EntityRef } from '../../scenario/types';
import type { BaseHost } from '../base-types';
import { beaconModule, beaconPeriod, compileBeacon, perOccurrence } from './beacon';
import { createCompileCtx, type CompileCtx } from './compile-ctx';
import { compileCronJob, cronJobModule } from './cron-job';
import { compileExfil, exfilModule } from './exfil';
import { compileFirewallChange, firewallChangeModule } from './firewall-change';
import { compileListener, listenerModule } from './listener';
import { compileLog, logModule } from './log';
import type { BehaviourModule } from './module';
import { compileProcess, processModule } from './process';
import { compileReverseShell, reverseShellModule } from './reverse-shell';
import { compileSshLogin, sshLoginModule } from './ssh-login';
import { inTimeOrder, resolveTime } from './time';
import type { BehaviourKind, CompiledBehaviour } from './types';

export type { CompiledBehaviour } from './types';

const MODULES: { [K in BehaviourKind]: BehaviourModule<Extract<CompiledBehaviour, { kind: K }>> } = {
  'ssh-login': sshLoginModule,
  'reverse-shell': reverseShellModule,
  beacon: beaconModule,
  exfil: exfilModule,
  listener: listenerModule,
  'firewall-change': firewallChangeModule,
  process: processModule,
  'cron-job': cronJobModule,
  log: logModule,
};

export function moduleFor<B extends CompiledBehaviour>(b: B): BehaviourModule<B> {
  return MODULES[b.kind] as unknown as BehaviourModule<B>;
}

function compileOne(e: TimelineEntry, path: IssuePath, cc: CompileCtx, beacons: number) {
  switch (e.kind) {
    case 'ssh-login':
    case 'ssh-remote-forward':
      return compileSshLogin(e, path, cc);
    case 'reverse-shell':
      return compileReverseShell(e, path, cc);
    case 'beacon':
      return compileBeacon(e, path, cc, beacons);
    case 'exfil':
      return compileExfil(e, path, cc);
    case 'listener':
      return compileListener(e, path, cc);
    case 'firewall-change':
      return compileFirewallChange(e, path, cc);
    case 'process':
      return compileProcess(e, path, cc);
    case 'cron-job':
      return compileCronJob(e, path, cc);
    case 'log':
      return compileLog(e, path, cc);
  }
}

/**
 * Compiles the timeline against the base host. Problems go to `issues`
 * with paths under `prefix` (["timeline", i, ...]); entries with errors
 * are left out, the rest still compile.
 */
export function compileTimeline(
  entries: readonly TimelineEntry[], base: BaseHost, issues: IssueSink,
  prefix: IssuePath = ['timeline'],
): CompiledBehaviour[] {
  const time = (s: string) => resolveTime(s, base.now, base.host.bootTime);
  const order = inTimeOrder(entries, time);
  const inodes = order.filter(({ e }) => e.kind === 'beacon').map(({ e }) => {
    const b = e as Extract<TimelineEntry, { kind: 'beacon' }>;
    return { ...beaconPeriod(b, time), per: perOccurrence(b.via).inodes };
  });
  const cc = createCompileCtx(base, issues, inodes);
  const out: CompiledBehaviour[] = [];
  let beacons = 0;
  for (const { e, i } of order) {
    const path = [...prefix, i];
    if (cc.compiled.has(e.id) || base.entities.has(e.id)) {
      issues.error([...path, 'id'], `the id "${e.id}" is used twice`, 'give every entity its own id');
      continue;
    }
    if (!Number.isFinite(time(e.at))) {
      issues.error([...path, 'at'], `"${e.at}" is not a time`, 'write -2h, -95m or an ISO 8601 time');
      continue;
    }
    const b = compileOne(e, path, cc, beacons);
    if (!b) continue;
    if (b.kind === 'beacon') beacons++;
    cc.compiled.set(b.id, b);
    out.push(b);
  }
  return out;
}

/** What each behaviour produced, for the scorer and the UI (pids, inodes). */
export function timelineEntities(timeline: readonly CompiledBehaviour[]): EntityRef[] {
  return timeline.map((b) => {
    const ref = (pids: number[], inodes: number[]): EntityRef => ({ id: b.id, kind: b.kind, at: b.at, pids, inodes });
    switch (b.kind) {
      case 'ssh-login':
        return ref([b.pids.priv, ...(b.uid === 0 ? [] : [b.pids.user]), ...(b.pids.shell ? [b.pids.shell] : [])],
          [b.inode, ...b.forwards.flatMap((f) => [f.v4.inode, f.v6.inode])]);
      case 'reverse-shell':
        return ref([b.pids[b.shellIndex]!, ...b.pids.filter((_, i) => i !== b.shellIndex)], [b.inode]);
      case 'exfil':
        return ref([...b.pids].reverse(), [b.inode]);
      case 'listener':
        return ref([b.pid], [b.inode]);
      case 'process':
        return ref([b.pid], []);
      case 'beacon':
        return ref(b.via === 'loop' ? [b.loopPid] : [], []);
      default:
        return ref([], []);
    }
  });
}

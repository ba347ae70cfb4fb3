/**
 * ps's thread display (procps-ng 4.0.4): -L and -T list every thread of the
 * selected processes, one row each, as does BSD H. -L adds LWP after the
 * last of SID/SESS/PGID/PGRP/PPID/PID and, with a CPU column (-f's C, u's
 * %CPU), NLWP after it; -T adds SPID after PID. A user-defined format (-o)
 * is left as written.
 */
import type { Process } from '../../world/types';
import { taskAsProcess, tasksOf } from '../../world/threads';
import type { PsArgs } from './args';
import type { Row } from './columns';

/** Whether ps prints one row per thread. */
export function showsThreads(a: PsArgs): boolean {
  return a.threadsL || a.threadsT || a.threadsH;
}

function insertAfter(names: string[], after: readonly string[], name: string): void {
  for (const a of after) {
    const i = names.indexOf(a);
    if (i >= 0) {
      names.splice(i + 1, 0, name);
      return;
    }
  }
}

/** The built-in format's field names with the thread columns -L or -T add. */
export function withThreadColumns(names: string[], a: PsArgs): string[] {
  const out = [...names];
  if (a.threadsT) insertAfter(out, ['pid'], 'spid');
  if (a.threadsL) {
    const before = out.length;
    insertAfter(out, ['sid', 'sess', 'pgid', 'pgrp', 'ppid', 'pid'], 'lwp');
    if (out.length > before) insertAfter(out, ['c', 'pcpu'], 'nlwp');
  }
  return out;
}

/** One row per thread of each process, in thread order (the main one first). */
export function threadRows(procs: readonly Process[]): Row[] {
  return procs.flatMap((p) => tasksOf(p).map((t) => ({ p: taskAsProcess(p, t), prefix: '', tid: t.tid })));
}

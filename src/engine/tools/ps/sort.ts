/**
 * ps --sort / k: keys with an optional `+` (ascending, the default) or `-`
 * (descending). Later keys break ties of earlier ones.
 */
import type { Process } from '../../world/types';
import type { PsEnv, Row } from './columns';
import { userOrUid } from '../procfs/processes';
import { threadCount } from '../../world/threads';

type Key = (p: Process, env: PsEnv, tid: number) => number | string;

const KEYS: Record<string, Key> = {
  pid: (p) => p.pid, ppid: (p) => p.ppid, uid: (p) => p.uid,
  user: (p, e) => userOrUid(e.world, p.uid), comm: (p) => p.comm,
  cmd: (p) => p.title ?? p.argv.join(' '), args: (p) => p.title ?? p.argv.join(' '),
  pcpu: (p, e) => p.cpuSeconds / Math.max(1, (e.now - p.startTime) / 1000),
  pmem: (p) => p.rss, rss: (p) => p.rss, vsz: (p) => p.vsz,
  start_time: (p) => p.startTime, etime: (p) => -p.startTime, time: (p) => p.cpuSeconds,
  tty: (p) => p.tty ?? '',
  lwp: (_p, _e, tid) => tid, nlwp: (p) => threadCount(p),
};
const ALIAS: Record<string, string> = {
  '%cpu': 'pcpu', '%mem': 'pmem', cputime: 'time', stime: 'start_time', start: 'start_time',
  lstart: 'start_time', etimes: 'etime', rssize: 'rss', vsize: 'vsz',
  spid: 'lwp', tid: 'lwp', thcount: 'nlwp',
};

/** Sorts rows (processes, or threads with -L/-T/H, each a row of its own). */
export function sortRows(rows: Row[], specs: string[], env: PsEnv): Row[] {
  const keys = specs.map((s) => {
    const desc = s.startsWith('-');
    const name = s.replace(/^[+-]/, '').toLowerCase();
    const real = Object.hasOwn(ALIAS, name) ? ALIAS[name] ?? name : name;
    const key = Object.hasOwn(KEYS, real) ? KEYS[real] : undefined;
    return { desc, key };
  });
  return [...rows].sort((ra, rb) => {
    const a = ra.p;
    const b = rb.p;
    for (const { desc, key } of keys) {
      if (!key) continue;
      const x = key(a, env, ra.tid ?? a.pid);
      const y = key(b, env, rb.tid ?? b.pid);
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return desc ? -c : c;
    }
    return a.pid - b.pid || (ra.tid ?? a.pid) - (rb.tid ?? b.pid);
  });
}

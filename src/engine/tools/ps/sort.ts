/**
 * ps --sort / k: keys with an optional `+` (ascending, the default) or `-`
 * (descending). Later keys break ties of earlier ones.
 */
import type { Process } from '../../world/types';
import type { PsEnv } from './columns';
import { userOrUid } from '../procfs/processes';

type Key = (p: Process, env: PsEnv) => number | string;

const KEYS: Record<string, Key> = {
  pid: (p) => p.pid, ppid: (p) => p.ppid, uid: (p) => p.uid,
  user: (p, e) => userOrUid(e.world, p.uid), comm: (p) => p.comm,
  cmd: (p) => p.title ?? p.argv.join(' '), args: (p) => p.title ?? p.argv.join(' '),
  pcpu: (p, e) => p.cpuSeconds / Math.max(1, (e.now - p.startTime) / 1000),
  pmem: (p) => p.rss, rss: (p) => p.rss, vsz: (p) => p.vsz,
  start_time: (p) => p.startTime, etime: (p) => -p.startTime, time: (p) => p.cpuSeconds,
  tty: (p) => p.tty ?? '',
};
const ALIAS: Record<string, string> = {
  '%cpu': 'pcpu', '%mem': 'pmem', cputime: 'time', stime: 'start_time', start: 'start_time',
  lstart: 'start_time', etimes: 'etime', rssize: 'rss', vsize: 'vsz',
};

export function sortProcesses(procs: Process[], specs: string[], env: PsEnv): Process[] {
  const keys = specs.map((s) => {
    const desc = s.startsWith('-');
    const name = s.replace(/^[+-]/, '').toLowerCase();
    const real = Object.hasOwn(ALIAS, name) ? ALIAS[name] ?? name : name;
    const key = Object.hasOwn(KEYS, real) ? KEYS[real] : undefined;
    return { desc, key };
  });
  return [...procs].sort((a, b) => {
    for (const { desc, key } of keys) {
      if (!key) continue;
      const x = key(a, env);
      const y = key(b, env);
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return desc ? -c : c;
    }
    return a.pid - b.pid;
  });
}

/**
 * ps fields about sessions, process groups and the kernel's view of a
 * process (procps-ng 4.0.4 headers and widths): PGID/PGRP, SID/SESS,
 * TPGID, F, SZ, PSR, LWP, WCHAN, CGROUP. The ids come from the world's
 * sessions (sessions.ts), so ps agrees with /proc/PID/stat.
 */
import { procSession } from '../../world/sessions';
import type { HostState, Process } from '../../world/types';
import type { Column } from './columns';

const ids = (header: string, f: (s: ReturnType<typeof procSession>) => number): Column => ({
  header, width: 5, align: 'right', value: (r, e) => String(f(procSession(e.world, r.p))),
});

/** LWP/SPID/TID: the thread's id on a thread's row, else the pid (its main thread). */
const task = (header: string): Column => ({
  header, width: 5, align: 'right', value: (r) => String(r.tid ?? r.p.pid),
});

const isKernel = (p: Process): boolean => p.pid === 2 || p.ppid === 2;

/** F: 1 forked without exec (kernel threads), 4 used super-user privileges. */
function flags(p: Process): number {
  if (isKernel(p)) return 1;
  return p.uid === 0 ? 4 : 0;
}

const WAITING: ReadonlyMap<string, string> = new Map([
  ['sleep', 'hrtimer_nanosleep'], ['cron', 'hrtimer_nanosleep'], ['tar', 'pipe_write'],
  ['cat', 'pipe_read'], ['agetty', 'wait_woken'], ['(sd-pam)', 'do_sigtimedwait'],
  ['nc', 'do_sys_poll'], ['socat', 'do_sys_poll'], ['curl', 'do_sys_poll'], ['ssh', 'do_sys_poll'],
  ['sshd', 'do_sys_poll'], ['scp', 'pipe_read'], ['kthreadd', 'kthreadd'],
]);

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh']);

/** The kernel function a sleeping process waits in (/proc/PID/wchan); `-` when running. */
export function wchanOf(world: HostState, p: Process): string {
  if (p.stat[0] === 'R' || p.stat[0] === 'Z') return '-';
  const known = WAITING.get(p.comm);
  if (known) return known;
  if (isKernel(p)) {
    if (p.comm.startsWith('kworker')) return 'worker_thread';
    if (/^(ksoftirqd|migration|cpuhp|idle_inject)/.test(p.comm)) return 'smpboot_thread_fn';
    return 'rescuer_thread';
  }
  if (SHELLS.has(p.comm)) {
    return world.processes.some((c) => c.ppid === p.pid) ? 'do_wait' : 'wait_woken';
  }
  return 'ep_poll';
}

/** /proc/PID/cgroup's line: the unit's cgroup, a login's scope, or the ancestors'. */
export function cgroupOf(world: HostState, p: Process): string {
  if (isKernel(p)) return '-';
  const byPid = new Map(world.processes.map((x) => [x.pid, x] as const));
  let cur: Process | undefined = p;
  for (let depth = 0; cur && depth < 64; depth++, cur = byPid.get(cur.ppid)) {
    if (cur.pid === 1) return '0::/init.scope';
    const unit = cur.unit;
    if (!unit) continue;
    const manager = /^user@(\d+)\.service$/.exec(unit);
    if (manager) return `0::/user.slice/user-${manager[1]}.slice/${unit}/init.scope`;
    if (!/^session-\d+\.scope$/.test(unit)) return `0::/system.slice/${unit}`;
    const uid = world.processes.find((x) => x.unit === unit && x.uid !== 0)?.uid ?? cur.uid;
    return `0::/user.slice/user-${uid}.slice/${unit}`;
  }
  return '0::/init.scope';
}

export const SESSION_COLUMNS: Record<string, Column> = {
  pgid: ids('PGID', (s) => s.pgid), pgrp: ids('PGRP', (s) => s.pgid),
  sid: ids('SID', (s) => s.sid), sess: ids('SESS', (s) => s.sid), session: ids('SESS', (s) => s.sid),
  tpgid: ids('TPGID', (s) => s.tpgid),
  lwp: task('LWP'), spid: task('SPID'), tid: task('TID'),
  f: { header: 'F', width: 1, align: 'right', value: (r) => String(flags(r.p)) },
  flag: { header: 'F', width: 1, align: 'right', value: (r) => String(flags(r.p)) },
  sz: { header: 'SZ', width: 5, align: 'right', value: (r) => String(Math.floor(r.p.vsz / 4)) },
  psr: { header: 'PSR', width: 3, align: 'right', value: (r) => String(r.p.pid % 4) },
  wchan: { header: 'WCHAN', width: 6, align: 'left', clip: true, value: (r, e) => wchanOf(e.world, r.p) },
  cgroup: { header: 'CGROUP', width: 27, align: 'left', value: (r, e) => cgroupOf(e.world, r.p) },
};

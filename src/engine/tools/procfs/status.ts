/**
 * /proc/PID/status as Linux 6.1 prints it: tab after the colon, memory in
 * `%8lu kB`, signal and capability masks in hex. Values the world does not
 * model (masks, context switches) are typical ones for the process kind.
 */
import type { HostState, Process } from '../../world/types';
import { procSession } from '../../world/sessions';
import { loginUid, NO_LOGINUID } from './processes';
import { cpuCount } from '../../world/kernel';
import { tasksOf, threadCount, type Task } from '../../world/threads';

const cpusMask = (w: HostState) => (2 ** cpuCount(w) - 1).toString(16);
const cpusList = (w: HostState) => (cpuCount(w) > 1 ? `0-${cpuCount(w) - 1}` : '0');

const STATES: Record<string, string> = {
  R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', T: 'T (stopped)',
  t: 't (tracing stop)', Z: 'Z (zombie)', X: 'X (dead)', I: 'I (idle)',
};

const kb = (n: number): string => `${String(Math.round(n)).padStart(8, ' ')} kB`;

function fdSize(p: Process): number {
  const top = Math.max(-1, ...p.fds.map((f) => f.fd));
  let size = 64;
  while (size <= top) size *= 2;
  return size;
}

/** Supplementary groups: those of the account for a login's processes. */
function groupIds(world: HostState, p: Process): number[] {
  if (loginUid(world, p.pid) === NO_LOGINUID && p.uid === 0) return [];
  const acc = world.accounts.find((a) => a.uid === p.uid);
  if (!acc) return [];
  const extra = acc.groups
    .map((g) => world.groups.find((x) => x.name === g)?.gid)
    .filter((g): g is number => g !== undefined);
  return [...new Set([acc.gid, ...extra])].sort((a, b) => a - b);
}

/** The status of the process's thread `t` (its main thread by default). */
export function procStatus(world: HostState, p: Process, t: Task = tasksOf(p)[0]!): string {
  const ids = (n: number): string => `${n}\t${n}\t${n}\t${n}`;
  const groups = groupIds(world, p).map((g) => `${g} `).join('');
  const root = p.uid === 0;
  const s = procSession(world, p);
  const caps = root ? '000001ffffffffff' : '0000000000000000';
  const rows: [string, string][] = [
    ['Name', t.comm.slice(0, 15)], ['Umask', '0022'],
    ['State', STATES[p.stat[0] ?? 'S'] ?? 'S (sleeping)'],
    ['Tgid', String(p.pid)], ['Ngid', '0'], ['Pid', String(t.tid)],
    ['PPid', String(p.ppid)], ['TracerPid', '0'], ['Uid', ids(p.uid)], ['Gid', ids(p.gid)],
    ['FDSize', String(fdSize(p))], ['Groups', groups],
    ['NStgid', String(p.pid)], ['NSpid', String(t.tid)], ['NSpgid', String(s.pgid)],
    ['NSsid', String(s.sid)],
    ['VmPeak', kb(p.vsz)], ['VmSize', kb(p.vsz)], ['VmLck', kb(0)], ['VmPin', kb(0)],
    ['VmHWM', kb(p.rss)], ['VmRSS', kb(p.rss)],
    ['RssAnon', kb(Math.round(p.rss * 0.4))], ['RssFile', kb(p.rss - Math.round(p.rss * 0.4))],
    ['RssShmem', kb(0)], ['Threads', String(threadCount(p))], ['SigQ', '0/15395'],
    ['SigPnd', '0000000000000000'], ['ShdPnd', '0000000000000000'],
    ['SigBlk', '0000000000000000'], ['SigIgn', '0000000000000000'],
    ['SigCgt', '0000000000000000'],
    ['CapInh', '0000000000000000'], ['CapPrm', caps], ['CapEff', caps],
    ['CapBnd', '000001ffffffffff'], ['CapAmb', '0000000000000000'],
    ['NoNewPrivs', '0'], ['Seccomp', '0'], ['Seccomp_filters', '0'],
    ['Speculation_Store_Bypass', 'thread vulnerable'],
    ['SpeculationIndirectBranch', 'conditional enabled'],
    ['Cpus_allowed', cpusMask(world)], ['Cpus_allowed_list', cpusList(world)],
    ['Mems_allowed', '00000000,00000001'], ['Mems_allowed_list', '0'],
    ['voluntary_ctxt_switches', '12'], ['nonvoluntary_ctxt_switches', '0'],
  ];
  return rows.map(([k, v]) => `${k}:\t${v}\n`).join('');
}

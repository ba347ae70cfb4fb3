/**
 * The output fields ps knows, as data: the header, its width, alignment and
 * how a value is computed. Widths follow procps-ng 4 with a 5-digit pid_max
 * (the captured host): PID/PPID are 5 wide. A value wider than its column
 * pushes the rest of the line right, as procps does.
 */
import type { HostState, Process } from '../../world/types';
import {
  cputimeBsd, cputimeLong, ctimeForm, etime, hhmmss, localTime, MONTHS, pad2, psStart,
} from '../../world/time-format';
import { commandLine, groupOrGid, userOrUid } from '../procfs/processes';
import { procSession } from '../../world/sessions';
import { SESSION_COLUMNS } from './session-columns';
import { threadCount } from '../../world/threads';

export interface Row {
  p: Process;
  /** Forest art before the command, `" \_ "` etc. */
  prefix: string;
  /** The thread's id when ps lists threads (-L, -T, H). */
  tid?: number;
}

export interface PsEnv {
  world: HostState;
  now: number;
  tz: string;
}

export interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
  /** A value is cut to the width unless the column is the last (WCHAN). */
  clip?: boolean;
  /** Only the last column may be unlimited (commands). */
  value(row: Row, env: PsEnv): string;
}

const elapsedSec = (p: Process, env: PsEnv): number =>
  Math.max(0, Math.floor((env.now - p.startTime) / 1000));

/** Per mille of CPU over the process lifetime, as procps computes %CPU. */
function pcpuPermille(p: Process, env: PsEnv): number {
  const el = (env.now - p.startTime) / 1000;
  if (el <= 0) return 0;
  return Math.min(999, Math.floor((p.cpuSeconds * 1000) / el));
}

const tenth = (permille: number): string => `${Math.floor(permille / 10)}.${permille % 10}`;

/** USER-style names: longer than the width -> first width-1 chars and `+`. */
export function clipName(name: string, width: number): string {
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
}

function startField(p: Process, env: PsEnv): string {
  if (env.now - p.startTime < 86_400_000) return hhmmss(p.startTime, env.tz);
  const t = localTime(p.startTime, env.tz);
  return `  ${MONTHS[t.month]} ${pad2(t.day)}`;
}

const user = (header: string): Column => ({
  header, width: 8, align: 'left',
  value: (r, e) => clipName(userOrUid(e.world, r.p.uid), 8),
});
const num = (header: string, width: number, f: (p: Process, e: PsEnv) => number): Column => ({
  header, width, align: 'right', value: (r, e) => String(f(r.p, e)),
});
const cmd = (header: string): Column => ({
  header, width: 0, align: 'left', value: (r) => r.prefix + commandLine(r.p),
});
const comm = (header: string): Column => ({
  header, width: 0, align: 'left', value: (r) => r.prefix + r.p.comm,
});

const COLUMNS: Record<string, Column> = {
  pid: num('PID', 5, (p) => p.pid),
  ppid: num('PPID', 5, (p) => p.ppid),
  tgid: num('TGID', 5, (p) => p.pid),
  user: user('USER'), euser: user('EUSER'), ruser: user('RUSER'), uname: user('USER'),
  uid_hack: user('UID'),
  uid: num('UID', 5, (p) => p.uid), euid: num('EUID', 5, (p) => p.uid),
  ruid: num('RUID', 5, (p) => p.uid),
  gid: num('GID', 5, (p) => p.gid), egid: num('EGID', 5, (p) => p.gid),
  group: { header: 'GROUP', width: 8, align: 'left', value: (r, e) => clipName(groupOrGid(e.world, r.p.gid), 8) },
  pcpu: { header: '%CPU', width: 4, align: 'right', value: (r, e) => tenth(pcpuPermille(r.p, e)) },
  pmem: {
    header: '%MEM', width: 4, align: 'right',
    value: (r, e) => {
      const total = e.world.host.memTotalKb;
      return tenth(total > 0 ? Math.min(999, Math.floor((r.p.rss * 1000) / total)) : 0);
    },
  },
  c: num('C', 2, (p, e) => Math.min(99, Math.floor(pcpuPermille(p, e) / 10))),
  vsz: num('VSZ', 6, (p) => p.vsz),
  rss: num('RSS', 5, (p) => p.rss),
  nlwp: num('NLWP', 4, (p) => threadCount(p)),
  thcount: num('THCNT', 5, (p) => threadCount(p)),
  ni: num('NI', 3, () => 0),
  pri: num('PRI', 3, () => 19),
  tty: { header: 'TT', width: 8, align: 'left', value: (r) => r.p.tty ?? '?' },
  tname: { header: 'TTY', width: 8, align: 'left', value: (r) => r.p.tty ?? '?' },
  stat: { header: 'STAT', width: 4, align: 'left', value: (r, e) => procSession(e.world, r.p).stat },
  s: { header: 'S', width: 1, align: 'left', value: (r) => r.p.stat.slice(0, 1) },
  bsdstart: {
    header: 'START', width: 5, align: 'right', value: (r, e) => psStart(r.p.startTime, e.now, e.tz),
  },
  stime: {
    header: 'STIME', width: 5, align: 'right', value: (r, e) => psStart(r.p.startTime, e.now, e.tz),
  },
  start: { header: 'STARTED', width: 8, align: 'right', value: (r, e) => startField(r.p, e) },
  lstart: { header: 'STARTED', width: 24, align: 'right', value: (r, e) => ctimeForm(r.p.startTime, e.tz) },
  etime: { header: 'ELAPSED', width: 11, align: 'right', value: (r, e) => etime(elapsedSec(r.p, e)) },
  etimes: num('ELAPSED', 7, (p, e) => elapsedSec(p, e)),
  time: { header: 'TIME', width: 8, align: 'right', value: (r) => cputimeLong(r.p.cpuSeconds) },
  bsdtime: { header: 'TIME', width: 6, align: 'right', value: (r) => cputimeBsd(r.p.cpuSeconds) },
  cmd: cmd('CMD'), args: cmd('COMMAND'), command: cmd('COMMAND'),
  comm: comm('COMMAND'), ucmd: comm('CMD'), ucomm: comm('COMMAND'),
  exe: { header: 'EXE', width: 0, align: 'left', value: (r) => r.p.exe },
  unit: { header: 'UNIT', width: 0, align: 'left', value: (r) => r.p.unit ?? '-' },
  ...SESSION_COLUMNS,
};

const ALIASES: Record<string, string> = {
  '%cpu': 'pcpu', '%mem': 'pmem', cputime: 'time', vsize: 'vsz', rssize: 'rss',
  rsz: 'rss', tt: 'tty', state: 's', start_time: 'stime',
  fname: 'comm', nice: 'ni', cputimes: 'time',
};

/** Looks up an -o field name (case-insensitive, with procps aliases). */
export function lookupColumn(name: string): Column | undefined {
  const key = name.toLowerCase();
  const real = Object.hasOwn(ALIASES, key) ? ALIASES[key] : key;
  return real && Object.hasOwn(COLUMNS, real) ? COLUMNS[real] : undefined;
}

export function column(name: string): Column {
  const c = lookupColumn(name);
  if (!c) throw new Error(`ps: no column ${name}`);
  return c;
}

/** Built-in formats: BSD u, UNIX -f, and the default. */
export const FORMATS = {
  default: ['pid', 'tname', 'time', 'ucmd'],
  bsd: ['pid', 'tname', 'stat', 'bsdtime', 'args'],
  user: ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'bsdstart', 'bsdtime', 'args'],
  full: ['uid_hack', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'],
} as const;

/**
 * `systemctl status UNIT` as systemd 252/255 lays it out: the bullet line,
 * Loaded (and `Transient: yes` for a session scope), Active, TriggeredBy
 * (a service its socket starts) or Triggers and Listen (that socket), Main
 * PID, Tasks, Memory, CPU, CGroup with the unit's processes (flat, in pid
 * order, with ├─/└─), then the unit's last ten journal lines. Memory is the
 * processes' RSS and CPU their CPU time, as ps counts them. Exit 0 when
 * active, 3 otherwise.
 */
import type { HostState, Process, Unit } from '../../world/types';
import { journalShort } from '../../world/time-format';
import { tag } from '../logs/files';
import { cmdlineArgs } from '../procfs/processes';
import { bytes, quoteArg, relative, stamp, timespan } from './format';
import { isOldSystemd } from './units';
import { sessionOf, unitNameOf, type ShownUnit } from './scopes';
import { socketLines, triggeredBy } from './sockets';

const label = (name: string): string => `${name.padStart(11)}: `;
const INDENT = ' '.repeat(13);

function bullet(u: Unit): string {
  if (u.active === 'failed') return '×';
  return u.active === 'inactive' ? '○' : '●';
}

function activeLine(w: HostState, u: ShownUnit): string {
  const since = `since ${stamp(u.since, w.host.timezone)}; ${relative(w.now - u.since, 'ago')}`;
  if (u.active === 'failed') return `failed (Result: ${u.result ?? 'exit-code'}) ${since}`;
  if (u.active === 'activating') return `activating (${u.sub}) (Result: ${u.result ?? 'exit-code'}) ${since}`;
  if (u.active === 'inactive') return u.since > w.host.bootTime ? `inactive (dead) ${since}` : 'inactive (dead)';
  return `active (${u.abandoned ? 'abandoned' : u.sub}) ${since}`;
}

function commandText(w: HostState, p: Process): string {
  const args = cmdlineArgs(p);
  return isOldSystemd(w) ? args.join(' ') : args.map(quoteArg).join(' ');
}

function tasksLimit(w: HostState): number {
  return Math.floor(((w.host.memTotalKb * 1024) / 131_072) * 0.15);
}

/** The unit's processes: a session's are in its scope, not in ssh.service. */
export function unitProcesses(w: HostState, u: Unit): Process[] {
  return w.processes.filter((p) => unitNameOf(w, p) === u.name).sort((a, b) => a.pid - b.pid);
}

/** logind makes session scopes without a task limit (the user's slice has one). */
function tasksText(w: HostState, u: ShownUnit, n: number): string {
  return isScope(u) ? String(n) : `${n} (limit: ${tasksLimit(w)})`;
}

/** Scopes (init.scope, session scopes) are transient, without a main pid. */
const isScope = (u: Unit): boolean => u.name.endsWith('.scope');

function cgroupPath(w: HostState, u: ShownUnit, procs: Process[]): string {
  if (u.name === 'init.scope') return '/init.scope';
  if (!u.transient) return `/system.slice/${u.name}`;
  const first = procs[0];
  const s = first ? sessionOf(w, first.pid) : undefined;
  const uid = w.accounts.find((a) => a.name === s?.user)?.uid ?? first?.uid ?? 0;
  return `/user.slice/user-${uid}.slice/${u.name}`;
}

function processBlock(w: HostState, u: ShownUnit, procs: Process[]): string[] {
  const lines: string[] = [];
  const main = procs.find((p) => p.pid === u.mainPid);
  if (u.mainPid !== undefined && main && !isScope(u)) lines.push(`${label('Main PID')}${main.pid} (${main.comm})`);
  lines.push(`${label('Tasks')}${tasksText(w, u, procs.length)}`);
  const mem = bytes(procs.reduce((s, p) => s + p.rss, 0));
  lines.push(`${label('Memory')}${mem}${w.host.distro === 'ubuntu-24.04' ? ` (peak: ${mem})` : ''}`);
  lines.push(`${label('CPU')}${timespan(procs.reduce((s, p) => s + p.cpuSeconds, 0))}`);
  lines.push(`${label('CGroup')}${cgroupPath(w, u, procs)}`);
  procs.forEach((p, i) => {
    const branch = i === procs.length - 1 ? '└─' : '├─';
    lines.push(`${INDENT}${branch}${p.pid} ${commandText(w, p)}`);
  });
  return lines;
}

/** A main process that is gone: its pid and how it ended, and the CPU it used. */
function exitedBlock(e: NonNullable<Unit['exited']>): string[] {
  return [`${label('Main PID')}${e.pid} (code=killed, signal=${e.signal})`, `${label('CPU')}${timespan(e.cpuSeconds)}`];
}

function timerBlock(w: HostState, u: Unit): string[] {
  if (!u.timer) return [];
  const tz = w.host.timezone;
  return [
    `${label('Trigger')}${stamp(u.timer.next, tz)}; ${relative(u.timer.next - w.now, 'left')}`,
    `${label('Triggers')}● ${u.timer.activates}`,
  ];
}

function loadedLines(w: HostState, u: ShownUnit): string[] {
  if (isScope(u)) {
    const where = u.path ? ` (${u.path}; transient)` : '';
    return [`${label('Loaded')}loaded${where}`, `${label('Transient')}yes`];
  }
  const preset = isOldSystemd(w) ? 'vendor preset' : 'preset';
  return [`${label('Loaded')}loaded (${u.path}; ${u.enabled}; ${preset}: enabled)`];
}

/** The unit's journal: its own lines, and systemd's about it (UNIT=). */
function journalLines(w: HostState, u: Unit): string[] {
  const about = (m: string): boolean => m.includes(` ${u.name} `) || m.endsWith(` ${u.name}.`);
  return w.logs(0, w.now + 1)
    .filter((e) => e.time <= w.now && (e.unit === u.name || (e.ident === 'systemd' && about(e.message))))
    .slice(-10)
    .map((e) => `${journalShort(e.time, w.host.timezone)} ${w.host.hostname} ${tag(e)}: ${e.message}`);
}

export function statusText(w: HostState, u: ShownUnit, withLogs: boolean): string {
  const lines = [
    `${bullet(u)} ${u.name} - ${u.description}`,
    ...loadedLines(w, u),
    `${label('Active')}${activeLine(w, u)}`,
    ...timerBlock(w, u),
    ...triggeredBy(w, u).map((t) => `${label('TriggeredBy')}${t}`),
    ...socketLines(w, u),
  ];
  const procs = unitProcesses(w, u);
  if (u.active === 'active' && procs.length > 0) lines.push(...processBlock(w, u, procs));
  else if (u.exited) {
    if (u.active === 'failed') lines.splice(3, 0, `${label('Duration')}${timespan((u.exited.to - u.exited.from) / 1000)}`);
    lines.push(...exitedBlock(u.exited));
  }
  const logs = withLogs ? journalLines(w, u) : [];
  if (logs.length > 0) lines.push('', ...logs);
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * `systemctl status UNIT` as systemd 252/255 lays it out: the bullet line,
 * Loaded, Active, Main PID, Tasks, Memory, CPU, CGroup with the unit's
 * processes (flat, in pid order, with ├─/└─), then the unit's last ten
 * journal lines. Exit 0 when active, 3 otherwise.
 */
import type { HostState, Process, Unit } from '../../world/types';
import { journalShort } from '../../world/time-format';
import { tag } from '../logs/files';
import { cmdlineArgs } from '../procfs/processes';
import { bytes, quoteArg, relative, stamp, timespan } from './format';
import { isOldSystemd } from './units';

const label = (name: string): string => `${name.padStart(11)}: `;
const INDENT = ' '.repeat(13);

function bullet(u: Unit): string {
  if (u.active === 'failed') return '×';
  return u.active === 'active' ? '●' : '○';
}

function activeLine(w: HostState, u: Unit): string {
  const since = `since ${stamp(u.since, w.host.timezone)}; ${relative(w.now - u.since, 'ago')}`;
  if (u.active === 'failed') return `failed (Result: exit-code) ${since}`;
  if (u.active === 'inactive') return u.since > w.host.bootTime ? `inactive (dead) ${since}` : 'inactive (dead)';
  return `active (${u.sub}) ${since}`;
}

function commandText(w: HostState, p: Process): string {
  const args = cmdlineArgs(p);
  return isOldSystemd(w) ? args.join(' ') : args.map(quoteArg).join(' ');
}

function tasksLimit(w: HostState): number {
  return Math.floor(((w.host.memTotalKb * 1024) / 131_072) * 0.15);
}

export function unitProcesses(w: HostState, u: Unit): Process[] {
  return w.processes.filter((p) => p.unit === u.name).sort((a, b) => a.pid - b.pid);
}

function processBlock(w: HostState, u: Unit, procs: Process[]): string[] {
  const lines: string[] = [];
  const main = procs.find((p) => p.pid === u.mainPid);
  if (u.mainPid !== undefined && main) lines.push(`${label('Main PID')}${main.pid} (${main.comm})`);
  lines.push(`${label('Tasks')}${procs.length} (limit: ${tasksLimit(w)})`);
  const mem = bytes(procs.reduce((s, p) => s + p.rss, 0));
  lines.push(`${label('Memory')}${mem}${w.host.distro === 'ubuntu-24.04' ? ` (peak: ${mem})` : ''}`);
  lines.push(`${label('CPU')}${timespan(procs.reduce((s, p) => s + p.cpuSeconds, 0))}`);
  lines.push(`${label('CGroup')}/system.slice/${u.name}`);
  procs.forEach((p, i) => {
    const branch = i === procs.length - 1 ? '└─' : '├─';
    lines.push(`${INDENT}${branch}${p.pid} ${commandText(w, p)}`);
  });
  return lines;
}

function timerBlock(w: HostState, u: Unit): string[] {
  if (!u.timer) return [];
  const tz = w.host.timezone;
  return [
    `${label('Trigger')}${stamp(u.timer.next, tz)}; ${relative(u.timer.next - w.now, 'left')}`,
    `${label('Triggers')}● ${u.timer.activates}`,
  ];
}

export function statusText(w: HostState, u: Unit, withLogs: boolean): string {
  const preset = isOldSystemd(w) ? 'vendor preset' : 'preset';
  const lines = [
    `${bullet(u)} ${u.name} - ${u.description}`,
    `${label('Loaded')}loaded (${u.path}; ${u.enabled}; ${preset}: enabled)`,
    `${label('Active')}${activeLine(w, u)}`,
    ...timerBlock(w, u),
  ];
  const procs = unitProcesses(w, u);
  if (u.active === 'active' && procs.length > 0) lines.push(...processBlock(w, u, procs));
  const logs = withLogs
    ? w.logs(0, w.now).filter((e) => e.unit === u.name && e.time <= w.now).slice(-10)
    : [];
  if (logs.length > 0) {
    lines.push('', ...logs.map((e) => `${journalShort(e.time, w.host.timezone)} ${w.host.hostname} ${tag(e)}: ${e.message}`));
  }
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * who (coreutils 9.4): the records of utmp, from the world's boot and login
 * facts. utmp holds, in file order: the boot record, the run-level record
 * (systemd-update-utmp, when the default target is reached: run-level 5 for
 * graphical.target), a LOGIN record per getty waiting on a console, then one
 * slot per terminal line: the open session on it (USER_PROCESS), or the
 * DEAD_PROCESS sshd left when the last session on it closed. Each line is
 * printed as who's print_line lays it out (name %-8s, line %-12s, time,
 * idle %-6s and pid %10s when not short, comment %-8s, exit %-12s),
 * trailing blanks dropped. `who /var/log/wtmp` lists wtmp's records.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Login } from '../../world/types';
import { isoMinutes, pad2 } from '../../world/time-format';
import { utmpEntries, utmpPid } from './utmp';
import { parseWho, type WhoFlags } from './who-args';

export const whoOptions: OptionSupport[] = [
  { flag: '-a -b -d -l -p -r -t -T/-w -u -H -q -s -m, am i', support: 'full' },
  { flag: 'FILE (/run/utmp, /var/run/utmp, /var/log/wtmp)', support: 'full' },
  { flag: '-p, -t', support: 'partial', note: 'systemd leaves no INIT_PROCESS or clock-change records, so they print nothing' },
  { flag: '--lookup', support: 'partial', note: 'the lab has no DNS: addresses stay as they are, as when a lookup fails' },
  { flag: 'FILE (any other)', support: 'none', note: 'only the utmp and wtmp files are modelled' },
];

/** who -u IDLE: `.` when active in the last minute, `old` after a day, else HH:MM. */
export function idleText(idleMs: number): string {
  const s = Math.floor(idleMs / 1000);
  if (s < 60) return '  .  ';
  if (s >= 86_400) return ' old ';
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}`;
}

/** Time since anything ran on the login's tty started (the tty's atime). */
export function ttyIdleMs(world: HostState, l: Login): number {
  const starts = world.processes.filter((p) => p.tty === l.tty).map((p) => p.startTime);
  return Math.max(0, world.now - Math.max(l.loginAt, ...starts));
}

export type Rec =
  | { kind: 'boot'; time: number }
  | { kind: 'runlevel'; time: number; level: string }
  | { kind: 'login'; time: number; line: string; pid: number }
  | { kind: 'user'; time: number; login: Login; open: boolean }
  | { kind: 'dead'; time: number; line: string; pid: number };

const utId = (line: string): string => line.slice(-4);

function systemRecords(w: HostState): Rec[] {
  const graphical = w.units.some((u) => u.name === 'graphical.target') ||
    !w.units.some((u) => u.name === 'multi-user.target');
  const target = w.units.find((u) => u.name === (graphical ? 'graphical.target' : 'multi-user.target'));
  // A container never booted as a machine: no boot or run-level records.
  const recs: Rec[] = w.host.container ? [] : [{ kind: 'boot', time: w.host.bootTime },
    { kind: 'runlevel', time: target?.since ?? w.host.bootTime, level: graphical ? '5' : '3' }];
  for (const p of w.processes) {
    if (p.comm === 'agetty' && p.tty) recs.push({ kind: 'login', time: p.startTime, line: p.tty, pid: p.pid });
  }
  return recs;
}

/** /run/utmp: one slot per line, holding the line's latest session. */
export function utmpRecords(w: HostState): Rec[] {
  const open = new Set(utmpEntries(w));
  const slots = new Map<string, Login>();
  const seen = w.logins.filter((l) => l.loginAt <= w.now).sort((a, b) => a.loginAt - b.loginAt);
  for (const l of seen) {
    if (!open.has(l) && (l.logoutAt ?? Infinity) > w.now) continue;
    slots.set(l.tty, l);
  }
  return [...systemRecords(w), ...[...slots.values()].map((l): Rec => (open.has(l)
    ? { kind: 'user', time: l.loginAt, login: l, open: true }
    : { kind: 'dead', time: l.logoutAt ?? w.now, line: l.tty, pid: utmpPid(w, l) }))];
}

/** /var/log/wtmp: every record in the order it was appended. */
export function wtmpRecords(w: HostState): Rec[] {
  const open = new Set(utmpEntries(w));
  const recs = systemRecords(w).filter((r) => r.kind !== 'login');
  for (const l of w.logins.filter((x) => x.loginAt <= w.now)) {
    recs.push({ kind: 'user', time: l.loginAt, login: l, open: open.has(l) });
    if (l.logoutAt !== undefined && l.logoutAt <= w.now) {
      recs.push({ kind: 'dead', time: l.logoutAt, line: l.tty, pid: utmpPid(w, l) });
    }
  }
  return recs.sort((a, b) => a.time - b.time);
}

interface Cell { user: string; state: string; line: string; time: string; idle: string; pid: string; comment: string; exit: string }

function layout(f: WhoFlags, c: Cell): string {
  let s = c.user.slice(0, 32).padEnd(8) + (f.mesg ? ` ${c.state}` : '') + ` ${c.line.padEnd(12)}` +
    ` ${c.time.padEnd(16)}`;
  if (f.idle && !f.short) s += ` ${c.idle.padEnd(6)}`;
  if (!f.short) s += ` ${c.pid.padStart(10)}`;
  s += ` ${c.comment.padEnd(8)}`;
  if (f.exit) s += ` ${c.exit.padEnd(12)}`;
  return s.trimEnd();
}

function cell(w: HostState, r: Rec): Cell | undefined {
  const time = isoMinutes(r.time, w.host.timezone);
  const base = { user: '', state: ' ', time, idle: '', pid: '', comment: '', exit: '' };
  switch (r.kind) {
    case 'boot': return { ...base, line: 'system boot' };
    case 'runlevel': return { ...base, line: `run-level ${r.level}` };
    case 'login': return { ...base, user: 'LOGIN', line: r.line, pid: String(r.pid), comment: `id=${utId(r.line)}` };
    case 'dead':
      return { ...base, line: r.line, pid: String(r.pid), comment: `id=${utId(r.line)}`, exit: 'term=0 exit=0' };
    case 'user': {
      const l = r.login;
      // The pty is mode 620, group tty (writable: +); a closed session's pty is gone (?).
      const idle = r.open ? idleText(l.self ? 0 : ttyIdleMs(w, l)) : '  ?';
      return { ...base, user: l.user, state: r.open ? '+' : '?', line: l.tty, idle,
        pid: String(utmpPid(w, l)), comment: l.host ? `(${l.host})` : '' };
    }
  }
}

function wanted(f: WhoFlags, r: Rec): boolean {
  switch (r.kind) {
    case 'user': return f.users;
    case 'runlevel': return f.runlevel;
    case 'boot': return f.boot;
    case 'login': return f.login;
    case 'dead': return f.dead;
  }
}

const lineOf = (r: Rec): string =>
  r.kind === 'user' ? r.login.tty : r.kind === 'login' || r.kind === 'dead' ? r.line : '~';

function run(ctx: ToolContext): ToolResult {
  const f = parseWho(ctx.argv.slice(1));
  if (typeof f === 'string') return { stdout: '', stderr: f, exitCode: 1 };
  const w = ctx.world;
  const recs = f.file === 'wtmp' ? wtmpRecords(w) : utmpRecords(w);
  if (f.count) {
    const names = recs.flatMap((r) => (r.kind === 'user' ? [r.login.user] : []));
    return out([names.join(' '), `# users=${names.length}`]);
  }
  const lines: string[] = [];
  if (f.heading) {
    lines.push(layout(f, { user: 'NAME', state: ' ', line: 'LINE', time: 'TIME', idle: 'IDLE', pid: 'PID',
      comment: 'COMMENT', exit: 'EXIT' }));
  }
  const mine = w.logins.find((l) => l.self && l.logoutAt === undefined)?.tty;
  if (f.mine && !mine) return out(lines);
  for (const r of recs) {
    if (f.mine && lineOf(r) !== mine) continue;
    const c = wanted(f, r) ? cell(w, r) : undefined;
    if (c) lines.push(layout(f, c));
  }
  return out(lines);
}

function out(lines: string[]): ToolResult {
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const whoTool: Tool = { name: 'who', summary: 'show who is logged on', options: whoOptions, run };

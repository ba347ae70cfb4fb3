/**
 * who (coreutils 9): the open sessions in utmp. Columns: name %-8s, line
 * %-12s, time `YYYY-MM-DD HH:MM`, then `(host)`. -u adds idle and pid, -H a
 * header, -q the names and a count, -b the boot time, `who am i` / -m the
 * trainee's own session.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Login } from '../../world/types';
import { isoMinutes, pad2 } from '../../world/time-format';
import { utmpEntries } from './utmp';

export const whoOptions: OptionSupport[] = [
  { flag: '-H', support: 'full' }, { flag: '-q', support: 'full' },
  { flag: '-b', support: 'full' }, { flag: '-u', support: 'full' },
  { flag: '-m / am i', support: 'full', note: 'the login marked self' },
  { flag: '-a / -d / -l / -p / -r / -t / -T', support: 'none', note: 'dead, init, runlevel and message-status records are not modelled' },
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

function row(world: HostState, l: Login, withIdle: boolean): string {
  const tz = world.host.timezone;
  let s = `${l.user.padEnd(8)} ${l.tty.padEnd(12)} ${isoMinutes(l.loginAt, tz)}`;
  if (withIdle) s += ` ${idleText(l.self ? 0 : ttyIdleMs(world, l)).padEnd(6)} ${String(l.pid).padStart(10)}`;
  if (l.host) s += ` (${l.host})`;
  return s;
}

function run(ctx: ToolContext): ToolResult {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('--')) {
      const long: Record<string, string> = { '--heading': 'H', '--count': 'q', '--boot': 'b', '--users': 'u' };
      const f = Object.hasOwn(long, a) ? long[a] : undefined;
      if (!f) return usage(`who: unrecognized option '${a}'`);
      flags.add(f);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (!'Hqbum'.includes(ch)) return usage(`who: invalid option -- '${ch}'`);
        flags.add(ch);
      }
    } else rest.push(a);
  }
  if (rest.length === 2) flags.add('m');
  const w = ctx.world;
  let entries = utmpEntries(w);
  if (flags.has('m')) entries = entries.filter((l) => l.self);
  if (flags.has('q')) {
    const names = entries.map((l) => l.user).join(' ');
    return { stdout: `${names}\n# users=${entries.length}\n`, stderr: '', exitCode: 0 };
  }
  const lines: string[] = [];
  if (flags.has('H')) {
    lines.push(flags.has('u') ? 'NAME     LINE         TIME             IDLE          PID COMMENT'
      : 'NAME     LINE         TIME             COMMENT');
  }
  if (flags.has('b')) {
    lines.push(`${''.padEnd(8)} ${'system boot'.padEnd(12)} ${isoMinutes(w.host.bootTime, w.host.timezone)}`);
    if (flags.size === 1 || (flags.size === 2 && flags.has('H'))) return out(lines);
  }
  lines.push(...entries.map((l) => row(w, l, flags.has('u'))));
  return out(lines);
}

function out(lines: string[]): ToolResult {
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

function usage(msg: string): ToolResult {
  return { stdout: '', stderr: `${msg}\nTry 'who --help' for more information.\n`, exitCode: 1 };
}

export const whoTool: Tool = { name: 'who', summary: 'show who is logged on', options: whoOptions, run };

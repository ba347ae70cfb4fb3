/**
 * w (procps-ng 4): the uptime line, then one row per open session: USER
 * %-8.8s, TTY %-8.8s, FROM %-16.16s, LOGIN@, IDLE, JCPU, PCPU (7 wide each,
 * procps's interval form) and WHAT. WHAT is the tty's foreground process
 * (a `+` in its state), else the session's newest process; for the trainee's
 * own session it is this `w` command. -h drops the headers, -s the
 * LOGIN@/JCPU/PCPU columns, -f the FROM column; a user name filters.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Login, Process } from '../../world/types';
import { DAYS, localTime, MONTHS, pad2 } from '../../world/time-format';
import { uptimeLine } from '../hostinfo/uptime';
import { commandLine } from '../procfs/processes';
import { ttyIdleMs } from '../who/who';
import { utmpEntries } from '../who/utmp';

export const wOptions: OptionSupport[] = [
  { flag: '-h', support: 'full' }, { flag: '-s', support: 'full' },
  { flag: '-f', support: 'full' }, { flag: 'USER', support: 'full' },
  { flag: '-i / -o / -u', support: 'none', note: 'IP display and old style are not modelled' },
];

/** procps print_time_ival7: 7 columns. */
export function ival7(seconds: number, centis = 0): string {
  const t = Math.max(0, Math.floor(seconds));
  if (t >= 48 * 3600) return ` ${String(Math.floor(t / 86_400)).padStart(2)}days`;
  if (t >= 3600) return ` ${String(Math.floor(t / 3600)).padStart(2)}:${pad2(Math.floor(t / 60) % 60)}m`;
  if (t > 60) return ` ${String(Math.floor(t / 60)).padStart(2)}:${pad2(t % 60)} `;
  return ` ${String(t).padStart(2)}.${pad2(centis)}s`;
}

/** procps print_logintime: ` HH:MM  ` today, ` DayHH  ` this week, ` DDMonYY` older. */
export function loginTime(world: HostState, at: number): string {
  const tz = world.host.timezone;
  const t = localTime(at, tz);
  const now = localTime(world.now, tz);
  const ago = (world.now - at) / 1000;
  if (ago > 12 * 3600 && (t.yday !== now.yday || t.year !== now.year)) {
    if (ago > 6 * 86_400) return ` ${pad2(t.day)}${MONTHS[t.month]}${pad2(t.year % 100)}`;
    return ` ${DAYS[t.wday]}${pad2(t.hour)}  `;
  }
  return ` ${pad2(t.hour)}:${pad2(t.minute)}  `;
}

function ttyProcs(world: HostState, l: Login): Process[] {
  return world.processes.filter((p) => p.tty === l.tty);
}

function what(world: HostState, l: Login, self: string): { text: string; cpu: number } {
  if (l.self) return { text: self, cpu: 0 };
  const procs = ttyProcs(world, l).sort((a, b) => b.startTime - a.startTime || b.pid - a.pid);
  const fg = procs.find((p) => p.stat.includes('+')) ?? procs[0];
  return fg ? { text: commandLine(fg), cpu: fg.cpuSeconds } : { text: '-', cpu: 0 };
}

const secs = (x: number): [number, number] => [Math.floor(x), Math.round((x % 1) * 100) % 100];

function row(world: HostState, l: Login, o: { short: boolean; from: boolean }, self: string): string {
  let s = `${l.user.slice(0, 8).padEnd(9)}${l.tty.slice(0, 8).padEnd(9)}`;
  if (o.from) s += l.host.slice(0, 16).padEnd(16);
  const w = what(world, l, self);
  const idle = l.self ? 0 : ttyIdleMs(world, l) / 1000;
  const jcpu = ttyProcs(world, l).reduce((sum, p) => sum + p.cpuSeconds, 0);
  if (!o.short) s += loginTime(world, l.loginAt);
  s += ival7(...secs(idle));
  if (!o.short) s += ival7(...secs(jcpu)) + ival7(...secs(w.cpu));
  return `${s} ${w.text}`;
}

function header(o: { short: boolean; from: boolean }): string {
  const lead = `USER     TTY      ${o.from ? 'FROM'.padEnd(17) : ' '}`;
  return lead + (o.short ? '  IDLE WHAT' : 'LOGIN@   IDLE   JCPU   PCPU WHAT');
}

function run(ctx: ToolContext): ToolResult {
  const o = { short: false, from: true, noHeader: false };
  let user: string | undefined;
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (const ch of a.slice(1)) {
        if (ch === 'h') o.noHeader = true;
        else if (ch === 's') o.short = true;
        else if (ch === 'f') o.from = !o.from;
        else return usage(`w: invalid option -- '${ch}'`);
      }
    } else if (a.startsWith('--')) return usage(`w: unrecognized option '${a}'`);
    else user = a;
  }
  const self = ctx.argv.join(' ');
  const entries = utmpEntries(ctx.world).filter((l) => user === undefined || l.user === user);
  const lines = o.noHeader ? [] : [uptimeLine(ctx.world), header(o)];
  lines.push(...entries.map((l) => row(ctx.world, l, o, self)));
  return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

function usage(msg: string): ToolResult {
  return {
    stdout: '', exitCode: 1,
    stderr: `${msg}\n\nUsage:\n w [options] [user]\n\nFor more details see w(1).\n`,
  };
}

export const wTool: Tool = { name: 'w', summary: 'show who is logged on and what they are doing', options: wOptions, run };

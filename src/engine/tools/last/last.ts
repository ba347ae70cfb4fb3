/**
 * last (util-linux 2.38): wtmp newest first. A row is user %-8.8s, tty
 * %-12.12s, host %-16.16s, the login time `Fri Dec  4 13:28`, then
 * `- 13:28  (00:09)` for a closed session; for an open one `still logged
 * in` when its leader process is alive with the user's login uid, else
 * `gone - no logout` (util-linux checks /proc/PID/loginuid the same way).
 * The trailer is `wtmp begins <ctime of the first record>`.
 * Reboot records are not in the world model, so none are printed.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Login } from '../../world/types';
import { ctimeForm, hhmm, lastForm, pad2 } from '../../world/time-format';
import { findProcess, loginUid, uidOf } from '../procfs/processes';
import { wtmpNewestFirst } from '../who/utmp';

export const lastOptions: OptionSupport[] = [
  { flag: '-n N / -N', support: 'full' }, { flag: '-a', support: 'full' },
  { flag: '-w', support: 'full' }, { flag: '-F', support: 'full' },
  { flag: 'USER / TTY', support: 'full' }, { flag: '-i', support: 'full', note: 'hosts are addresses already' },
  { flag: '-x / reboot', support: 'none', note: 'reboot and shutdown records are not in the world' },
  { flag: '-f FILE / -s / -t', support: 'none', note: 'one wtmp; time windows not implemented' },
];

interface Opts { max: number; hostLast: boolean; wide: boolean; full: boolean; names: string[] }

function duration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(m / 1440);
  const hm = `${pad2(Math.floor((m % 1440) / 60))}:${pad2(m % 60)}`;
  return d > 0 ? ` (${d}+${hm})` : ` (${hm})`;
}

function isLive(world: HostState, l: Login): boolean {
  const leader = findProcess(world, l.pid);
  return leader !== undefined && loginUid(world, l.pid) === uidOf(world, l.user);
}

function ends(world: HostState, l: Login, o: Opts): [string, string] {
  const tz = world.host.timezone;
  if (l.logoutAt !== undefined) {
    const out = o.full ? `- ${ctimeForm(l.logoutAt, tz)}` : `- ${hhmm(l.logoutAt, tz)}`;
    return [out, duration(l.logoutAt - l.loginAt)];
  }
  if (isLive(world, l)) return o.full ? ['  still logged in', ''] : ['  still', 'logged in'];
  return o.full ? ['  gone - no logout', ''] : ['   gone', '- no logout'];
}

function row(world: HostState, l: Login, o: Opts): string {
  const tz = world.host.timezone;
  const user = o.wide ? l.user.padEnd(8) : l.user.slice(0, 8).padEnd(8);
  const host = o.wide ? l.host.padEnd(16) : l.host.slice(0, 16).padEnd(16);
  const login = o.full ? ctimeForm(l.loginAt, tz) : lastForm(l.loginAt, tz);
  const [out, len] = ends(world, l, o);
  const outW = o.full ? 26 : 7;
  const tail = `${login} ${out.padEnd(outW)} ${len}`;
  if (o.hostLast) return `${user} ${l.tty.slice(0, 12).padEnd(12)} ${tail} ${l.host}`.trimEnd();
  return `${user} ${l.tty.slice(0, 12).padEnd(12)} ${host} ${tail}`.trimEnd();
}

function parse(args: string[]): Opts | string {
  const o: Opts = { max: Infinity, hostLast: false, wide: false, full: false, names: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (/^-\d+$/.test(a)) o.max = Number(a.slice(1));
    else if (a === '-n' || a === '--limit') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v)) return `last: failed to parse number: '${v ?? ''}'`;
      o.max = Number(v);
    } else if (/^-n\d+$/.test(a)) o.max = Number(a.slice(2));
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (const ch of a.slice(1)) {
        if (ch === 'a') o.hostLast = true;
        else if (ch === 'w') o.wide = true;
        else if (ch === 'F') o.full = true;
        else if (ch === 'i' || ch === 'd' || ch === 'R') continue;
        else return `last: invalid option -- '${ch}'`;
      }
    } else if (a.startsWith('--')) return `last: unrecognized option '${a}'`;
    else o.names.push(a);
  }
  return o;
}

function run(ctx: ToolContext): ToolResult {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    return { stdout: '', stderr: `${o}\nTry 'last --help' for more information.\n`, exitCode: 1 };
  }
  const w = ctx.world;
  const all = wtmpNewestFirst(w);
  const match = (l: Login): boolean => o.names.length === 0 ||
    o.names.some((n) => n === l.user || n === l.tty || `pts/${n}` === l.tty);
  const rows = all.filter(match).slice(0, o.max).map((l) => row(w, l, o));
  const first = all[all.length - 1]?.loginAt ?? w.host.bootTime;
  const trailer = `\nwtmp begins ${ctimeForm(first, w.host.timezone)}\n`;
  return { stdout: rows.map((r) => `${r}\n`).join('') + trailer, stderr: '', exitCode: 0 };
}

export const lastTool: Tool = { name: 'last', summary: 'show a listing of last logged in users', options: lastOptions, run };

/**
 * last and lastb (util-linux 2.39). last walks wtmp backwards: a login is
 * closed by the nearest later record on its line, a boot record ends what
 * was open before it (`crash`, or `down` after a shutdown), the newest boot
 * and run-level change are `still running`. `-x` adds run-level
 * (`runlevel (to lvl 5)`) and shutdown records, whose host is the kernel
 * release. lastb reads btmp the same way but shows each record as it is,
 * `- HH:MM (00:00)`. A row is user %-8.8s, line %-12.12s, host %-16.16s,
 * login %-16.16s (ctime, cut), logout %-7.7s and the length; -F widens the
 * times to 24 and 26. The trailer is `<file> begins <ctime of its first record>`.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState } from '../../world/types';
import { ctimeForm, pad2 } from '../../world/time-format';
import { parseLast, type LastOpts } from './last-args';
import { recordFiles, type UtRec } from './records';

export const lastOptions: OptionSupport[] = [
  { flag: '-n N / -N / --limit', support: 'full' }, { flag: '-a', support: 'full' },
  { flag: '-w', support: 'full' }, { flag: '-F', support: 'full' }, { flag: '-R', support: 'full' },
  { flag: 'USER / TTY / reboot', support: 'full' }, { flag: '-x', support: 'full' },
  { flag: '-i', support: 'full', note: 'system records show 0.0.0.0' },
  { flag: '-d', support: 'partial', note: 'the lab has no DNS: addresses stay as they are' },
  { flag: '-f FILE', support: 'partial', note: '/var/log/wtmp, /var/log/btmp and /run/utmp only' },
  { flag: '-s / -t', support: 'partial', note: 'YYYY-MM-DD [hh:mm[:ss]], hh:mm[:ss], now, today, yesterday, +/-N units' },
  { flag: '-p / --time-format', support: 'none', note: 'not simulated' },
];

type Why = 'normal' | 'reboot' | 'now' | 'phantom' | 'crash' | 'down';

interface Shown { rec: UtRec; out: number; why: Why; line: string }

function duration(secs: number): string {
  const mins = Math.floor(secs / 60) % 60;
  const hours = Math.floor(secs / 3600) % 24;
  const days = Math.floor(secs / 86_400);
  if (days) return `(${days}+${pad2(hours)}:${pad2(mins)})`;
  return ` (${pad2(hours)}:${pad2(mins)})`;
}

/** The two time cells: logout text and length. */
function ends(w: HostState, s: Shown, o: LastOpts): [string, string] {
  const full = o.full;
  const tz = w.host.timezone;
  const outAt = Math.floor(s.out / 1000);
  const secs = outAt - Math.floor(s.rec.time / 1000);
  let out = `- ${full ? ctimeForm(s.out, tz) : ctimeForm(s.out, tz).slice(11, 16)}`;
  let len = duration(secs);
  if (s.out === w.now) [out, len] = full ? ['  still running', ''] : ['  still', 'running'];
  switch (s.why) {
    case 'crash': return ['- crash', len];
    case 'down': return ['- down ', len];
    case 'now': return full ? ['  still logged in', ''] : ['  still', 'logged in'];
    case 'phantom': return full ? ['  gone - no logout', ''] : ['   gone', '- no logout'];
    default: return [out, len];
  }
}

function hostText(r: UtRec, o: LastOpts): string {
  if (!o.ip) return r.host;
  return /^[\d.]+$|:/.test(r.host) ? r.host : '0.0.0.0';
}

function row(w: HostState, s: Shown, o: LastOpts): string {
  const r = s.rec;
  const user = o.wide ? r.user.padEnd(8) : r.user.slice(0, 8).padEnd(8);
  const host = hostText(r, o);
  const hostCell = o.wide ? host.padEnd(16) : host.slice(0, 16).padEnd(16);
  const inW = o.full ? 24 : 16;
  const outW = o.full ? 26 : 7;
  const [out, len] = ends(w, s, o);
  const login = ctimeForm(r.time, w.host.timezone).slice(0, inW).padEnd(inW);
  const times = `${login} ${out.slice(0, outW).padEnd(outW)} ${len}`;
  const line = s.line.slice(0, 12).padEnd(12);
  if (!o.showHost) return `${user} ${line} ${times}`.trimEnd();
  if (o.hostLast) return `${user} ${line} ${times.padEnd(inW + outW + 14)} ${host}`.trimEnd();
  return `${user} ${line} ${hostCell} ${times}`.trimEnd();
}

function wanted(o: LastOpts, r: UtRec, line: string): boolean {
  if (o.names.length === 0) return true;
  return o.names.some((n) => n === r.user || n === line || (line.startsWith('tty') && line.slice(3) === n));
}

/** The walk of util-linux's process_wtmp_file, newest record first. */
function walk(w: HostState, recs: UtRec[], o: LastOpts, btmp: boolean): Shown[] {
  const shown: Shown[] = [];
  const later = new Map<string, number>();
  let lastboot = 0;
  let lastrch = w.now;
  let lastdown = w.now;
  let whydown: Why = 'crash';
  const list = (rec: UtRec, out: number, why: Why, line = rec.line): void => {
    if (wanted(o, rec, line)) shown.push({ rec, out, why, line });
  };
  for (const r of [...recs].reverse()) {
    if (o.since !== undefined && r.time < o.since) continue;
    if (o.until !== undefined && o.until < r.time) continue;
    if (btmp) { list(r, r.time, 'normal'); continue; }
    let down = false;
    if (r.type === 'shutdown') {
      if (o.extended) list(r, lastboot, 'normal', 'system down');
      lastdown = lastrch = r.time;
      down = true;
    } else if (r.type === 'boot') {
      list(r, lastdown, 'reboot', 'system boot');
      down = true;
    } else if (r.type === 'runlevel') {
      if (o.extended) list(r, lastrch, 'normal', `(to lvl ${r.level ?? '5'})`);
      lastrch = r.time;
    } else if (r.type === 'user' || r.type === 'dead') {
      if (r.type === 'user') {
        const end = later.get(r.line);
        if (end !== undefined) list(r, end, 'normal');
        else if (!lastboot) list(r, lastboot, r.live && r.time >= w.host.bootTime ? 'now' : 'phantom');
        else list(r, lastboot, whydown);
      }
      later.set(r.line, r.time);
    }
    if (down) {
      lastboot = r.time;
      whydown = r.type === 'shutdown' ? 'down' : 'crash';
      later.clear();
    }
  }
  return shown;
}

function run(ctx: ToolContext, lastb: boolean): ToolResult {
  const prog = lastb ? 'lastb' : 'last';
  const o = parseLast(ctx.argv.slice(1), prog, ctx.world);
  if (typeof o === 'string') return { stdout: '', stderr: o, exitCode: 1 };
  const w = ctx.world;
  const path = o.file ?? (lastb ? '/var/log/btmp' : '/var/log/wtmp');
  const file = recordFiles(w).find((f) => f.path === path || `/var${f.path}` === path);
  const fail = (why: string): ToolResult => ({ stdout: '', stderr: `${prog}: cannot open ${path}: ${why}\n`, exitCode: 1 });
  if (!file) return fail('No such file or directory');
  if (file.btmp && ctx.uid !== 0) return fail('Permission denied');
  let shown = walk(w, file.records, o, lastb);
  if (o.max !== undefined && o.max > 0) shown = shown.slice(0, o.max);
  const begins = file.records[0]?.time ?? file.mtime;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const trailer = `\n${name} begins ${ctimeForm(begins, w.host.timezone)}\n`;
  return { stdout: shown.map((s) => `${row(w, s, o)}\n`).join('') + trailer, stderr: '', exitCode: 0 };
}

export const lastTool: Tool = {
  name: 'last', summary: 'show a listing of last logged in users', options: lastOptions, run: (ctx) => run(ctx, false),
};

export const lastbTool: Tool = {
  name: 'lastb', summary: 'show a listing of bad login attempts', options: lastOptions, run: (ctx) => run(ctx, true),
};

/**
 * pkill and pgrep (procps-ng 4) and killall (psmisc 23): find or signal
 * processes by name. pgrep prints pids (-l with the name, -a with the
 * command line, -c a count, -d a delimiter).
 * pkill matches an extended regular expression against the 15-character
 * comm, or the whole command line with -f; -x anchors it; -u filters by
 * user; -n/-o keep the newest/oldest. killall matches the comm exactly.
 * Both return `kill` events and never signal themselves.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { Process, WorldEvent } from '../../world/types';
import { commandLine, uidOf } from '../procfs/processes';
import { signalNumber, unsignallable } from './signals';

interface Opts {
  signal: number; full: boolean; exact: boolean; users?: Set<number>; newest: boolean; oldest: boolean;
  names: string[]; list: '' | 'name' | 'full'; count: boolean; delimiter: string;
}

/** `-af` -> `-a -f`, for bundles of the boolean letters. */
function unbundle(args: string[]): string[] {
  return args.flatMap((a) => (/^-[fxenolac]{2,}$/.test(a) ? [...a.slice(1)].map((c) => `-${c}`) : [a]));
}

/**
 * -u LIST (effective uid) and -U LIST (real uid), joined or apart, and the
 * long forms; the world keeps one uid per process, so both match it.
 */
const USER_FLAG = /^(?:-[uU](.+)?|--(?:e?uid|user)(?:=(.*))?)$/;

/** A comma list of user names or uids, as procps reads it; a number need not be an account. */
function userList(ctx: ToolContext, list: string, tool: string): Set<number> | string {
  const users = new Set<number>();
  for (const item of list.split(',')) {
    const uid = /^\d+$/.test(item) ? Number(item) : uidOf(ctx.world, item);
    if (uid === undefined || item === '') {
      // procps warns and then prints its usage (not simulated); psmisc's killall says it its way.
      return tool === 'killall' ? `Cannot find user ${item}` : `${tool}: invalid user name: ${item}`;
    }
    users.add(uid);
  }
  return users;
}

function parse(raw: string[], tool: string, ctx: ToolContext): Opts | string {
  const args = unbundle(raw);
  const o: Opts = {
    signal: 15, full: false, exact: tool === 'killall', newest: false, oldest: false, names: [],
    list: '', count: false, delimiter: '\n',
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-f' || a === '--full') o.full = true;
    else if (a === '-x' || a === '--exact' || a === '-e') o.exact = true;
    else if (a === '-n' || a === '--newest') o.newest = true;
    else if (tool === 'pgrep' && (a === '-l' || a === '--list-name')) o.list = 'name';
    else if (tool === 'pgrep' && (a === '-a' || a === '--list-full')) o.list = 'full';
    else if (tool === 'pgrep' && (a === '-c' || a === '--count')) o.count = true;
    else if (tool === 'pgrep' && (a === '-d' || a === '--delimiter')) o.delimiter = args[++i] ?? '\n';
    else if (a === '-o' || a === '--oldest') o.oldest = true;
    else if (USER_FLAG.test(a)) {
      const joined = USER_FLAG.exec(a);
      const list = joined?.[1] ?? joined?.[2] ?? args[++i] ?? '';
      const users = userList(ctx, list, tool);
      if (typeof users === 'string') return users;
      o.users = users;
    } else if (a === '-s' || a === '--signal') {
      const n = signalNumber(args[++i] ?? '');
      if (n === undefined) return `${tool}: Unknown signal ${args[i] ?? ''}`;
      o.signal = n;
    } else if (/^-[A-Za-z0-9+]+$/.test(a) && signalNumber(a.slice(1)) !== undefined) o.signal = signalNumber(a.slice(1)) ?? 15;
    else if (a.startsWith('--signal=')) o.signal = signalNumber(a.slice(9)) ?? 15;
    else if (a.startsWith('-') && a.length > 1) return `${tool}: invalid option -- '${a.slice(1, 2)}'`;
    else o.names.push(a);
  }
  if (o.names.length === 0 && o.users === undefined) {
    return tool === 'killall' ? 'Usage: killall [OPTION]... [--] NAME...' : `${tool}: no matching criteria specified`;
  }
  return o;
}

function matcher(o: Opts, name: string): ((p: Process) => boolean) | string {
  if (o.exact && !o.full && name.length > 15) name = name.slice(0, 15);
  let re: RegExp;
  try {
    re = new RegExp(o.exact ? `^(?:${name})$` : name);
  } catch {
    return `pkill: cannot compile regular expression '${name}'`;
  }
  return (p) => re.test(o.full ? commandLine(p) : p.comm);
}

function matching(ctx: ToolContext, o: Opts, m: (p: Process) => boolean): Process[] {
  // The reading program (world.self) is never among its own matches.
  let hits = ctx.world.processes.filter((p) => p.pid !== ctx.world.self && m(p) &&
    (o.users === undefined || o.users.has(p.uid)));
  if (o.newest || o.oldest) {
    const sorted = [...hits].sort((a, b) => a.startTime - b.startTime || a.pid - b.pid);
    const pick = o.newest ? sorted[sorted.length - 1] : sorted[0];
    hits = pick ? [pick] : [];
  }
  return hits;
}

/** pgrep: the matching pids (or counts, names, command lines); exit 1 when none. */
function pgrep(ctx: ToolContext): ToolResult {
  const o = parse(ctx.argv.slice(1), 'pgrep', ctx);
  if (typeof o === 'string') return { stdout: '', stderr: `${o}\n`, exitCode: 2 };
  const patterns = o.names.length ? o.names : ['.'];
  const found = new Map<number, Process>();
  for (const name of patterns) {
    const m = matcher(o, name);
    if (typeof m === 'string') return { stdout: '', stderr: `${m.replace('pkill', 'pgrep')}\n`, exitCode: 2 };
    for (const p of matching(ctx, o, m)) found.set(p.pid, p);
  }
  const procs = [...found.values()].sort((a, b) => a.pid - b.pid);
  if (o.count) return { stdout: `${procs.length}\n`, stderr: '', exitCode: procs.length ? 0 : 1 };
  const items = procs.map((p) => (o.list === 'name' ? `${p.pid} ${p.comm}` : o.list === 'full' ? `${p.pid} ${commandLine(p)}` : String(p.pid)));
  const stdout = items.length ? `${items.join(o.delimiter)}\n` : '';
  return { stdout, stderr: '', exitCode: items.length ? 0 : 1 };
}

function signalAll(ctx: ToolContext, tool: string): ToolResult {
  const o = parse(ctx.argv.slice(1), tool, ctx);
  if (typeof o === 'string') return { stdout: '', stderr: `${o}\n`, exitCode: tool === 'pkill' ? 2 : 1 };
  const events: WorldEvent[] = [];
  let stderr = '';
  let sent = 0;
  // With only -u, every process of those users matches.
  const patterns = o.names.length ? o.names : ['.*'];
  for (const name of patterns) {
    const m = tool === 'killall' && o.names.length ? ((p: Process) => p.comm === name) : matcher(o, name);
    if (typeof m === 'string') return { stdout: '', stderr: `${m}\n`, exitCode: 2 };
    const hits = matching(ctx, o, m);
    if (hits.length === 0 && tool === 'killall' && o.names.length) stderr += `${name}: no process found\n`;
    for (const p of hits) {
      if (ctx.uid !== 0 && p.uid !== ctx.uid) {
        stderr += tool === 'pkill' ? `pkill: killing pid ${p.pid} failed: Operation not permitted\n`
          : `${name}(${p.pid}): Operation not permitted\n`;
        continue;
      }
      sent++;
      // kill(2) succeeds on init and kernel threads, which do not react.
      if (o.signal !== 0 && !unsignallable(p)) events.push({ type: 'kill', at: ctx.world.now, pid: p.pid, signal: o.signal });
    }
  }
  const ok = tool === 'pkill' ? sent > 0 : stderr === '';
  const r: ToolResult = { stdout: '', stderr, exitCode: ok ? 0 : 1 };
  if (events.length) r.events = events;
  return r;
}

const options: OptionSupport[] = [
  { flag: '-SIG / -s SIG', support: 'full' }, { flag: '-f / -x / -u / -n / -o', support: 'full' },
  { flag: '-g / -P / -t / -i / -w', support: 'none', note: 'groups, parents, ttys and interaction are not modelled' },
];

export const pkillTool: Tool = { name: 'pkill', summary: 'signal processes by name', options, run: (ctx) => signalAll(ctx, 'pkill') };
export const pgrepTool: Tool = { name: 'pgrep', summary: 'look up processes by name', options, run: pgrep };
export const killallTool: Tool = { name: 'killall', summary: 'kill processes by name', options, run: (ctx) => signalAll(ctx, 'killall') };

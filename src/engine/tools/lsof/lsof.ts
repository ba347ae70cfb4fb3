/**
 * lsof (4.95) over the world: selection by -i/-U, file names, +d/+D and
 * +L N (files) and -p/-u/-c (processes), ORed unless -a, with -s TCP/UDP
 * state filters, +L's NLINK column, -t terse
 * output, -n/-P/-l numeric forms and +c command width. Processes are
 * listed in pid order; an unprivileged user gets lsof's permission errors
 * for other users' processes and sees none of their sockets.
 */
import type { HostState, Process } from '../../world/types';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { hostsOf } from '../../net/hosts';
import { canInspect } from '../procnet/owners';
import { type LsofArgs, emptyArgs, readOptions } from './args';
import { type LsofFile, type NameFlags, processFiles, socketFiles, socketTables } from './entries';
import { addStates, parseInetSpec, specMatches, stateAllows } from './inetspec';
import { dirTarget, nameTargets, targetHit } from './names';
import { type LsofRow, renderLsof } from './render';
import { LSOF_USAGE } from './usage';

const full = (flag: string, note?: string): OptionSupport => ({ flag, support: 'full', note });
const part = (flag: string, note: string): OptionSupport => ({ flag, support: 'partial', note });
const none = (flag: string, note: string): OptionSupport => ({ flag, support: 'none', note });

export const LSOF_OPTIONS: OptionSupport[] = [
  full('-i [46][proto][@host][:port]'),
  full('-n'),
  full('-P'),
  full('-l'),
  full('-a'),
  full('-t'),
  full('-p PID[,^PID]'),
  full('-u USER[,^USER]'),
  full('-c CMD[,^CMD]'),
  full('+c N'),
  full('-s TCP:STATE[,^STATE]'),
  full('-U'),
  part('files (cwd, rtd, txt, mem)', 'sizes and inodes come from a small table of known files'),
  part('-c /regex/', 'the i modifier is honoured; b and x are accepted and ignored'),
  part('names', 'a file, directory or /; a path exists when the world knows it (no inode table)'),
  part('+d DIR, +D DIR', 'open files named in or under DIR; the world has no inode table'),
  part('+L [N], -L', 'NLINK column; the only deleted open files are ptys whose login ended (NLINK 0)'),
  none('-d, -D, -F, -g, -K, -m, -o, -r, -R, -S, -T, -x, -X, -Z', 'not simulated'),
];

const res = (stdout: string, stderr = '', exitCode = 0): ToolResult => ({
  stdout,
  stderr,
  exitCode,
});
const usageErr = (msg: string): ToolResult => res('', `${msg}\n${LSOF_USAGE}`, 1);

function listArg(value: string | undefined, into: { in: string[]; out: string[] }): void {
  for (const item of (value ?? '').split(',')) {
    if (!item) continue;
    if (item.startsWith('^')) into.out.push(item.slice(1));
    else into.in.push(item);
  }
}

function applyOne(
  flag: string,
  value: string | undefined,
  a: LsofArgs,
  world: HostState,
): string | undefined {
  switch (flag) {
    case '-a':
      a.and = true;
      return undefined;
    case '-t':
      a.terse = true;
      return undefined;
    case '-n':
      a.numericHost = true;
      return undefined;
    case '-P':
      a.numericPort = true;
      return undefined;
    case '-l':
      a.numericUser = true;
      return undefined;
    case '-U':
      a.unix = true;
      return undefined;
    case '-h':
    case '-?':
      a.help = true;
      return undefined;
    case '-i': {
      a.inet ??= [];
      if (value === undefined) return undefined;
      const r = parseInetSpec(value, hostsOf(world));
      if ('error' in r) return r.error;
      a.inet.push(r.ok);
      return undefined;
    }
    case '-s':
      return value !== undefined && value.includes(':') ? addStates(value, a.states) : undefined;
    case '+c': {
      if (value === undefined || !/^\d+$/.test(value))
        return 'lsof: +c not followed by width number';
      a.cmdLimit = Number(value) === 0 ? 15 : Math.min(15, Number(value));
      return undefined;
    }
    case '-c':
      listArg(value, a.cmds);
      return value ? undefined : 'lsof: missing -c option value';
    case '-u':
      return userArg(value, a, world);
    case '-p':
      return pidArg(value, a);
    case '+L':
      a.nlink.show = true;
      a.nlink.below = value === undefined ? 0 : Number(value);
      return undefined;
    case '-L':
      a.nlink.show = false;
      return value === undefined ? undefined : 'lsof: no number may follow -L';
    default:
      return undefined;
  }
}

function pidArg(value: string | undefined, a: LsofArgs): string | undefined {
  const l = { in: [] as string[], out: [] as string[] };
  listArg(value, l);
  for (const p of [...l.in, ...l.out])
    if (!/^\d+$/.test(p)) return `lsof: illegal process ID: ${p}`;
  if (!l.in.length && !l.out.length) return 'lsof: no process ID specified';
  a.pids.in.push(...l.in.map(Number));
  a.pids.out.push(...l.out.map(Number));
  return undefined;
}

function userArg(value: string | undefined, a: LsofArgs, world: HostState): string | undefined {
  const l = { in: [] as string[], out: [] as string[] };
  listArg(value, l);
  for (const u of [...l.in, ...l.out]) {
    if (!/^\d+$/.test(u) && !world.accounts.some((x) => x.name === u))
      return `lsof: can't get UID for ${u}`;
  }
  a.users.in.push(...l.in);
  a.users.out.push(...l.out);
  return undefined;
}

/** -c: a command-name prefix, or /regex/ with an optional i modifier. */
export function cmdMatches(comm: string, spec: string): boolean {
  const m = /^\/(.*)\/([ibx]*)$/.exec(spec);
  if (!m) return comm.startsWith(spec);
  try {
    return new RegExp(m[1] ?? '', (m[2] ?? '').includes('i') ? 'i' : '').test(comm);
  } catch {
    return false;
  }
}

function userOf(world: HostState, uid: number): string {
  return world.accounts.find((x) => x.uid === uid)?.name ?? String(uid);
}

function userIs(p: Process, names: string[], world: HostState): boolean {
  return names.some((n) => (/^\d+$/.test(n) ? Number(n) === p.uid : userOf(world, p.uid) === n));
}

interface Selector {
  a: LsofArgs;
  world: HostState;
}

function excluded(p: Process, { a, world }: Selector): boolean {
  return (
    a.pids.out.includes(p.pid) ||
    userIs(p, a.users.out, world) ||
    a.cmds.out.some((c) => cmdMatches(p.comm, c))
  );
}

/** Process-level selectors present and, for each, whether p matches. */
function procMatches(p: Process, { a, world }: Selector): boolean[] {
  const out: boolean[] = [];
  if (a.pids.in.length) out.push(a.pids.in.includes(p.pid));
  if (a.users.in.length) out.push(userIs(p, a.users.in, world));
  if (a.cmds.in.length) out.push(a.cmds.in.some((c) => cmdMatches(p.comm, c)));
  return out;
}

function fileMatches(f: LsofFile, a: LsofArgs): boolean[] {
  const out: boolean[] = [];
  if (a.inet) {
    const s = f.socket;
    const ok = !!s && (a.inet.length === 0 || a.inet.some((spec) => specMatches(spec, s)));
    out.push(ok && stateAllows(a.states, s!));
  }
  if (a.unix) out.push(!!f.unix);
  if (a.targets.length) out.push(a.targets.some((t) => targetHit(t, f)));
  if (a.nlink.below > 0) out.push(f.nlink !== undefined && f.nlink < a.nlink.below);
  return out;
}

function select(ctx: ToolContext, a: LsofArgs): LsofRow[] {
  const { world } = ctx;
  const sel: Selector = { a, world };
  const tables = socketTables(world);
  const names: NameFlags = {
    numericHost: a.numericHost,
    numericPort: a.numericPort,
    hosts: hostsOf(world),
  };
  const pathSel = a.targets.length > 0 || a.nlink.below > 0;
  const anyFileSel = a.inet !== undefined || a.unix || pathSel;
  const rows: LsofRow[] = [];
  for (const p of [...world.processes].sort((x, y) => x.pid - y.pid)) {
    if (excluded(p, sel)) continue;
    const pm = procMatches(p, sel);
    const procHit = pm.length > 0 && (a.and ? pm.every(Boolean) : pm.some(Boolean));
    if (a.and && pm.length && !procHit) continue;
    const readable = canInspect(p, ctx.uid);
    const wantAll = (!anyFileSel && (pm.length === 0 || procHit)) || (!a.and && procHit);
    if (!wantAll && !readable) continue;
    const files = wantAll || pathSel
      ? processFiles(world, p, readable, tables, names)
      : socketFiles(world, p, tables, names);
    const user = a.numericUser ? String(p.uid) : userOf(world, p.uid);
    const command = p.comm.slice(0, a.cmdLimit);
    for (const f of files) {
      if (!wantAll || (a.and && anyFileSel)) {
        const fm = fileMatches(f, a);
        if (!(a.and ? fm.every(Boolean) : fm.some(Boolean))) continue;
      }
      rows.push({ command, pid: p.pid, user, file: f });
    }
  }
  return rows;
}

function run(ctx: ToolContext): ToolResult {
  const read = readOptions(ctx.argv.slice(1));
  if ('error' in read) return usageErr(read.error);
  const a = emptyArgs();
  a.names = read.names;
  for (const o of read.options) {
    if (o.flag === '+d' || o.flag === '+D') {
      const t = dirTarget(ctx.world, o.value, ctx.cwd, o.flag === '+D');
      if (typeof t === 'string') return usageErr(t);
      a.targets.push(t);
      continue;
    }
    const err = applyOne(o.flag, o.value, a, ctx.world);
    if (err) return usageErr(err);
  }
  if (a.help) return res('', LSOF_USAGE);
  const named = nameTargets(ctx.world, a.names, ctx.cwd);
  a.targets.push(...named.targets);
  const stderr = named.errors.map((e) => `${e}\n`).join('');
  // Every name missing: nothing is left to select on, and lsof lists nothing.
  if (a.names.length && !named.targets.length && !a.targets.length) return res('', stderr, 1);
  const rows = select(ctx, a);
  const exit = rows.length === 0 || named.errors.length ? 1 : 0;
  if (a.terse) {
    const pids = [...new Set(rows.map((r) => r.pid))];
    return res(pids.map((p) => `${p}\n`).join(''), stderr, exit);
  }
  return res(rows.length ? renderLsof(rows, a.nlink.show) : '', stderr, exit);
}

export const lsofTool: Tool = {
  name: 'lsof',
  summary: 'list open files',
  options: LSOF_OPTIONS,
  run,
};

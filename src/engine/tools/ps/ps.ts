/**
 * ps (procps-ng 4.0): a snapshot of the world's processes.
 *
 * Choices worth knowing:
 * - ps lists itself, as the real one does. In the session it is a process of
 *   the world it reads (world.self, with the pid the host's counter gave
 *   it). Given a world without it, the row has pid = one more than the
 *   host's last pid (world.lastPid, else the largest pid in the world, and
 *   than the shell's), ppid = the shell, the trainee's uid and the shell's
 *   tty, state R+ (R without a tty).
 * - Lines are cut to $COLUMNS when the environment has it (procps reads the
 *   variable before asking the terminal); `w` widens to 132, `ww` removes
 *   the limit. Without COLUMNS nothing is cut, as when ps writes to a pipe.
 * - PID columns are 5 wide (a host with a 5-digit pid_max, as captured).
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { Process } from '../../world/types';
import { column, FORMATS, lookupColumn, type PsEnv, type Row } from './columns';
import { parsePsArgs, PsUsageError, USAGE, type PsArgs } from './args';
import { forestRows } from './forest';
import { renderPs, type Field } from './render';
import { sortRows } from './sort';
import { showsThreads, threadRows, withThreadColumns } from './threads';
import { findProcess, uidOf } from '../procfs/processes';

export const psOptions: OptionSupport[] = [
  { flag: 'aux / ax / u / x', support: 'full' },
  { flag: 'f / --forest / -H', support: 'full' },
  { flag: '-e / -A / -f', support: 'full' },
  { flag: '-p / p / --pid / --ppid', support: 'full' },
  { flag: '-u / -U / U / --user', support: 'full', note: 'effective and real uid are the same in the model' },
  { flag: '-C / -t', support: 'full' },
  { flag: '-o / o / --format', support: 'partial', note: 'common fields only (see columns.ts); wchan is the usual kernel wait function for the kind of process, cgroup the unit or login scope' },
  { flag: '--sort / k', support: 'partial', note: 'pid, ppid, user, %cpu, %mem, rss, vsz, start_time, etime, time, comm' },
  { flag: 'w / -w / --cols', support: 'full' },
  { flag: '--no-headers / h', support: 'full' },
  { flag: '-L / -T / H', support: 'full', note: 'one row per thread; -L adds LWP (and NLWP with -f), -T adds SPID' },
  { flag: '-l / -F / j / s / v / m / -m', support: 'none', note: 'long, job, signal formats and threads after processes are not modelled' },
  { flag: '-N / --deselect', support: 'none', note: 'negated selection not implemented' },
];

function shellProcess(ctx: ToolContext): Process | undefined {
  return findProcess(ctx.world, ctx.shellPid);
}

/** The row ps shows for itself. */
export function psSelf(ctx: ToolContext): Process {
  const max = Math.max(ctx.shellPid, ctx.world.lastPid ?? 0, ...ctx.world.processes.map((p) => p.pid));
  const shell = shellProcess(ctx);
  const tty = shell?.tty ?? null;
  return {
    pid: max + 1, ppid: ctx.shellPid, uid: ctx.uid, gid: shell?.gid ?? ctx.uid, comm: 'ps',
    argv: ctx.argv.map((a, i) => (i === 0 ? 'ps' : a)), exe: '/usr/bin/ps', cwd: ctx.cwd,
    env: [], tty, stat: tty ? 'R+' : 'R', startTime: ctx.world.now, vsz: 11084, rss: 4480,
    cpuSeconds: 0, fds: [],
  };
}

/** Whether the world already holds this ps as the process reading it. */
function listsItself(ctx: ToolContext): boolean {
  const self = ctx.world.self;
  return self !== undefined && findProcess(ctx.world, self)?.comm === 'ps';
}

function selected(p: Process, a: PsArgs, ctx: ToolContext, userIds: number[], shellTty: string | null): boolean {
  const explicit = a.pids.length + a.ppids.length + a.users.length + a.commands.length +
    a.ttys.length > 0;
  if (a.all || (a.bsdA && a.bsdX)) return true;
  if (a.pids.includes(p.pid) || a.ppids.includes(p.ppid)) return true;
  if (userIds.includes(p.uid)) return true;
  if (a.commands.includes(p.comm)) return true;
  if (p.tty && a.ttys.some((t) => t === p.tty || `pts/${t}` === p.tty)) return true;
  if (a.bsdA) return p.tty !== null;
  if (a.bsdX) return p.uid === ctx.uid;
  if (a.unixA) return p.tty !== null && !p.stat.includes('s');
  if (explicit) return false;
  if (a.bsdSyntax) return p.uid === ctx.uid && p.tty !== null;
  return p.uid === ctx.uid && p.tty === shellTty;
}

function formatFields(a: PsArgs): Field[] {
  const names: string[] = a.fields ? [...a.fields]
    : withThreadColumns(a.bsdUser ? [...FORMATS.user]
      : a.full ? [...FORMATS.full]
      : a.bsdSyntax ? [...FORMATS.bsd]
      : [...FORMATS.default], a);
  return names.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq >= 0 ? spec.slice(0, eq) : spec;
    const col = lookupColumn(name);
    if (!col) throw new PsUsageError(`unknown user-defined format specifier "${name}"`);
    return { col, header: eq >= 0 ? spec.slice(eq + 1) : col.header };
  });
}

function screenWidth(a: PsArgs, ctx: ToolContext): number {
  const env = Number(ctx.env.get('COLUMNS') ?? '');
  if (a.wide >= 2) return 0;
  if (!Number.isFinite(env) || env <= 0) return 0;
  return a.wide === 1 ? Math.max(env, 132) : env;
}

function fail(message: string): ToolResult {
  return { stdout: '', stderr: `error: ${message}\n${USAGE}`, exitCode: 1 };
}

function run(ctx: ToolContext): ToolResult {
  let a: PsArgs;
  let fields: Field[];
  try {
    a = parsePsArgs(ctx.argv.slice(1));
    fields = formatFields(a);
  } catch (e) {
    if (e instanceof PsUsageError) return fail(e.message);
    throw e;
  }
  if (a.version) return { stdout: 'ps from procps-ng 4.0.2\n', stderr: '', exitCode: 0 };
  if (a.help) return { stdout: USAGE.slice(1), stderr: '', exitCode: 0 };
  const userIds: number[] = [];
  for (const u of a.users) {
    const uid = uidOf(ctx.world, u);
    if (uid === undefined) return fail('user name does not exist');
    userIds.push(uid);
  }
  const all = listsItself(ctx) ? [...ctx.world.processes] : [...ctx.world.processes, psSelf(ctx)];
  const shellTty = shellProcess(ctx)?.tty ?? null;
  const procs = all.filter((p) => selected(p, a, ctx, userIds, shellTty)).sort((x, y) => x.pid - y.pid);
  const env: PsEnv = { world: ctx.world, now: ctx.world.now, tz: ctx.world.host.timezone };
  let rows: Row[] = a.forest ? forestRows(procs, a.forest)
    : showsThreads(a) ? threadRows(procs)
    : procs.map((p) => ({ p, prefix: '' }));
  if (a.sort.length > 0 && !a.forest) rows = sortRows(rows, a.sort, env);
  const stdout = renderPs(rows, fields, env, { headers: !a.noHeaders, width: screenWidth(a, ctx) });
  return { stdout, stderr: '', exitCode: rows.length > 0 ? 0 : 1 };
}

export const psTool: Tool = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  options: psOptions,
  run,
};

export { column };

/**
 * ss (iproute2 6.1): socket statistics over the world's sockets.
 *
 * Reads argv like ss (GNU getopt, state words, then a filter expression),
 * selects sockets the way ss's tables, families and states do, and prints
 * them with ss's measured column layout. See SS_OPTIONS for what is and is
 * not simulated.
 */
import type { Family, HostState } from '../../world/types';
import type { Tool, ToolContext, ToolResult } from '../types';
import { hostsOf } from '../../net/hosts';
import { buildOwnerIndex } from '../procnet/owners';
import { getopt } from './getopt';
import { SS_LONG, SS_OPTIONS, SS_SHORT } from './options';
import { type AfName, DB, Query } from './query';
import { parseFilter } from './filter';
import { COL, renderColumns, ssColumns } from './render';
import { type ShowFlags, selectLines } from './rows';
import { ssSummary } from './summary';
import { SS_USAGE } from './usage';

interface Flags {
  numeric: boolean;
  resolve: boolean;
  options: boolean;
  details: boolean;
  info: boolean;
  memory: boolean;
  processes: boolean;
  header: boolean;
  summary: boolean;
}

const FAMILIES: Record<string, AfName> = {
  inet: 'inet',
  inet6: 'inet6',
  link: 'packet',
  unix: 'unix',
  netlink: 'netlink',
  tipc: 'tipc',
  vsock: 'vsock',
  xdp: 'xdp',
};
const DB_KEYS: Record<string, number> = {
  d: DB.DCCP,
  t: DB.TCP,
  S: DB.SCTP,
  u: DB.UDP,
  w: DB.RAW,
  M: DB.MPTCP,
};
const AF_KEYS: Record<string, AfName> = {
  x: 'unix',
  '4': 'inet',
  '6': 'inet6',
  '0': 'packet',
  vsock: 'vsock',
  tipc: 'tipc',
  xdp: 'xdp',
};

const out = (stdout: string, stderr = '', exitCode = 0): ToolResult => ({
  stdout,
  stderr,
  exitCode,
});
const usage = (pre = ''): ToolResult => out('', pre + SS_USAGE, 255);

type Step = ToolResult | undefined;

function applyOption(key: string, value: string | undefined, q: Query, f: Flags): Step {
  if (key in DB_KEYS) q.setDb(DB_KEYS[key] as number, true);
  else if (key in AF_KEYS) q.setAf(AF_KEYS[key] as AfName);
  else if (key === 'n') f.numeric = true;
  else if (key === 'r') f.resolve = true;
  else if (key === 'o') f.options = true;
  else if (key === 'e') f.options = f.details = true;
  else if (key === 'i') f.info = true;
  else if (key === 'm') f.memory = true;
  else if (key === 'p') f.processes = true;
  else if (key === 'a') q.stateFilter = (1 << 12) - 1;
  else if (key === 'l') q.stateFilter = (1 << 10) | (1 << 7);
  else if (key === 's') f.summary = true;
  else if (key === 'H') f.header = false;
  else if (key === 'h') return out(SS_USAGE);
  else if (key === 'V' || key === 'v') return out('ss utility, iproute2-6.1.0\n');
  else if (key === 'f') return family(value ?? '', q);
  else if (key === 'A') {
    const bad = q.parseDbList(value ?? '');
    if (bad !== undefined) return usage(`ss: "${bad}" is illegal socket table id\n`);
  } else if (key === 'z' || key === 'Z') return out('', 'ss: SELinux is not enabled.\n', 1);
  else if (key === 'N') {
    return out('', `Cannot open network namespace "${value}": No such file or directory\n`, 1);
  } else if (key === 'D' || key === 'F' || key === 'K' || key === 'E') {
    return out('', `ss: option -${key} is not available in this lab\n`, 1);
  }
  return undefined;
}

function family(name: string, q: Query): Step {
  if (name === 'help') return out(SS_USAGE);
  const af = Object.prototype.hasOwnProperty.call(FAMILIES, name) ? FAMILIES[name] : undefined;
  if (!af) return usage(`ss: "${name}" is invalid family\n`);
  q.setAf(af);
  return undefined;
}

function ifindexOf(world: HostState): (name: string) => number | undefined {
  return (name) => world.interfaces.find((i) => i.name === name)?.index;
}

function congestionOf(world: HostState): string {
  return world.sockets.find((s) => s.info)?.info?.congestion ?? 'cubic';
}

/**
 * ss spreads its columns over the terminal's width only when stdout is a
 * terminal. The session says so by setting OUTBOUND_STDOUT_TTY=1 (and
 * COLUMNS) for a command whose output is not piped; otherwise ss prints the
 * compact layout of the captures.
 */
function screenWidth(ctx: ToolContext): number | undefined {
  if (ctx.env.get('OUTBOUND_STDOUT_TTY') !== '1') return undefined;
  const cols = Number(ctx.env.get('COLUMNS'));
  return Number.isInteger(cols) && cols > 0 ? cols : undefined;
}

function listing(ctx: ToolContext, q: Query, f: Flags, rest: string[], pre: string): ToolResult {
  const { world } = ctx;
  const preferred = q.preferred === 'inet' || q.preferred === 'inet6' ? q.preferred : undefined;
  const parsed = parseFilter(rest, {
    tcp: q.has(DB.TCP),
    udp: q.has(DB.UDP),
    preferred: preferred as Family | undefined,
    ifindex: ifindexOf(world),
  });
  if ('error' in parsed) {
    const err = `${parsed.error}\n`;
    return out(pre, err + (parsed.usage ? SS_USAGE : ''), parsed.exitCode);
  }
  if (parsed.family) q.families = new Set([parsed.family]);
  const columns = ssColumns();
  const single = (n: number): boolean => (n & (n - 1)) === 0;
  (columns[COL.NETID] as { disabled?: boolean }).disabled = single(q.dbs);
  (columns[COL.STATE] as { disabled?: boolean }).disabled = single(q.states);
  const show: ShowFlags = {
    ...f,
    hosts: hostsOf(world),
    congestion: congestionOf(world),
    owners: f.processes ? buildOwnerIndex(world, ctx.uid) : undefined,
  };
  const lines = selectLines(world, q, parsed.ok, show);
  return out(pre + renderColumns(columns, lines, f.header, screenWidth(ctx)));
}

function run(ctx: ToolContext): ToolResult {
  const prog = ctx.argv[0] ?? 'ss';
  const parsed = getopt(ctx.argv.slice(1), SS_SHORT, SS_LONG, prog);
  if (parsed.error) return usage(`${parsed.error}\n`);
  const q = new Query();
  const f: Flags = {
    numeric: false,
    resolve: false,
    options: false,
    details: false,
    info: false,
    memory: false,
    processes: false,
    header: true,
    summary: false,
  };
  for (const o of parsed.options) {
    const r = applyOption(o.key, o.value, q, f);
    if (r) return r;
  }
  let pre = '';
  if (f.summary) {
    pre = ssSummary(ctx.world);
    if (q.doDefault && parsed.operands.length === 0) return out(pre);
  }
  const st = q.takeStates(parsed.operands);
  if ('incomplete' in st) {
    return out(pre, 'Command line is not complete. Try option "help"\n', 255);
  }
  if ('wrong' in st) return out(pre, `ss: wrong state name: ${st.wrong}\n`, 255);
  q.finish();
  if (q.dbs === 0) return out(pre, 'ss: no socket tables to show with such filter.\n');
  if (q.families.size === 0) return out(pre, 'ss: no families to show with such filter.\n');
  if (q.states === 0) return out(pre, 'ss: no socket states to show with such filter.\n');
  return listing(ctx, q, f, st.rest, pre);
}

export const ssTool: Tool = {
  name: 'ss',
  summary: 'another utility to investigate sockets',
  options: SS_OPTIONS,
  run,
};

/**
 * conntrack -L (conntrack-tools 1.4.8 on Ubuntu 24.04, 1.4.7 on Debian 12,
 * 1.4.6 on Ubuntu 22.04): the world's flows, one per line:
 * `tcp      6 431980 ESTABLISHED src=... dst=... sport=... dport=... src=...
 * [ASSURED] mark=0 use=1`. The summary `conntrack v1.4.8 (conntrack-tools):
 * N flow entries have been shown.` goes to stderr, as the real tool writes
 * it. A flow that is not assured and has seen no reply (tcp SYN_SENT, any
 * udp/icmp flow) prints `[UNREPLIED]` before its reply tuple.
 * -D [filters] deletes the matching entries, -F all of them (world events,
 * see world/flow-delete.ts for what the lab simplifies).
 * Filters: -p, -s/--orig-src, -d/--orig-dst, --sport, --dport, -r, -q,
 * --state, -f family, -m mark; -C counts; -o extended adds the family.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { Flow, HostState } from '../../world/types';
import { canonicalIp } from '../../net';
import { flowKey } from '../../world/flow-delete';

export const conntrackOptions: OptionSupport[] = [
  { flag: '-L / --dump', support: 'full' }, { flag: '-C / --count', support: 'full' },
  { flag: '-p / -s / -d / -r / -q / --sport / --dport / --state / -m / -f', support: 'full' },
  { flag: '-o extended', support: 'full' },
  { flag: '-D / --delete, -F / --flush', support: 'partial', note: 'the entries leave the table; an open connection is not tracked again on its next packet as the kernel would' },
  { flag: '-E / -S / -U / -I / -G', support: 'none', note: 'events, statistics and other table changes are not simulated' },
];

/** The version the distribution ships (its profile's conntrack-tools). */
const RELEASE: Record<HostState['host']['distro'], string> = {
  'ubuntu-24.04': '1.4.8', 'ubuntu-22.04': '1.4.6', 'debian-12': '1.4.7',
};
const version = (w: HostState): string => `conntrack v${RELEASE[w.host.distro]} (conntrack-tools)`;
const PROTO_NUM: Record<Flow['proto'], number> = { tcp: 6, udp: 17, icmp: 1 };

interface Filter {
  proto?: string; src?: string; dst?: string; rsrc?: string; rdst?: string;
  sport?: number; dport?: number; state?: string; family?: 'ipv4' | 'ipv6'; mark?: number;
}

const unreplied = (f: Flow): boolean => !f.assured && (f.proto !== 'tcp' || f.state === 'SYN_SENT');

function tuple(f: Flow, t: Flow['orig']): string {
  if (f.proto === 'icmp') return `src=${t.src} dst=${t.dst} type=${t === f.orig ? 8 : 0} code=0 id=${t.sport}`;
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

export function flowLine(f: Flow, extended: boolean): string {
  const fam = f.orig.src.includes(':') ? 'ipv6     10 ' : 'ipv4     2 ';
  const parts = [`${f.proto.padEnd(8)} ${PROTO_NUM[f.proto]} ${f.timeout}`];
  if (f.proto === 'tcp' && f.state) parts.push(f.state);
  parts.push(tuple(f, f.orig));
  if (unreplied(f)) parts.push('[UNREPLIED]');
  parts.push(tuple(f, f.reply));
  if (f.assured) parts.push('[ASSURED]');
  parts.push(`mark=${f.mark}`, 'use=1');
  return (extended ? fam : '') + parts.join(' ');
}

function keep(f: Flow, o: Filter): boolean {
  if (o.proto && f.proto !== o.proto) return false;
  if (o.src && f.orig.src !== o.src) return false;
  if (o.dst && f.orig.dst !== o.dst) return false;
  if (o.rsrc && f.reply.src !== o.rsrc) return false;
  if (o.rdst && f.reply.dst !== o.rdst) return false;
  if (o.sport !== undefined && f.orig.sport !== o.sport) return false;
  if (o.dport !== undefined && f.orig.dport !== o.dport) return false;
  if (o.state && f.state !== o.state) return false;
  if (o.mark !== undefined && f.mark !== o.mark) return false;
  if (o.family && (o.family === 'ipv6') !== f.orig.src.includes(':')) return false;
  return true;
}

const ADDR_OPTS: Record<string, keyof Filter> = {
  '-s': 'src', '--src': 'src', '--orig-src': 'src', '-d': 'dst', '--dst': 'dst',
  '--orig-dst': 'dst', '-r': 'rsrc', '--reply-src': 'rsrc', '-q': 'rdst', '--reply-dst': 'rdst',
};

function fail(w: HostState, msg: string): ToolResult {
  return { stdout: '', stderr: `${version(w)}: ${msg}\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`, exitCode: 2 };
}

function run(ctx: ToolContext): ToolResult {
  const o: Filter = {};
  let command: 'L' | 'C' | 'D' | 'F' | undefined;
  let extended = false;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const val = (): string | undefined => args[++i];
    if (a === '-L' || a === '--dump') command = 'L';
    else if (a === '-C' || a === '--count') command = 'C';
    else if (a === '-D' || a === '--delete') command = 'D';
    else if (a === '-F' || a === '--flush') command = 'F';
    else if (Object.hasOwn(ADDR_OPTS, a)) {
      const v = val();
      const ip = v === undefined ? null : canonicalIp(v);
      if (!ip) return fail(ctx.world, `Bad parameter \`${v ?? ''}'`);
      const key = ADDR_OPTS[a];
      if (key === 'src' || key === 'dst' || key === 'rsrc' || key === 'rdst') o[key] = ip;
    } else if (a === '-p' || a === '--proto') {
      const v = (val() ?? '').toLowerCase();
      if (!['tcp', 'udp', 'icmp'].includes(v)) return fail(ctx.world, `proto \`${v}' not found`);
      o.proto = v;
    } else if (['--sport', '--orig-port-src', '--dport', '--orig-port-dst'].includes(a)) {
      const v = val() ?? '';
      if (!/^\d+$/.test(v)) return fail(ctx.world, `Bad parameter \`${v}'`);
      if (a === '--sport' || a === '--orig-port-src') o.sport = Number(v);
      else o.dport = Number(v);
    } else if (a === '--state') o.state = (val() ?? '').toUpperCase();
    else if (a === '-m' || a === '--mark') o.mark = Number(val() ?? 'NaN');
    else if (a === '-f' || a === '--family') {
      const v = val();
      if (v !== 'ipv4' && v !== 'ipv6') return fail(ctx.world, `Unknown family \`${v ?? ''}'`);
      o.family = v;
    } else if (a === '-o' || a === '--output') extended = (val() ?? '').split(',').includes('extended');
    else if (a === '-n' || a === '-g') continue;
    else return fail(ctx.world, `invalid option \`${a}'`);
  }
  if (!command) return fail(ctx.world, 'no command specified');
  if (ctx.uid !== 0) {
    return { stdout: '', stderr: `${version(ctx.world)}: Operation failed: Operation not permitted\n`, exitCode: 1 };
  }
  const flows = ctx.world.flows.filter((f) => keep(f, o));
  if (command === 'C') return { stdout: `${flows.length}\n`, stderr: '', exitCode: 0 };
  if (command === 'D' || command === 'F') return remove(ctx.world, command === 'F' ? ctx.world.flows : flows, command, extended);
  const stdout = flows.map((f) => `${flowLine(f, extended)}\n`).join('');
  const stderr = `${version(ctx.world)}: ${flows.length} flow entries have been shown.\n`;
  return { stdout, stderr, exitCode: 0 };
}

/**
 * -D prints the entries it deleted, as -L prints them, then the count;
 * -F empties the table. Either is a world event (world/flow-delete.ts).
 */
function remove(w: HostState, flows: Flow[], command: 'D' | 'F', extended: boolean): ToolResult {
  const events = flows.length ? [{ type: 'conntrack-delete' as const, at: w.now, flows: flows.map(flowKey) }] : [];
  if (command === 'F') {
    return { stdout: '', stderr: `${version(w)}: connection tracking table has been emptied.\n`, exitCode: 0, events };
  }
  const stdout = flows.map((f) => `${flowLine(f, extended)}\n`).join('');
  return { stdout, stderr: `${version(w)}: ${flows.length} flow entries have been deleted.\n`, exitCode: 0, events };
}

export const conntrackTool: Tool = {
  name: 'conntrack', summary: 'command line interface for netfilter connection tracking', options: conntrackOptions, run,
};

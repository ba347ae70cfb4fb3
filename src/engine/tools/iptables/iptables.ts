/**
 * iptables and ip6tables (iptables-nft or legacy, per the host's firewall
 * backend): list (-L, -S) and change (-A, -I, -D, -P, -F, -N, -X) the
 * world's rules. Changes print nothing and return `firewall` events, which
 * the session applies with world/firewall.ts.
 *
 * The world holds IPv4 rules only: ip6tables shows empty built-in chains
 * and refuses changes with a lab message. -Z is refused too: FirewallOp has
 * no kind that resets counters yet.
 */
import type { FirewallTable, HostState } from '../../world/types';
import { getTable, isTableName, listedChains } from '../../world/firewall';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { ParamError, ParsedCommand, Unsimulated, parseArgs } from './parse';
import { IptablesProfile, iptablesProfile } from './profile';
import { changeOps, runList, runListRules, toEvents } from './run';

export { iptablesSaveTool } from './iptables-save';

export const IPTABLES_OPTIONS: OptionSupport[] = [
  { flag: '-L [chain [rulenum]]', support: 'full' },
  { flag: '-S [chain]', support: 'full' },
  { flag: '-n, -v, -x, --line-numbers', support: 'full' },
  { flag: '-t filter|nat|mangle|raw', support: 'full' },
  { flag: '-A, -I [pos], -D (spec or number), -C', support: 'full' },
  { flag: '-P, -F, -N, -X', support: 'full' },
  { flag: '-Z', support: 'none', note: 'the world has no event that resets counters yet' },
  { flag: '-E, -R', support: 'none', note: 'rename and replace are not modelled' },
  {
    flag: '-p, -s, -d, -i, -o, --dport, --sport', support: 'partial',
    note: 'tcp, udp, icmp, all; IPv4 addresses only (no host names); no inverted -p',
  },
  { flag: '-m conntrack --ctstate, -m state --state', support: 'full' },
  { flag: '-m comment --comment', support: 'full' },
  {
    flag: '-j TARGET, --reject-with, --log-prefix, --log-level', support: 'partial',
    note: 'other target options are not read',
  },
  {
    flag: '-m (other matches)', support: 'none',
    note: 'not accepted on the command line; icmp, multiport, addrtype, limit and recent are '
      + "listed in ufw's rules (a limit always matches, ufw's recent --update never does)",
  },
  { flag: '-h', support: 'partial', note: 'prints the usage line only' },
  { flag: 'ip6tables', support: 'partial', note: 'empty tables; changes are refused' },
];

function tag(world: HostState, profile: IptablesProfile): string {
  return `v${profile.version} (${world.firewall.backend})`;
}

function paramProblem(
  prog: string, version: string, e: ParamError, p: IptablesProfile,
): ToolResult {
  const stderr = `${prog} ${version}: ${e.message}\n${e.stray && p.strayNewline ? '\n' : ''}`
    + `Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  return { stdout: '', stderr, exitCode: 2 };
}

function notRoot(
  prog: string, world: HostState, p: IptablesProfile, table: string,
): ToolResult {
  const version = tag(world, p);
  if (world.firewall.backend === 'nf_tables') {
    const stderr = `${prog} ${version}: Could not fetch rule set generation id: `
      + `Permission denied (you must be root)\n${p.strayNewline ? '\n' : ''}`;
    return { stdout: '', stderr, exitCode: 4 };
  }
  const stderr = `${prog} ${version}: can't initialize ${prog} table \`${table}': `
    + 'Permission denied (you must be root)\n'
    + 'Perhaps iptables or your kernel needs to be upgraded.\n';
  return { stdout: '', stderr, exitCode: 3 };
}

function noTable(prog: string, version: string, table: string): ToolResult {
  const stderr = `${prog} ${version}: can't initialize ${prog} table \`${table}': `
    + 'Table does not exist (do you need to insmod?)\n'
    + 'Perhaps iptables or your kernel needs to be upgraded.\n';
  return { stdout: '', stderr, exitCode: 3 };
}

function execute(
  ctx: ToolContext, cmd: ParsedCommand, t: FirewallTable, v6: boolean, p: IptablesProfile,
): ToolResult {
  if (cmd.kind === 'list' || cmd.kind === 'list-rules') {
    const res = cmd.kind === 'list' ? runList(t, cmd, p) : runListRules(t, cmd.chain, cmd.position);
    return v6 ? { ...res, stderr: res.stderr.replace(/^iptables:/, 'ip6tables:') } : res;
  }
  if (v6) {
    const stderr = 'ip6tables: changing IPv6 rules is not simulated in this lab\n';
    return { stdout: '', stderr, exitCode: 1 };
  }
  const ops = changeOps(t, cmd);
  if (!Array.isArray(ops)) return ops;
  return { stdout: '', stderr: '', exitCode: 0, events: toEvents(ctx.world, cmd.table, ops) };
}

function run(ctx: ToolContext, prog: 'iptables' | 'ip6tables'): ToolResult {
  const profile = iptablesProfile(ctx.world.host.distro);
  const version = tag(ctx.world, profile);
  let cmd: ParsedCommand;
  try {
    cmd = parseArgs(ctx.argv.slice(1));
  } catch (e) {
    if (e instanceof ParamError) return paramProblem(prog, version, e, profile);
    if (e instanceof Unsimulated) return { stdout: '', stderr: `${prog}: ${e.message}\n`, exitCode: 2 };
    throw e;
  }
  if (cmd.kind === 'version') return { stdout: `${prog} ${version}\n`, stderr: '', exitCode: 0 };
  if (cmd.kind === 'help') {
    const usage = `${prog} ${version}\n\n`
      + `Usage: ${prog} -[ACD] chain rule-specification [options]\n`;
    return { stdout: usage, stderr: '', exitCode: 0 };
  }
  if (!isTableName(cmd.table)) return noTable(prog, version, cmd.table);
  if (ctx.uid !== 0) return notRoot(prog, ctx.world, profile, cmd.table);
  const empty = { ...ctx.world.firewall, tables: [] };
  const held = getTable(prog === 'ip6tables' ? empty : ctx.world.firewall, cmd.table);
  const table = { ...held, chains: listedChains(held) };
  return execute(ctx, cmd, table, prog === 'ip6tables', profile);
}

export const iptablesTool: Tool = {
  name: 'iptables',
  summary: 'administration tool for IPv4 packet filtering and NAT',
  options: IPTABLES_OPTIONS,
  run: (ctx) => run(ctx, 'iptables'),
};

export const ip6tablesTool: Tool = {
  name: 'ip6tables',
  summary: 'administration tool for IPv6 packet filtering (empty in this lab)',
  options: IPTABLES_OPTIONS,
  run: (ctx) => run(ctx, 'ip6tables'),
};

/**
 * nft (nftables 1.0.6): `list ruleset|tables|table|chain` over the same
 * iptables rules, translated as iptables-nft stores them, plus the host's
 * native nftables tables (`world.firewall.nftNative`) after them. With the
 * legacy backend the iptables rules do not live in nftables, so only the
 * native tables show. Changing commands are not simulated.
 */
import type { FirewallTable, HostState } from '../../world/types';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { chainText, tableText, visibleChains } from './translate';

export const NFT_OPTIONS: OptionSupport[] = [
  { flag: 'list ruleset [family]', support: 'full' },
  { flag: 'list tables', support: 'full' },
  { flag: 'list table [family] NAME', support: 'full' },
  { flag: 'list chain [family] TABLE CHAIN', support: 'partial', note: 'iptables-nft tables only' },
  {
    flag: 'add/insert/delete/flush', support: 'none',
    note: 'changes go through iptables or ufw in this lab',
  },
  { flag: '-a, -n, -s, -j', support: 'none', note: 'accepted only as no-ops (-a, -n) or refused' },
];

const out = (stdout: string): ToolResult => ({ stdout, stderr: '', exitCode: 0 });

function syntaxError(cmd: string, what: string): ToolResult {
  return { stdout: '', stderr: `Error: ${what}\n${cmd}\n${'^'.repeat(cmd.length)}\n`, exitCode: 1 };
}

const CHANGES = ['add', 'insert', 'delete', 'flush', 'create', 'replace', 'destroy', 'reset'];

const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];

function iptTables(world: HostState): FirewallTable[] {
  if (world.firewall.backend !== 'nf_tables') return [];
  return world.firewall.tables.filter((t) => visibleChains(t).length > 0);
}

function native(world: HostState): string {
  const text = world.firewall.nftNative ?? '';
  return text && !text.endsWith('\n') ? `${text}\n` : text;
}

/** The native table block "table FAMILY NAME { ... }", or null. */
function nativeTable(world: HostState, family: string, name: string): string | null {
  const lines = native(world).split('\n');
  const start = lines.findIndex((l) => l.trim() === `table ${family} ${name} {`);
  if (start < 0) return null;
  const end = lines.findIndex((l, k) => k > start && l === '}');
  return `${lines.slice(start, end < 0 ? undefined : end + 1).join('\n')}\n`;
}

function listTables(world: HostState): string {
  const ipt = iptTables(world).map((t) => `table ip ${t.name}\n`);
  const nat = [...native(world).matchAll(/^table (\S+) (\S+) \{/gm)]
    .map((m) => `table ${m[1]} ${m[2]}\n`);
  return [...ipt, ...nat].join('');
}

function listRuleset(world: HostState, family?: string): string {
  const ipt = family === undefined || family === 'ip'
    ? iptTables(world).map((t) => tableText(t, visibleChains(t))).join('') : '';
  if (family === undefined) return ipt + native(world);
  const blocks = [...native(world).matchAll(/^table (\S+) (\S+) \{/gm)]
    .filter((m) => m[1] === family)
    .map((m) => nativeTable(world, m[1] ?? '', m[2] ?? '') ?? '');
  return ipt + blocks.join('');
}

/** `[family] name...`: the family word is optional and defaults to ip. */
function withFamily(args: string[]): [string, string[]] {
  const first = args[0];
  return first !== undefined && FAMILIES.includes(first) ? [first, args.slice(1)] : ['ip', args];
}

function list(ctx: ToolContext, args: string[], cmd: string): ToolResult {
  const world = ctx.world;
  const what = args[0];
  if (what === 'ruleset') return out(listRuleset(world, args[1]));
  if (what === 'tables') return out(listTables(world));
  const [family, rest] = withFamily(args.slice(1));
  const t = family === 'ip' ? iptTables(world).find((x) => x.name === rest[0]) : undefined;
  if (what === 'table' && rest.length === 1) {
    if (t) return out(tableText(t, visibleChains(t)));
    const n = nativeTable(world, family, rest[0] ?? '');
    return n ? out(n) : syntaxError(cmd, 'No such file or directory');
  }
  if (what === 'chain' && rest.length === 2) {
    const c = t && visibleChains(t).find((x) => x.name === rest[1]);
    if (!t || !c) return syntaxError(cmd, 'No such file or directory');
    const head = `# Warning: table ip ${t.name} is managed by iptables-nft, do not touch!\n`;
    return out(`${head}table ip ${t.name} {\n${chainText(t, c).join('\n')}\n}\n`);
  }
  return syntaxError(cmd, 'syntax error, unexpected end of file');
}

function run(ctx: ToolContext): ToolResult {
  const args = ctx.argv.slice(1).filter((a) => a !== '-a' && a !== '-n' && a !== '--handle');
  const cmd = args.join(' ');
  if (args.length === 0) {
    return { stdout: '', stderr: 'Error: syntax error, unexpected end of file\n', exitCode: 1 };
  }
  if (ctx.uid !== 0) {
    const stderr = 'Operation not permitted (you must be root)\n'
      + 'netlink: Error: cache initialization failed: Operation not permitted\n';
    return { stdout: '', stderr, exitCode: 1 };
  }
  const verb = args[0] ?? '';
  if (verb === 'list') return list(ctx, args.slice(1), cmd);
  if (CHANGES.includes(verb)) {
    const stderr = 'nft: changing nftables rules is not simulated in this lab\n';
    return { stdout: '', stderr, exitCode: 1 };
  }
  return syntaxError(cmd, `syntax error, unexpected ${verb.startsWith('-') ? 'option' : 'string'}`);
}

export const nftTool: Tool = {
  name: 'nft',
  summary: 'administration tool of the nftables framework for packet filtering',
  options: NFT_OPTIONS,
  run,
};

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
  {
    flag: 'errors', support: 'partial',
    note: 'syntax errors and missing tables/chains with their carets; no "did you mean" hints',
  },
];

const out = (stdout: string): ToolResult => ({ stdout, stderr: '', exitCode: 0 });

/**
 * nft's error: the message, the command line, and carets under the
 * characters it blames (`at` is the offset in the line, `len` how many;
 * the end of the input is one column past the last character).
 */
function nftError(cmd: string, what: string, at = 0, len = cmd.length): ToolResult {
  const stderr = `Error: ${what}\n${cmd}\n${' '.repeat(at)}${'^'.repeat(Math.max(1, len))}\n`;
  return { stdout: '', stderr, exitCode: 1 };
}

/** Offset of word `k` of `args` in their space-joined line. */
function offsetOf(args: string[], k: number): number {
  return args.slice(0, k).reduce((n, a) => n + a.length + 1, 0);
}

const TRAILING = 'syntax error, unexpected string, expecting end of file or newline or semicolon';

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

function listTables(world: HostState, family?: string): string {
  const ipt = family === undefined || family === 'ip'
    ? iptTables(world).map((t) => `table ip ${t.name}\n`) : [];
  const nat = [...native(world).matchAll(/^table (\S+) (\S+) \{/gm)]
    .filter((m) => family === undefined || m[1] === family)
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

/** How many words after `list WHAT` name the object ([family] then names). */
const NAMES: Readonly<Record<string, number>> = { ruleset: 0, tables: 0, table: 1, chain: 2 };

/** `list ...`: `args` is the whole command line, args[0] = "list". */
function list(ctx: ToolContext, args: string[]): ToolResult {
  const world = ctx.world;
  const cmd = args.join(' ');
  const what = args[1];
  const names = what === undefined ? undefined : NAMES[what];
  if (names === undefined) {
    return what === undefined
      ? nftError(cmd, 'syntax error, unexpected end of file', cmd.length, 1)
      : nftError(cmd, 'syntax error, unexpected string', offsetOf(args, 1), what.length);
  }
  const hasFamily = FAMILIES.includes(args[2] ?? '');
  const first = hasFamily ? 3 : 2;
  const family = hasFamily ? args[2] ?? 'ip' : 'ip';
  const rest = args.slice(first, first + names);
  if (rest.length < names) return nftError(cmd, 'syntax error, unexpected end of file', cmd.length, 1);
  const extra = first + names;
  if (args.length > extra) return nftError(cmd, TRAILING, offsetOf(args, extra), (args[extra] ?? '').length);
  if (what === 'ruleset') return out(listRuleset(world, hasFamily ? family : undefined));
  if (what === 'tables') return out(listTables(world, hasFamily ? family : undefined));
  const t = family === 'ip' ? iptTables(world).find((x) => x.name === rest[0]) : undefined;
  const missing = (k: number) => nftError(cmd, 'No such file or directory', offsetOf(args, first + k),
    (rest[k] ?? '').length);
  if (what === 'table') {
    if (t) return out(tableText(t, visibleChains(t)));
    const n = nativeTable(world, family, rest[0] ?? '');
    return n ? out(n) : missing(0);
  }
  if (!t) return missing(0);
  const c = visibleChains(t).find((x) => x.name === rest[1]);
  if (!c) return missing(1);
  const head = `# Warning: table ip ${t.name} is managed by iptables-nft, do not touch!\n`;
  return out(`${head}table ip ${t.name} {\n${chainText(t, c).join('\n')}\n}\n`);
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
  if (verb === 'list') return list(ctx, args);
  if (CHANGES.includes(verb)) {
    const stderr = 'nft: changing nftables rules is not simulated in this lab\n';
    return { stdout: '', stderr, exitCode: 1 };
  }
  const what = `syntax error, unexpected ${verb.startsWith('-') ? 'option' : 'string'}`;
  return nftError(cmd, what, 0, verb.length);
}

export const nftTool: Tool = {
  name: 'nft',
  summary: 'administration tool of the nftables framework for packet filtering',
  options: NFT_OPTIONS,
  run,
};

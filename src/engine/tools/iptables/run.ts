/**
 * Carrying out a parsed iptables command against the world's firewall:
 * listing commands render text, changing commands are checked the way the
 * kernel would refuse them and turned into `firewall` events.
 */
import type { FirewallOp, FirewallTable, HostState, WorldEvent } from '../../world/types';
import { isBuiltinChain } from '../../world/firewall';
import type { ToolResult } from '../types';
import type { ParsedCommand } from './parse';
import type { IptablesProfile } from './profile';
import { listChains, ruleLine } from './list';
import { ruleSpec } from './rule-text';

const NO_CHAIN = 'iptables: No chain/target/match by that name.\n';
const TARGETS = new Set([
  'ACCEPT', 'DROP', 'RETURN', 'REJECT', 'LOG', 'MASQUERADE', 'SNAT', 'DNAT',
  'REDIRECT', 'QUEUE', 'NFQUEUE', 'MARK', 'CONNMARK', 'NFLOG', 'TRACE', '',
]);

const fail = (stderr: string, exitCode = 1): ToolResult => ({ stdout: '', stderr, exitCode });
const ok = (stdout = ''): ToolResult => ({ stdout, stderr: '', exitCode: 0 });

type TableName = FirewallTable['name'];

export function runList(
  t: FirewallTable, cmd: ParsedCommand, profile: IptablesProfile,
): ToolResult {
  const { numeric, verbose, exact, lineNumbers } = cmd;
  const f = { numeric, verbose, exact, lineNumbers };
  if (cmd.chain === undefined) return ok(listChains(t, t.chains, f, profile));
  const c = t.chains.find((x) => x.name === cmd.chain);
  if (!c) return fail(NO_CHAIN);
  if (cmd.position === undefined) return ok(listChains(t, [c], f, profile));
  const rule = c.rules[cmd.position - 1];
  return rule ? ok(`${ruleLine(rule, cmd.position, f, profile)}\n`) : fail(NO_CHAIN);
}

/** `-S`: policies and new chains first, then every rule. */
export function runListRules(
  t: FirewallTable, chain: string | undefined, position?: number,
): ToolResult {
  const chains = chain === undefined ? t.chains : t.chains.filter((c) => c.name === chain);
  if (chains.length === 0) return fail(NO_CHAIN);
  if (position !== undefined) {
    const r = chains[0]?.rules[position - 1];
    return r ? ok(`-A ${chain} ${ruleSpec(r)}\n`) : fail(NO_CHAIN);
  }
  const heads = chains.map((c) => (c.policy ? `-P ${c.name} ${c.policy}` : `-N ${c.name}`));
  const rules = chains.flatMap((c) => c.rules.map((r) => `-A ${c.name} ${ruleSpec(r)}`.trimEnd()));
  return ok(`${[...heads, ...rules].join('\n')}\n`);
}

function validTarget(t: FirewallTable, target: string): boolean {
  return TARGETS.has(target) || t.chains.some((c) => c.name === target && !c.policy);
}

/** Changing commands: either an error as iptables words it, or the ops to apply. */
export function changeOps(t: FirewallTable, cmd: ParsedCommand): FirewallOp[] | ToolResult {
  const name = cmd.chain ?? '';
  const chain = t.chains.find((c) => c.name === name);
  switch (cmd.kind) {
    case 'append':
    case 'insert': {
      if (!chain || !validTarget(t, cmd.rule.target)) return fail(NO_CHAIN);
      if (cmd.kind === 'append') return [{ kind: 'append', chain: name, rule: cmd.rule }];
      const position = cmd.position ?? 1;
      if (position > chain.rules.length + 1) return fail('iptables: Index of insertion too big.\n');
      return [{ kind: 'insert', chain: name, position, rule: cmd.rule }];
    }
    case 'delete':
    case 'check':
      return deleteOps(t, cmd);
    case 'policy':
      if (!chain) return fail(NO_CHAIN);
      if (!chain.policy) return fail('iptables: Bad built-in chain name.\n');
      if (cmd.policy !== 'ACCEPT' && cmd.policy !== 'DROP') {
        return fail('iptables: Bad policy name.\n');
      }
      return [{ kind: 'policy', chain: name, policy: cmd.policy }];
    case 'flush':
      if (cmd.chain !== undefined && !chain) return fail(NO_CHAIN);
      return [{ kind: 'flush', chain: cmd.chain }];
    case 'new-chain':
      if (chain) return fail('iptables: Chain already exists.\n');
      if (name.length > 28) {
        return fail(`iptables: chain name \`${name}' too long (must be under 29 chars)\n`, 2);
      }
      return [{ kind: 'new-chain', chain: name }];
    case 'delete-chain':
      return deleteChainOps(t, cmd.chain);
    default:
      return fail('iptables: zeroing counters (-Z) is not simulated in this lab\n');
  }
}

function deleteOps(t: FirewallTable, cmd: ParsedCommand): FirewallOp[] | ToolResult {
  const name = cmd.chain ?? '';
  const chain = t.chains.find((c) => c.name === name);
  if (!chain) return fail(NO_CHAIN);
  if (cmd.kind === 'delete' && cmd.position !== undefined && !cmd.hasSpec) {
    if (cmd.position > chain.rules.length) return fail('iptables: Index of deletion too big.\n');
    return [{ kind: 'delete', chain: name, position: cmd.position }];
  }
  const want = ruleSpec(cmd.rule);
  const idx = chain.rules.findIndex((r) => ruleSpec(r) === want);
  if (idx < 0) return fail('iptables: Bad rule (does a matching rule exist in that chain?).\n');
  return cmd.kind === 'check' ? [] : [{ kind: 'delete', chain: name, position: idx + 1 }];
}

function referenced(t: FirewallTable, chain: string): boolean {
  return t.chains.some((c) => c.rules.some((r) => r.target === chain));
}

function deleteChainOps(t: FirewallTable, chain: string | undefined): FirewallOp[] | ToolResult {
  const user = t.chains.filter((c) => !c.policy);
  if (chain === undefined) {
    return user.filter((c) => c.rules.length === 0 && !referenced(t, c.name))
      .map((c) => ({ kind: 'delete-chain', chain: c.name }));
  }
  const c = t.chains.find((x) => x.name === chain);
  if (!c) return fail(NO_CHAIN);
  if (c.policy || isBuiltinChain(t.name as TableName, chain)) {
    return fail("iptables: Invalid argument. Run `dmesg' for more information.\n");
  }
  if (referenced(t, chain)) return fail('iptables: Too many links.\n');
  if (c.rules.length) return fail('iptables: Directory not empty.\n');
  return [{ kind: 'delete-chain', chain }];
}

export function toEvents(world: HostState, table: string, ops: FirewallOp[]): WorldEvent[] {
  return ops.map((op) => ({ type: 'firewall', at: world.now, table, op }));
}

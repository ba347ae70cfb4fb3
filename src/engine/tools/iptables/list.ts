/**
 * `iptables -L`: chains as tables of rules, printed with xtables' fixed
 * printf widths (the columns do not grow; long values push the rest right,
 * as they do in iptables).
 */
import type { FirewallChain, FirewallRule, FirewallTable } from '../../world/types';
import { IptablesProfile, protColumn } from './profile';
import { listAddress, matchColumn } from './rule-text';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const padEnd = (s: string, n: number) => s.padEnd(n);
const padStart = (s: string, n: number) => s.padStart(n);

/** xtables_print_num: K/M/G/T suffixes unless -x; `table` false drops the padding. */
export function formatCount(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${padStart(String(n), 8)} ` : `${n} `;
  if (n <= 99999) return table ? `${padStart(String(n), 5)} ` : `${n} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return table ? `${padStart(String(v), 4)}${unit} ` : `${v}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return table ? `${padStart(String(v), 4)}T ` : `${v}T `;
}

function references(table: FirewallTable, chain: string): number {
  let n = 0;
  for (const c of table.chains) for (const r of c.rules) if (r.target === chain) n++;
  return n;
}

function chainHeader(table: FirewallTable, c: FirewallChain, f: ListFormat): string {
  if (c.policy === undefined) return `Chain ${c.name} (${references(table, c.name)} references)`;
  if (!f.verbose) return `Chain ${c.name} (policy ${c.policy})`;
  const p = formatCount(c.packets, f.exact, false);
  const b = formatCount(c.bytes, f.exact, false);
  return `Chain ${c.name} (policy ${c.policy} ${p}packets, ${b}bytes)`;
}

function columnHeader(f: ListFormat): string {
  let s = f.lineNumbers ? `${padEnd('num', 4)} ` : '';
  if (f.verbose) {
    s += f.exact ? `${padStart('pkts', 8)} ${padStart('bytes', 10)} `
      : `${padStart('pkts', 5)} ${padStart('bytes', 5)} `;
  }
  s += `${padEnd('target', 9)}  prot opt`;
  if (f.verbose) s += ` ${padEnd('in', 6)} ${padEnd('out', 6)} `;
  return `${s} ${padEnd('source', 19)}  ${padEnd('destination', 19)} `;
}

function iface(name: string | undefined, negated: boolean | undefined): string {
  if (name === undefined) return '*';
  return `${negated ? '!' : ''}${name}`;
}

export function ruleLine(
  r: FirewallRule, num: number, f: ListFormat, profile: IptablesProfile,
): string {
  let s = f.lineNumbers ? `${padEnd(String(num), 4)} ` : '';
  if (f.verbose) s += formatCount(r.packets, f.exact) + formatCount(r.bytes, f.exact);
  s += `${padEnd(r.target, 9)} `;
  s += ` ${padEnd(protColumn(r.protocol, f.numeric, profile), 4)} `;
  s += '-- ';
  if (f.verbose) {
    s += ` ${padEnd(iface(r.inIface, r.inIfaceNegated), 6)} `;
    s += `${padEnd(iface(r.outIface, r.outIfaceNegated), 6)} `;
  }
  s += `${r.sourceNegated ? '!' : ' '}${padEnd(listAddress(r.source, f.numeric), 19)} `;
  s += `${r.destinationNegated ? '!' : ' '}`;
  s += `${padEnd(listAddress(r.destination, f.numeric), 19)} `;
  return s + matchColumn(r, f.numeric);
}

export function listChain(
  table: FirewallTable, c: FirewallChain, f: ListFormat, profile: IptablesProfile,
): string[] {
  const lines = [chainHeader(table, c, f), columnHeader(f)];
  c.rules.forEach((r, i) => lines.push(ruleLine(r, i + 1, f, profile)));
  return lines;
}

/** The whole `-L` output for the given chains, blank line between chains. */
export function listChains(
  table: FirewallTable, chains: FirewallChain[], f: ListFormat, profile: IptablesProfile,
): string {
  const blocks = chains.map((c) => listChain(table, c, f, profile).join('\n'));
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

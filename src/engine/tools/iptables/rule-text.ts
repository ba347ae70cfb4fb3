/**
 * A rule as text: the `-S` / iptables-save form, and the pieces `-L` prints
 * (addresses, the match column). Matches are printed in a fixed order
 * (protocol match, conntrack, comment), since the model keeps no order.
 */
import type { FirewallRule } from '../../world/types';
import { parseIPv4 } from '../../world/firewall';
import { serviceName } from './profile';
import { logListText } from './log-target';

const CT_ORDER = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

export function ctOrder(states: readonly string[]): string[] {
  return CT_ORDER.filter((s) => states.includes(s));
}

/** "10.0.0.5" -> "10.0.0.5/32"; "10.1.2.3/8" -> "10.0.0.0/8"; bad text unchanged. */
export function canonCidr(text: string): string {
  const [addr, len] = text.split('/');
  const n = parseIPv4(addr ?? '');
  const bits = len === undefined ? 32 : Number(len);
  if (n === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return text;
  const net = bits === 0 ? 0 : Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits);
  return `${formatIPv4(net)}/${bits}`;
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** An address as `iptables -L` prints it: host routes lose /32, 0/0 is `anywhere` without -n. */
export function listAddress(cidr: string | undefined, numeric: boolean): string {
  const c = canonCidr(cidr ?? '0.0.0.0/0');
  if (c === '0.0.0.0/0') return numeric ? c : 'anywhere';
  return c.endsWith('/32') ? c.slice(0, -3) : c;
}

/** xtables' quoting of a string option value (a comment, a log prefix). */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

function portText(
  p: number | [number, number], numeric: boolean, proto: 'tcp' | 'udp',
): string {
  const one = (n: number) => (numeric ? String(n) : serviceName(n, proto));
  return typeof p === 'number' ? one(p) : `${one(p[0])}:${one(p[1])}`;
}

function portSave(p: number | [number, number]): string {
  return typeof p === 'number' ? String(p) : `${p[0]}:${p[1]}`;
}

function neg(flag: boolean | undefined): string {
  return flag ? '! ' : '';
}

function hasPortMatch(r: FirewallRule): boolean {
  return (r.protocol === 'tcp' || r.protocol === 'udp')
    && (r.sport !== undefined || r.dport !== undefined);
}

/** ICMP types by number, as libxt_icmp names them (those the lab's rules use). */
export const ICMP_NAMES: Readonly<Record<number, string>> = {
  0: 'echo-reply', 3: 'destination-unreachable', 8: 'echo-request', 11: 'time-exceeded',
  12: 'parameter-problem',
};

/** ufw's two uses of -m recent, as libxt_recent saves and lists them. */
const RECENT_SAVE = {
  set: '--set --name DEFAULT --mask 255.255.255.255 --rsource',
  update: '--update --seconds 30 --hitcount 6 --name DEFAULT --mask 255.255.255.255 --rsource',
} as const;
const RECENT_LIST = {
  set: 'recent: SET name: DEFAULT side: source mask: 255.255.255.255',
  update: 'recent: UPDATE seconds: 30 hit_count: 6 name: DEFAULT side: source mask: 255.255.255.255',
} as const;

/** The rule's arguments after `-A CHAIN`, as `iptables -S` prints them. */
export function ruleSpec(r: FirewallRule): string {
  const out: string[] = [];
  if (r.source !== undefined) out.push(`${neg(r.sourceNegated)}-s ${canonCidr(r.source)}`);
  if (r.destination !== undefined) {
    out.push(`${neg(r.destinationNegated)}-d ${canonCidr(r.destination)}`);
  }
  if (r.inIface !== undefined) out.push(`${neg(r.inIfaceNegated)}-i ${r.inIface}`);
  if (r.outIface !== undefined) out.push(`${neg(r.outIfaceNegated)}-o ${r.outIface}`);
  if (r.protocol !== undefined && r.protocol !== 'all') out.push(`-p ${r.protocol}`);
  if (hasPortMatch(r)) {
    out.push(`-m ${r.protocol}`);
    if (r.sport !== undefined) out.push(`--sport ${portSave(r.sport)}`);
    if (r.dport !== undefined) out.push(`--dport ${portSave(r.dport)}`);
  }
  if (r.icmpType !== undefined) out.push(`-m icmp --icmp-type ${r.icmpType}`);
  if (r.multiport?.dports) out.push(`-m multiport --dports ${r.multiport.dports}`);
  if (r.multiport?.sports) out.push(`-m multiport --sports ${r.multiport.sports}`);
  if (r.dstType) out.push(`-m addrtype --dst-type ${r.dstType}`);
  if (r.ctstate?.length) out.push(`-m conntrack --ctstate ${ctOrder(r.ctstate).join(',')}`);
  if (r.limit) {
    const burst = r.limit.burst !== undefined && r.limit.burst !== 5;
    out.push(`-m limit --limit ${r.limit.rate}${burst ? ` --limit-burst ${r.limit.burst}` : ''}`);
  }
  if (r.recent) out.push(`-m recent ${RECENT_SAVE[r.recent]}`);
  if (r.comment !== undefined) out.push(`-m comment --comment ${saveString(r.comment)}`);
  if (r.target) out.push(`-j ${r.target}`);
  if (r.targetOptions) out.push(r.targetOptions);
  return out.join(' ');
}

/** Target options as `-L` shows them: "--reject-with x" -> "reject-with x". */
function targetOptionsList(r: FirewallRule, numeric: boolean): string {
  if (r.target === 'LOG') return logListText(r.targetOptions, numeric);
  if (!r.targetOptions) return '';
  return r.targetOptions.replace(/(^|\s)--([a-z-]+)/g, '$1$2');
}

/** The free-form column after destination in `iptables -L`, with its leading space. */
export function matchColumn(r: FirewallRule, numeric: boolean): string {
  let s = '';
  if (hasPortMatch(r)) {
    s += ` ${r.protocol}`;
    const proto = r.protocol === 'udp' ? 'udp' : 'tcp';
    const show = (name: string, p: number | [number, number]) =>
      ` ${name}${typeof p === 'number' ? '' : 's'}:${portText(p, numeric, proto)}`;
    if (r.sport !== undefined) s += show('spt', r.sport);
    if (r.dport !== undefined) s += show('dpt', r.dport);
  }
  if (r.icmpType !== undefined) {
    const name = ICMP_NAMES[r.icmpType];
    s += numeric || !name ? ` icmptype ${r.icmpType}` : ` icmp ${name}`;
  }
  if (r.multiport?.dports) s += ` multiport dports ${r.multiport.dports}`;
  if (r.multiport?.sports) s += ` multiport sports ${r.multiport.sports}`;
  if (r.dstType) s += ` ADDRTYPE match dst-type ${r.dstType}`;
  if (r.ctstate?.length) s += ` ctstate ${ctOrder(r.ctstate).join(',')}`;
  if (r.limit) s += ` limit: avg ${r.limit.rate} burst ${r.limit.burst ?? 5}`;
  if (r.recent) s += ` ${RECENT_LIST[r.recent]}`;
  if (r.comment !== undefined) s += ` /* ${r.comment} */`;
  const opts = targetOptionsList(r, numeric);
  if (opts) s += ` ${opts}`;
  return s;
}

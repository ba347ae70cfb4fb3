/**
 * ufw's chains in the filter table, as ufw 0.36 on Ubuntu loads them with
 * iptables-restore: `ufw enable` runs ufw-init start (the primary chains
 * and their jumps from INPUT, OUTPUT and FORWARD, the reject / track /
 * skip-to-policy rules for the default policies, before.rules, after.rules,
 * user.rules, the built-in policies) and then sets the logging rules of the
 * log level; a rule added or deleted while ufw runs reloads user.rules (the
 * chains it declares are flushed and refilled, so their counters restart);
 * `ufw disable` (ufw-init stop) flushes every ufw chain, deletes the user,
 * logging and skip-to-policy chains, leaves the others empty with their
 * jumps, and sets the three built-in policies to ACCEPT.
 *
 * IPv4 only (the world has no ip6tables rules). Chains are kept in the
 * order iptables-nft creates them, which is the order `nft list` shows.
 */
import { ufwRuleToIptables } from './ufw-rules';
import type { FirewallChain, FirewallRule, FirewallTable, UfwState } from './types';

const DIRS = ['input', 'output', 'forward'] as const;
type Dir = (typeof DIRS)[number];
const BUILTIN_OF: Record<Dir, string> = { input: 'INPUT', output: 'OUTPUT', forward: 'FORWARD' };

/** The primary chains of ufw-init, in its order, each jumped to from its built-in chain. */
const PRIMARY_STAGES = ['before-logging', 'before', 'after', 'after-logging', 'reject', 'track'];
const PRIMARY = [
  ...['before-logging', 'before', 'after', 'after-logging']
    .flatMap((s) => DIRS.map((d) => `ufw-${s}-${d}`)),
  ...['reject', 'track'].flatMap((s) => DIRS.map((d) => `ufw-${s}-${d}`)),
];
const LATER = [
  'ufw-logging-deny', 'ufw-logging-allow',
  ...DIRS.map((d) => `ufw-skip-to-policy-${d}`),
  'ufw-not-local',
  ...DIRS.map((d) => `ufw-user-${d}`),
  ...DIRS.map((d) => `ufw-user-logging-${d}`),
  'ufw-user-limit', 'ufw-user-limit-accept',
];
/** ufw-init stop deletes these; the primary chains stay, empty. */
const DELETED_ON_STOP = new Set([
  'ufw-logging-deny', 'ufw-logging-allow', 'ufw-not-local',
  ...DIRS.flatMap((d) => [`ufw-user-logging-${d}`, `ufw-user-${d}`, `ufw-skip-to-policy-${d}`]),
  'ufw-user-limit-accept', 'ufw-user-limit',
]);
/** The chains user.rules declares: a reload flushes and refills them. */
const USER_FILE = new Set([
  ...DIRS.flatMap((d) => [`ufw-user-${d}`, `ufw-before-logging-${d}`, `ufw-user-logging-${d}`,
    `ufw-after-logging-${d}`]),
  'ufw-logging-deny', 'ufw-logging-allow', 'ufw-user-limit', 'ufw-user-limit-accept',
]);

export const ALL_UFW_CHAINS: ReadonlySet<string> = new Set([...PRIMARY, ...LATER]);

const r = (fields: Omit<FirewallRule, 'packets' | 'bytes'>): FirewallRule =>
  ({ ...fields, packets: 0, bytes: 0 });
const LIMIT = { rate: '3/min', burst: 10 };
const log = (prefix: string) => `--log-prefix "${prefix}"`;
const REJECT_OPTS = '--reject-with icmp-port-unreachable';

type Policy = 'ACCEPT' | 'DROP' | 'REJECT';

function policies(u: UfwState): Record<Dir, Policy> {
  const of = (p: string): Policy => (p === 'allow' ? 'ACCEPT' : p === 'reject' ? 'REJECT' : 'DROP');
  return { input: of(u.defaultIncoming), output: of(u.defaultOutgoing), forward: of(u.defaultRouted) };
}

function verdictRule(p: Policy): FirewallRule {
  return p === 'REJECT' ? r({ target: 'REJECT', targetOptions: REJECT_OPTS }) : r({ target: p });
}

const ICMP_OK = [3, 11, 12, 8];

/** before.rules and after.rules of Ubuntu's ufw, with ufw-init's jumps to the user chains. */
function stockRules(): Map<string, FirewallRule[]> {
  const est = ['RELATED', 'ESTABLISHED'];
  const m = new Map<string, FirewallRule[]>();
  m.set('ufw-before-input', [
    r({ inIface: 'lo', target: 'ACCEPT' }),
    r({ ctstate: est, target: 'ACCEPT' }),
    r({ ctstate: ['INVALID'], target: 'ufw-logging-deny' }),
    r({ ctstate: ['INVALID'], target: 'DROP' }),
    ...ICMP_OK.map((t) => r({ protocol: 'icmp', icmpType: t, target: 'ACCEPT' })),
    r({ protocol: 'udp', sport: 67, dport: 68, target: 'ACCEPT' }),
    r({ target: 'ufw-not-local' }),
    r({ protocol: 'udp', destination: '224.0.0.251', dport: 5353, target: 'ACCEPT' }),
    r({ protocol: 'udp', destination: '239.255.255.250', dport: 1900, target: 'ACCEPT' }),
    r({ target: 'ufw-user-input' }),
  ]);
  m.set('ufw-before-output', [
    r({ outIface: 'lo', target: 'ACCEPT' }),
    r({ ctstate: est, target: 'ACCEPT' }),
    r({ target: 'ufw-user-output' }),
  ]);
  m.set('ufw-before-forward', [
    r({ ctstate: est, target: 'ACCEPT' }),
    ...ICMP_OK.map((t) => r({ protocol: 'icmp', icmpType: t, target: 'ACCEPT' })),
    r({ target: 'ufw-user-forward' }),
  ]);
  m.set('ufw-not-local', [
    ...(['LOCAL', 'MULTICAST', 'BROADCAST'] as const).map((t) => r({ dstType: t, target: 'RETURN' })),
    r({ limit: LIMIT, target: 'ufw-logging-deny' }),
    r({ target: 'DROP' }),
  ]);
  const skip = 'ufw-skip-to-policy-input';
  m.set('ufw-after-input', [
    ...([['udp', 137], ['udp', 138], ['tcp', 139], ['tcp', 445], ['udp', 67], ['udp', 68]] as const)
      .map(([protocol, dport]) => r({ protocol, dport, target: skip })),
    r({ dstType: 'BROADCAST', target: skip }),
  ]);
  return m;
}

const LEVELS = { off: 0, low: 1, medium: 2, high: 3, full: 4 } as const;

/** What ufw's logging level puts in its logging chains (backend _get_logging_rules). */
function loggingRules(u: UfwState): Map<string, FirewallRule[]> {
  const m = new Map<string, FirewallRule[]>();
  const level = LEVELS[u.logging];
  if (level === 0) {
    for (const d of DIRS) m.set(`ufw-user-logging-${d}`, [r({ target: 'RETURN' })]);
    return m;
  }
  const limit = level < LEVELS.high ? LIMIT : undefined;
  const pol = policies(u);
  for (const d of DIRS) {
    const blocks = pol[d] !== 'ACCEPT';
    if (!blocks && level < LEVELS.medium) continue;
    const prefix = blocks ? '[UFW BLOCK] ' : '[UFW ALLOW] ';
    m.set(`ufw-after-logging-${d}`, [r({ limit, target: 'LOG', targetOptions: log(prefix) })]);
  }
  const invalid = level < LEVELS.medium
    ? r({ ctstate: ['INVALID'], limit, target: 'RETURN' })
    : r({ ctstate: ['INVALID'], limit, target: 'LOG', targetOptions: log('[UFW AUDIT INVALID] ') });
  m.set('ufw-logging-deny', [invalid, r({ limit, target: 'LOG', targetOptions: log('[UFW BLOCK] ') })]);
  m.set('ufw-logging-allow', [r({ limit, target: 'LOG', targetOptions: log('[UFW ALLOW] ') })]);
  if (level >= LEVELS.medium) {
    const ct = level < LEVELS.high ? ['NEW'] : undefined;
    const lim = level < LEVELS.full ? LIMIT : undefined;
    for (const d of DIRS) {
      m.set(`ufw-before-logging-${d}`,
        [r({ ctstate: ct, limit: lim, target: 'LOG', targetOptions: log('[UFW AUDIT] ') })]);
    }
  }
  return m;
}

/** The contents of the chains user.rules declares: the user's rules, logging, rate limiting. */
function userFileRules(u: UfwState): Map<string, FirewallRule[]> {
  const m = new Map<string, FirewallRule[]>();
  for (const rule of u.rules) {
    if (rule.v6) continue;
    const chain = rule.direction === 'OUT' ? 'ufw-user-output' : 'ufw-user-input';
    m.set(chain, [...(m.get(chain) ?? []), ...ufwRuleToIptables(rule)]);
  }
  for (const [c, rules] of loggingRules(u)) m.set(c, [...(m.get(c) ?? []), ...rules]);
  m.set('ufw-user-limit', [
    ...(u.logging === 'off' ? [] : [r({ limit: { rate: '3/min' }, target: 'LOG',
      targetOptions: log('[UFW LIMIT BLOCK] ') })]),
    r({ target: 'REJECT', targetOptions: REJECT_OPTS }),
  ]);
  m.set('ufw-user-limit-accept', [r({ target: 'ACCEPT' })]);
  return m;
}

function chainMap(t: FirewallTable): Map<string, FirewallChain> {
  return new Map(t.chains.map((c) => [c.name, c]));
}

const userChain = (name: string, rules: FirewallRule[] = []): FirewallChain =>
  ({ name, packets: 0, bytes: 0, rules });

/** `ufw enable`: the table with ufw's chains loaded, as ufw-init start leaves it. */
export function ufwStart(t: FirewallTable, u: UfwState): FirewallTable {
  const had = t.chains.some((c) => c.name === 'ufw-before-logging-input');
  const base = had ? ufwStop(t, false) : t;
  const byName = chainMap(base);
  const order = base.chains.map((c) => c.name);
  const pol = policies(u);
  const fresh = new Set<string>();
  if (!had) {
    for (const name of PRIMARY) byName.set(name, userChain(name));
    for (const d of DIRS) {
      const b = BUILTIN_OF[d];
      const c = byName.get(b) ?? { name: b, policy: 'ACCEPT' as const, packets: 0, bytes: 0, rules: [] };
      const jumps = PRIMARY_STAGES.map((s) => r({ target: `ufw-${s}-${d}` }));
      byName.set(b, { ...c, rules: [...c.rules, ...jumps] });
      if (!isVisible(c)) fresh.add(b);
    }
    const kept = order.filter((n) => !fresh.has(n));
    const created = DIRS.map((d) => BUILTIN_OF[d]).filter((b) => fresh.has(b));
    order.splice(0, order.length, ...kept, ...PRIMARY, ...created);
  }
  const fill = (name: string, rules: FirewallRule[]) => {
    const c = byName.get(name) ?? userChain(name);
    byName.set(name, { ...c, rules: [...c.rules, ...rules] });
    if (!order.includes(name)) order.push(name);
  };
  for (const d of DIRS) {
    if (pol[d] === 'REJECT') fill(`ufw-reject-${d}`, [verdictRule('REJECT')]);
    if (pol[d] === 'ACCEPT') {
      fill(`ufw-track-${d}`, (['tcp', 'udp'] as const)
        .map((protocol) => r({ protocol, ctstate: ['NEW'], target: 'ACCEPT' })));
    }
  }
  fill('ufw-logging-deny', []);
  fill('ufw-logging-allow', []);
  for (const d of DIRS) fill(`ufw-skip-to-policy-${d}`, [verdictRule(pol[d])]);
  const stock = stockRules();
  const toUser = (x: FirewallRule) => x.target.startsWith('ufw-user-');
  for (const [name, rules] of stock) fill(name, rules.filter((x) => !toUser(x)));
  for (const name of LATER) fill(name, []);
  for (const [name, rules] of userFileRules(u)) {
    const c = byName.get(name) ?? userChain(name);
    byName.set(name, { ...c, rules });
  }
  for (const [name, rules] of stock) fill(name, rules.filter(toUser));
  for (const d of DIRS) {
    const c = byName.get(BUILTIN_OF[d]);
    if (c) byName.set(c.name, { ...c, policy: pol[d] === 'ACCEPT' ? 'ACCEPT' : 'DROP' });
  }
  return { ...t, chains: order.map((n) => byName.get(n)).filter((c): c is FirewallChain => !!c) };
}

function isVisible(c: FirewallChain): boolean {
  return c.rules.length > 0 || c.policy !== 'ACCEPT' || c.packets > 0 || c.bytes > 0;
}

/** `ufw disable` (ufw-init stop), or the first half of a restart (`policies` false). */
export function ufwStop(t: FirewallTable, resetPolicies = true): FirewallTable {
  const chains = t.chains
    .filter((c) => !DELETED_ON_STOP.has(c.name))
    .map((c) => {
      if (ALL_UFW_CHAINS.has(c.name)) return { ...c, packets: 0, bytes: 0, rules: [] };
      if (resetPolicies && c.policy && ['INPUT', 'OUTPUT', 'FORWARD'].includes(c.name)) {
        return { ...c, policy: 'ACCEPT' as const };
      }
      return c;
    });
  return { ...t, chains };
}

/** A rule added or deleted while ufw runs: user.rules is loaded again. */
export function ufwReload(t: FirewallTable, u: UfwState): FirewallTable {
  const fill = userFileRules(u);
  return {
    ...t,
    chains: t.chains.map((c) => (USER_FILE.has(c.name)
      ? { ...c, packets: 0, bytes: 0, rules: (fill.get(c.name) ?? []).map((x) => ({ ...x })) }
      : c)),
  };
}

/** True when ufw's chains are loaded in `t` (ufw-init checks ufw-user-input). */
export function ufwLoaded(t: FirewallTable | undefined): boolean {
  return !!t?.chains.some((c) => c.name === 'ufw-user-input');
}

/**
 * The firewall block: iptables tables with their built-in chains in the
 * kernel's order, user chains after them, rules with `!` negation read into
 * flags; ufw's state; native nftables text passed through.
 */
import type { HostDoc } from '../../scenario/schema-host';
import type { Firewall, FirewallChain, FirewallRule, FirewallTable, UfwState } from '../types';
import { addEntity, compact, type BuildContext } from './context';

type FirewallDoc = NonNullable<HostDoc['firewall']>;
type TableDoc = NonNullable<NonNullable<FirewallDoc['iptables']>['filter']>;
type ChainDoc = TableDoc[string];
type RuleDoc = ChainDoc['rules'][number];

const BUILTIN: Record<FirewallTable['name'], string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

const TARGETS = new Set([
  'ACCEPT',
  'DROP',
  'REJECT',
  'RETURN',
  'LOG',
  'MASQUERADE',
  'SNAT',
  'DNAT',
  'REDIRECT',
  'MARK',
  'CONNMARK',
  'NFLOG',
  'NFQUEUE',
  'QUEUE',
  'TCPMSS',
  'CT',
  'NOTRACK',
  'TRACE',
  'AUDIT',
  'CHECKSUM',
  'TEE',
  'TPROXY',
  'ULOG',
]);

function negated(value: string | undefined): [string | undefined, true | undefined] {
  if (value === undefined) return [undefined, undefined];
  const t = value.trim();
  return t.startsWith('!') ? [t.slice(1).trim(), true] : [t, undefined];
}

function ports(value: number | string | undefined): number | [number, number] | undefined {
  if (value === undefined || typeof value === 'number') return value;
  const [a = '0', b = '0'] = value.split(':');
  return [Number(a), Number(b)];
}

function rule(r: RuleDoc): FirewallRule {
  const [source, sourceNegated] = negated(r.source);
  const [destination, destinationNegated] = negated(r.destination);
  const [inIface, inIfaceNegated] = negated(r.in_iface);
  const [outIface, outIfaceNegated] = negated(r.out_iface);
  return compact<FirewallRule>({
    id: r.id,
    protocol: r.protocol,
    source,
    sourceNegated,
    destination,
    destinationNegated,
    inIface,
    inIfaceNegated,
    outIface,
    outIfaceNegated,
    sport: ports(r.sport),
    dport: ports(r.dport),
    ctstate: r.ctstate,
    comment: r.comment,
    target: r.target,
    targetOptions: r.target_options,
    packets: r.packets,
    bytes: r.bytes,
  });
}

function table(
  ctx: BuildContext,
  name: FirewallTable['name'],
  doc: TableDoc,
  path: (string | number)[],
): FirewallTable {
  const builtins = BUILTIN[name];
  const userChains = Object.keys(doc).filter((c) => !builtins.includes(c));
  const chainNames = new Set([...builtins, ...userChains]);
  const chain = (cname: string): FirewallChain => {
    const c = doc[cname];
    const cpath = [...path, cname];
    const isBuiltin = builtins.includes(cname);
    if (c?.policy && !isBuiltin)
      ctx.sink.error(
        [...cpath, 'policy'],
        `user chain ${cname} cannot have a policy`,
        'only built-in chains have one',
      );
    const rules = (c?.rules ?? []).map((r, i) => {
      const rpath = [...cpath, 'rules', i];
      if (!TARGETS.has(r.target) && !chainNames.has(r.target)) {
        ctx.sink.error(
          [...rpath, 'target'],
          `no target or chain "${r.target}" in table ${name}`,
          'declare the chain in the same table',
        );
      }
      if (r.id)
        addEntity(
          ctx,
          { id: r.id, kind: 'firewall-rule', at: ctx.historyStart, pids: [], inodes: [] },
          [...rpath, 'id'],
        );
      return rule(r);
    });
    return compact<FirewallChain>({
      name: cname,
      policy: isBuiltin ? (c?.policy ?? 'ACCEPT') : undefined,
      packets: c?.packets ?? 0,
      bytes: c?.bytes ?? 0,
      rules,
    });
  };
  return { name, chains: [...builtins, ...userChains].map(chain) };
}

function ufw(doc: NonNullable<FirewallDoc['ufw']>): UfwState {
  return {
    enabled: doc.enabled,
    logging: doc.logging,
    defaultIncoming: doc.default_incoming,
    defaultOutgoing: doc.default_outgoing,
    defaultRouted: doc.default_routed,
    rules: doc.rules.map((r) => ({
      to: r.to,
      action: r.action,
      direction: r.direction,
      from: r.from,
      v6: r.v6,
    })),
  };
}

export function buildFirewall(ctx: BuildContext): Firewall {
  const doc = ctx.doc.host.firewall;
  if (!doc) return { backend: 'nf_tables', tables: [] };
  const tables: FirewallTable[] = [];
  const ipt = doc.iptables ?? {};
  for (const name of Object.keys(ipt) as FirewallTable['name'][]) {
    const t = ipt[name];
    if (t) tables.push(table(ctx, name, t, ['host', 'firewall', 'iptables', name]));
  }
  return compact<Firewall>({
    backend: doc.backend,
    tables,
    ufw: doc.ufw ? ufw(doc.ufw) : undefined,
    nftNative: doc.nft,
  });
}

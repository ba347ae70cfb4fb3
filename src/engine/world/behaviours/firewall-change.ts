/**
 * firewall-change: an iptables change made on the host at a time (the
 * attacker opening the backdoor's port). The change itself is applied by
 * the world context (context.ts) at its time, before the trainee's own;
 * this module writes the sudo trace in auth.log.
 */
import { sudoEntries } from '../sudo-log';
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { FirewallOp, FirewallRule } from '../types';
import type { CompileCtx } from './compile-ctx';
import { inWindow, type BehaviourModule } from './module';
import type { FirewallChange } from './types';

type Entry = TimelineEntryOf<'firewall-change'>;
type RuleDoc = NonNullable<Entry['rule']>;

const neg = (v: string | undefined) =>
  v === undefined ? {} : v.startsWith('!') ? { value: v.slice(1).trim(), negated: true } : { value: v };

function ports(v: number | string | undefined): number | [number, number] | undefined {
  if (v === undefined || typeof v === 'number') return v;
  const [a, b] = v.split(':').map(Number);
  return [a!, b!];
}

/** A rule as the schema writes it -> the world's FirewallRule. */
export function ruleFromDoc(r: RuleDoc): FirewallRule {
  const rule: FirewallRule = { target: r.target, packets: r.packets, bytes: r.bytes };
  if (r.id) rule.id = r.id;
  if (r.protocol) rule.protocol = r.protocol;
  const s = neg(r.source);
  if (s.value) { rule.source = s.value; if (s.negated) rule.sourceNegated = true; }
  const d = neg(r.destination);
  if (d.value) { rule.destination = d.value; if (d.negated) rule.destinationNegated = true; }
  const i = neg(r.in_iface);
  if (i.value) { rule.inIface = i.value; if (i.negated) rule.inIfaceNegated = true; }
  const o = neg(r.out_iface);
  if (o.value) { rule.outIface = o.value; if (o.negated) rule.outIfaceNegated = true; }
  const sp = ports(r.sport);
  if (sp !== undefined) rule.sport = sp;
  const dp = ports(r.dport);
  if (dp !== undefined) rule.dport = dp;
  if (r.ctstate) rule.ctstate = r.ctstate;
  if (r.comment) rule.comment = r.comment;
  if (r.target_options) rule.targetOptions = r.target_options;
  return rule;
}

/** The rule as iptables arguments, the way the attacker would type it. */
function ruleArgs(r: FirewallRule): string[] {
  const a: string[] = [];
  const opt = (flag: string, v: string | undefined, n?: boolean) => {
    if (v !== undefined) a.push(...(n ? ['!', flag, v] : [flag, v]));
  };
  opt('-s', r.source, r.sourceNegated);
  opt('-d', r.destination, r.destinationNegated);
  opt('-i', r.inIface, r.inIfaceNegated);
  opt('-o', r.outIface, r.outIfaceNegated);
  opt('-p', r.protocol);
  const port = (p: number | [number, number]) => (typeof p === 'number' ? String(p) : p.join(':'));
  if (r.sport !== undefined) a.push('--sport', port(r.sport));
  if (r.dport !== undefined) a.push('--dport', port(r.dport));
  if (r.ctstate) a.push('-m', 'conntrack', '--ctstate', r.ctstate.join(','));
  if (r.comment) a.push('-m', 'comment', '--comment', r.comment);
  a.push('-j', r.target);
  if (r.targetOptions) a.push(r.targetOptions);
  return a;
}

function opOf(e: Entry, path: IssuePath, cc: CompileCtx): { op: FirewallOp; args: string[] } | undefined {
  const position = e.position ?? 1;
  if (e.op === 'policy') {
    if (!e.policy) {
      cc.issues.error([...path, 'policy'], 'op: policy needs a policy', 'add policy: ACCEPT or policy: DROP');
      return undefined;
    }
    return { op: { kind: 'policy', chain: e.chain, policy: e.policy }, args: ['-P', e.chain, e.policy] };
  }
  if (e.op === 'delete') {
    return { op: { kind: 'delete', chain: e.chain, position }, args: ['-D', e.chain, String(position)] };
  }
  if (!e.rule) {
    cc.issues.error([...path, 'rule'], `op: ${e.op} needs a rule`, 'add rule: { protocol: tcp, dport: 31337, target: ACCEPT }');
    return undefined;
  }
  const rule = ruleFromDoc(e.rule);
  if (e.op === 'append') return { op: { kind: 'append', chain: e.chain, rule }, args: ['-A', e.chain, ...ruleArgs(rule)] };
  return { op: { kind: 'insert', chain: e.chain, position, rule }, args: ['-I', e.chain, String(position), ...ruleArgs(rule)] };
}

export function compileFirewallChange(e: Entry, path: IssuePath, cc: CompileCtx): FirewallChange | undefined {
  const made = opOf(e, path, cc);
  if (!made) return undefined;
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const runAs = cc.runAs(e.user, [...path, 'user']);
  const at = cc.time(e.at);
  const table = e.table === 'filter' ? [] : ['-t', e.table];
  return {
    kind: 'firewall-change', id: e.id, at, ...runAs, table: e.table, op: made.op,
    command: ['/usr/sbin/iptables', ...table, ...made.args].join(' '),
    sudo: e.sudo && runAs.uid !== 0, tty: anchor?.tty ?? null, cwd: anchor?.cwd ?? runAs.home,
    sudoPid: cc.pids.take(`${e.id}:sudo`, at, 1)[0]!,
  };
}

export const firewallChangeModule: BehaviourModule<FirewallChange> = {
  kind: 'firewall-change',
  end: () => Infinity,
  contribute: () => {},
  logs(b, _ctx, from, to, out) {
    if (!b.sudo) return;
    const use = { at: b.at, openDelay: 3, end: b.at + 41, pid: b.sudoPid, user: b.user, uid: b.uid,
      tty: b.tty, pwd: b.cwd, command: b.command, allowed: true };
    for (const e of sudoEntries(use)) inWindow(out, from, to, e);
  },
};

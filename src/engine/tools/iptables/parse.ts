/**
 * iptables' command line, read the way getopt_long and xtables read it:
 * clustered short options (-nvL), unique prefixes of long options, `!`
 * before an option to invert it, optional chain / rule-number arguments,
 * and match options (--dport, --ctstate, --comment) only once their match
 * is loaded (-p tcp, -m conntrack, -m comment).
 */
import type { FirewallRule } from '../../world/types';
import { canonCidr } from './rule-text';
import { parseIPv4 } from '../../world/firewall';
import { servicePort } from './profile';
import { logLevel, readLogOptions, writeLogOptions } from './log-target';

export type CommandKind =
  | 'list' | 'list-rules' | 'append' | 'insert' | 'delete' | 'check' | 'policy'
  | 'flush' | 'zero' | 'new-chain' | 'delete-chain' | 'version' | 'help';

export interface ParsedCommand {
  kind: CommandKind;
  chain?: string;
  /** Rule number for -I / -D / -L (1-based). */
  position?: number;
  policy?: string;
  rule: FirewallRule;
  /** True when any rule-spec option was given (for -D by number vs spec). */
  hasSpec: boolean;
  table: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

/** Something real iptables accepts that the lab does not model. */
export class Unsimulated extends Error {}

/** A parameter problem: xtables prefixes it and adds the `Try ...` line. */
export class ParamError extends Error {
  /** True for the messages that had a newline of their own before 1.8.9. */
  constructor(message: string, readonly stray = false) {
    super(message);
  }
}

const COMMANDS: Record<string, CommandKind> = {
  A: 'append', I: 'insert', D: 'delete', C: 'check', P: 'policy', L: 'list',
  S: 'list-rules', F: 'flush', Z: 'zero', N: 'new-chain', X: 'delete-chain',
  V: 'version', h: 'help',
};

const LONG: Record<string, string> = {
  append: 'A', insert: 'I', delete: 'D', check: 'C', policy: 'P', list: 'L',
  'list-rules': 'S', flush: 'F', zero: 'Z', 'new-chain': 'N', 'delete-chain': 'X',
  version: 'V', help: 'h', protocol: 'p', source: 's', src: 's', destination: 'd',
  dst: 'd', 'in-interface': 'i', 'out-interface': 'o', jump: 'j', match: 'm',
  numeric: 'n', verbose: 'v', exact: 'x', table: 't', 'line-numbers': '0',
  wait: 'w', ipv4: '4',
};

/** Match options per loaded match. */
const MATCH_OPTS: Record<string, string[]> = {
  tcp: ['dport', 'destination-port', 'sport', 'source-port'],
  udp: ['dport', 'destination-port', 'sport', 'source-port'],
  conntrack: ['ctstate'],
  state: ['state'],
  comment: ['comment'],
  icmp: [],
};

/** Real matches the model cannot hold: refused with a lab message, not a fake error. */
const UNSIMULATED_MATCHES = new Set([
  'multiport', 'limit', 'recent', 'iprange', 'mac', 'owner', 'string', 'set', 'hashlimit',
  'mark', 'connmark', 'length', 'ttl', 'addrtype', 'pkttype', 'physdev', 'u32', 'time',
  'statistic', 'connlimit', 'geoip',
]);

const TARGET_OPTS: Record<string, string[]> = {
  REJECT: ['reject-with'], LOG: ['log-prefix', 'log-level'],
};

const WITH_ARG = new Set(['A', 'I', 'D', 'C', 'P', 'N', 'p', 's', 'd', 'i', 'o', 'j', 'm', 't']);
const OPTIONAL_CHAIN = new Set(['L', 'S', 'F', 'Z', 'X']);

class Reader {
  i = 0;
  constructor(readonly args: string[]) {}
  peek(): string | undefined { return this.args[this.i]; }
  next(): string | undefined { return this.args[this.i++]; }
  /** Optional argument: the next word if it does not look like an option. */
  optional(): string | undefined {
    const w = this.peek();
    if (w === undefined || w.startsWith('-') || w === '!') return undefined;
    this.i++;
    return w;
  }
}

export function parseArgs(args: string[]): ParsedCommand {
  const st = new State();
  const rd = new Reader(args);
  let invert = false;
  for (let w = rd.next(); w !== undefined; w = rd.next()) {
    if (w === '!') {
      invert = true;
      continue;
    }
    if (w.startsWith('--') && w.length > 2) {
      const [name, inline] = splitLong(w.slice(2));
      st.long(name, inline, rd, invert);
    } else if (w.startsWith('-') && w.length > 1) {
      st.shortCluster(w.slice(1), rd, invert);
    } else {
      throw new ParamError(`Bad argument \`${w}'`);
    }
    invert = false;
  }
  return st.finish();
}

function splitLong(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

class State {
  cmd: ParsedCommand = {
    kind: 'list', rule: { target: '', packets: 0, bytes: 0 }, hasSpec: false,
    table: 'filter', numeric: false, verbose: false, exact: false, lineNumbers: false,
  };
  private haveCmd: string | undefined;
  private matches: string[] = [];

  shortCluster(cluster: string, rd: Reader, invert: boolean): void {
    for (let k = 0; k < cluster.length; k++) {
      const c = cluster.charAt(k);
      if (WITH_ARG.has(c)) {
        const rest = cluster.slice(k + 1);
        const arg = rest || rd.next();
        if (arg === undefined) throw new ParamError(`option "-${c}" requires an argument`);
        this.option(c, arg, rd, invert);
        return;
      }
      if (!'LSFZXVhnvx46cfw'.includes(c)) throw new ParamError(`unknown option "-${cluster}"`);
      this.option(c, undefined, rd, invert);
    }
  }

  long(name: string, inline: string | undefined, rd: Reader, invert: boolean): void {
    const matchOpts = this.matches.flatMap((m) => MATCH_OPTS[m] ?? []);
    const targetOpts = TARGET_OPTS[this.cmd.rule.target] ?? [];
    const known = [...Object.keys(LONG), ...matchOpts, ...targetOpts];
    const exact = known.includes(name) ? name : undefined;
    const cands = known.filter((k) => k.startsWith(name));
    const full = exact ?? (new Set(cands).size === 1 ? cands[0] : undefined);
    if (full === undefined) throw new ParamError(`unknown option "--${name}"`);
    const short = LONG[full];
    if (short) {
      const needs = WITH_ARG.has(short);
      const arg = needs ? inline ?? rd.next() : inline;
      if (needs && arg === undefined) {
        throw new ParamError(`option "--${full}" requires an argument`);
      }
      this.option(short, arg, rd, invert);
      return;
    }
    const arg = inline ?? rd.next();
    if (arg === undefined) throw new ParamError(`option "--${full}" requires an argument`);
    this.extension(full, arg, invert);
  }

  private setCommand(c: string): void {
    if (this.haveCmd !== undefined) {
      throw new ParamError(`Cannot use -${c} with -${this.haveCmd}`, true);
    }
    this.haveCmd = c;
    this.cmd.kind = COMMANDS[c] ?? 'list';
  }

  private option(c: string, arg: string | undefined, rd: Reader, invert: boolean): void {
    const r = this.cmd.rule;
    if (COMMANDS[c]) {
      this.setCommand(c);
      this.commandArgs(c, arg, rd);
      return;
    }
    if ('psdio'.includes(c)) this.cmd.hasSpec = true;
    switch (c) {
      case 'p': return this.protocol(arg ?? '', invert);
      case 's': r.source = address(arg ?? ''); r.sourceNegated = invert || undefined; return;
      case 'd':
        r.destination = address(arg ?? ''); r.destinationNegated = invert || undefined; return;
      case 'i': r.inIface = arg; r.inIfaceNegated = invert || undefined; return;
      case 'o': r.outIface = arg; r.outIfaceNegated = invert || undefined; return;
      case 'j': return this.jump(arg ?? '');
      case 'm': return this.match(arg ?? '');
      case 't': this.cmd.table = arg ?? ''; return;
      case 'n': this.cmd.numeric = true; return;
      case 'v': this.cmd.verbose = true; return;
      case 'x': this.cmd.exact = true; return;
      case 'w': if (/^\d+$/.test(rd.peek() ?? '')) rd.next(); return;
      case '0': this.cmd.lineNumbers = true; return;
      default: return;
    }
  }

  private commandArgs(c: string, arg: string | undefined, rd: Reader): void {
    if (OPTIONAL_CHAIN.has(c)) {
      this.cmd.chain = rd.optional();
      const numbered = c === 'L' || c === 'S';
      if (numbered && this.cmd.chain !== undefined) this.cmd.position = ruleNum(rd.optional());
      return;
    }
    if (c === 'V' || c === 'h') return;
    this.cmd.chain = arg;
    if (c === 'P') {
      const p = rd.next();
      if (p === undefined) throw new ParamError('-P requires a chain and a policy');
      this.cmd.policy = p;
    }
    if (c === 'I' || c === 'D') {
      const n = rd.optional();
      if (n !== undefined) this.cmd.position = ruleNum(n, c);
    }
  }

  private protocol(p: string, invert: boolean): void {
    const lower = p.toLowerCase();
    const known = ['tcp', 'udp', 'icmp', 'all'];
    const byNum: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '0': 'all' };
    const name = known.includes(lower) ? lower : byNum[lower];
    if (!name) throw new ParamError(`unknown protocol "${p}" specified`);
    if (invert) throw new ParamError('inverted protocol is not simulated');
    this.cmd.rule.protocol = name as FirewallRule['protocol'];
    if (name === 'tcp' || name === 'udp') this.matches.push(name);
  }

  private match(name: string): void {
    if (UNSIMULATED_MATCHES.has(name)) {
      throw new Unsimulated(`the \`${name}' match is not simulated in this lab`);
    }
    if (!(name in MATCH_OPTS)) {
      throw new ParamError(`Couldn't load match \`${name}':No such file or directory`);
    }
    this.matches.push(name);
  }

  private jump(t: string): void {
    this.cmd.hasSpec = true;
    this.cmd.rule.target = t;
    if (t === 'REJECT') this.cmd.rule.targetOptions = '--reject-with icmp-port-unreachable';
  }

  private extension(name: string, arg: string, invert: boolean): void {
    const r = this.cmd.rule;
    this.cmd.hasSpec = true;
    if (invert) throw new ParamError(`inverted --${name} is not simulated`);
    const proto = r.protocol === 'udp' ? 'udp' : 'tcp';
    if (name === 'dport' || name === 'destination-port') r.dport = ports(arg, proto);
    else if (name === 'sport' || name === 'source-port') r.sport = ports(arg, proto);
    else if (name === 'ctstate' || name === 'state') r.ctstate = states(arg);
    else if (name === 'comment') r.comment = arg;
    else if (name === 'reject-with') r.targetOptions = `--reject-with ${arg}`;
    else if (name === 'log-prefix' || name === 'log-level') this.logOption(name, arg);
  }

  private logOption(name: string, arg: string): void {
    const r = this.cmd.rule;
    const o = readLogOptions(r.targetOptions);
    if (name === 'log-prefix') {
      if (arg.length > 29) throw new ParamError('Maximum prefix length 29 for --log-prefix');
      o.prefix = arg;
    } else {
      const level = logLevel(arg);
      if (level === null) throw new ParamError(`log-level \`${arg}' unknown`);
      o.level = level;
    }
    r.targetOptions = writeLogOptions(o);
  }

  finish(): ParsedCommand {
    if (this.haveCmd === undefined) throw new ParamError('no command specified');
    return this.cmd;
  }
}

function ruleNum(n: string | undefined, c = 'L'): number | undefined {
  if (n === undefined) return undefined;
  if (!/^\d+$/.test(n) || Number(n) < 1) {
    throw new ParamError(c === 'L' ? `Invalid rule number \`${n}'` : `Invalid rule number \`${n}'`);
  }
  return Number(n);
}

function address(text: string): string {
  const [addr, mask] = text.split('/');
  if (parseIPv4(addr ?? '') === null) throw new ParamError(`host/network \`${addr}' not found`);
  if (mask !== undefined && !(/^\d+$/.test(mask) && Number(mask) <= 32)) {
    throw new ParamError(`invalid mask \`${mask}' specified`);
  }
  return canonCidr(text);
}

function port(p: string, proto: 'tcp' | 'udp'): number {
  if (/^\d+$/.test(p) && Number(p) <= 65535) return Number(p);
  const named = servicePort(p, proto);
  if (named === null) throw new ParamError(`invalid port/service \`${p}' specified`);
  return named;
}

function ports(text: string, proto: 'tcp' | 'udp'): number | [number, number] {
  const [a, b] = text.split(':');
  if (b === undefined) return port(a ?? '', proto);
  return [a ? port(a, proto) : 0, b ? port(b, proto) : 65535];
}

function states(text: string): string[] {
  const ok = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
  const list = text.split(',').map((s) => s.toUpperCase());
  for (const s of list) {
    if (!ok.includes(s)) throw new ParamError(`Bad ctstate "${s}"`);
  }
  return list;
}

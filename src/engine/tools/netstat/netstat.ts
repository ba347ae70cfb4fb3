/**
 * netstat (net-tools 2.10): connections, routing table and interface table
 * over the world. Sections and their order follow netstat's main(): -r and
 * -i print their tables; otherwise the Internet section (tcp, udp, raw, each
 * IPv4 then IPv6) and, unless a protocol was named, the UNIX section.
 */
import type { ToolContext, ToolResult, Tool, OptionSupport } from '../types';
import { hostsOf } from '../../net/hosts';
import { buildOwnerIndex } from '../procnet/owners';
import { getopt, type LongOption } from '../ss/getopt';
import { type NetstatEnv, type NetstatFlags, inetHeader, inetRows, unixSection } from './inet';
import { interfaceTable, routeTable } from './tables';
import { NETSTAT_USAGE, NETSTAT_VERSION } from './usage';

const SHORT = 'A:CFMacdeghilnNoprsStuUvVWw2fx64?Z';
const L = (name: string, key: string, arg: 'none' | 'required' = 'none'): LongOption => ({
  name,
  key,
  arg,
});
const LONG: LongOption[] = [
  ...[
    'ax25',
    'x25',
    'ip',
    'ipx',
    'appletalk',
    'netrom',
    'inet',
    'inet6',
    'ddp',
    'rose',
    'unix',
    'bluetooth',
    'tcpip',
  ].map((n) => L(n, `af:${n}`)),
  L('version', 'V'),
  L('interfaces', 'i'),
  L('help', 'h'),
  L('route', 'r'),
  L('masquerade', 'M'),
  L('protocol', 'A', 'required'),
  L('tcp', 't'),
  L('sctp', 'S'),
  L('udp', 'u'),
  L('udplite', 'U'),
  L('raw', 'w'),
  L('unix', 'x'),
  L('l2cap', '2'),
  L('rfcomm', 'f'),
  L('listening', 'l'),
  L('all', 'a'),
  L('timers', 'o'),
  L('continuous', 'c'),
  L('extend', 'e'),
  L('programs', 'p'),
  L('verbose', 'v'),
  L('statistics', 's'),
  L('wide', 'W'),
  L('numeric', 'n'),
  L('numeric-hosts', '!'),
  L('numeric-ports', '@'),
  L('numeric-users', '#'),
  L('symbolic', 'N'),
  L('cache', 'C'),
  L('fib', 'F'),
  L('groups', 'g'),
  L('context', 'Z'),
];

const full = (flag: string, note?: string): OptionSupport => ({ flag, support: 'full', note });
const part = (flag: string, note: string): OptionSupport => ({ flag, support: 'partial', note });
const none = (flag: string, note: string): OptionSupport => ({ flag, support: 'none', note });

export const NETSTAT_OPTIONS: OptionSupport[] = [
  full('-t, -u, -w, -x'),
  full('-l, --listening'),
  full('-a, --all'),
  full('-n, --numeric'),
  full('--numeric-hosts, --numeric-ports, --numeric-users'),
  full('-p, --programs', 'an unprivileged user sees only its own processes'),
  full('-o, --timers'),
  full('-W, --wide'),
  full('-4, -6, -A, --inet, --inet6'),
  full('-r, --route', 'IPv4 FIB only'),
  full('-i, --interfaces', 'RX-OVR/TX-OVR are always 0'),
  part('-e, --extend', '-e adds User and Inode; -ie (the long interface view) is not simulated'),
  part('names without -n', 'host names come from /etc/hosts only'),
  none('-s, --statistics', 'SNMP counters are not modelled'),
  none('-g, -M, -C, -c, -Z', 'not simulated'),
];

interface Mode {
  route: boolean;
  iface: boolean;
  stats: boolean;
  tcp: boolean;
  udp: boolean;
  raw: boolean;
  unix: boolean;
  inet: boolean;
  inet6: boolean;
  other: boolean;
}

const res = (stdout: string, stderr = '', exitCode = 0): ToolResult => ({
  stdout,
  stderr,
  exitCode,
});

function setAf(name: string, m: Mode): string | undefined {
  for (const af of name.split(',')) {
    if (af === 'inet' || af === 'ip' || af === 'tcpip') m.inet = true;
    else if (af === 'inet6') m.inet6 = true;
    else if (af === 'unix') m.unix = true;
    else if (['ax25', 'x25', 'ipx', 'appletalk', 'ddp', 'netrom', 'rose', 'bluetooth'].includes(af))
      m.other = true;
    else return `netstat: unknown address family \`${af}'.\n`;
  }
  return undefined;
}

function apply(
  key: string,
  value: string | undefined,
  f: NetstatFlags,
  m: Mode,
): ToolResult | undefined {
  const simple: Record<string, () => void> = {
    a: () => {
      f.all = true;
    },
    l: () => {
      f.listening = true;
    },
    e: () => {
      f.extend++;
    },
    p: () => {
      f.programs = true;
    },
    o: () => {
      f.timers = true;
    },
    W: () => {
      f.wide = true;
    },
    n: () => {
      f.numericHost = f.numericPort = f.numericUser = true;
    },
    '!': () => {
      f.numericHost = true;
    },
    '@': () => {
      f.numericPort = true;
    },
    '#': () => {
      f.numericUser = true;
    },
    r: () => {
      m.route = true;
    },
    i: () => {
      m.iface = true;
    },
    s: () => {
      m.stats = true;
    },
    t: () => {
      m.tcp = true;
    },
    u: () => {
      m.udp = true;
    },
    w: () => {
      m.raw = true;
    },
    x: () => {
      m.unix = true;
    },
    '4': () => {
      m.inet = true;
    },
    '6': () => {
      m.inet6 = true;
    },
  };
  const fn = simple[key];
  if (fn) {
    fn();
    return undefined;
  }
  if (key.startsWith('af:')) return errText(setAf(key.slice(3), m));
  if (key === 'A') return errText(setAf(value ?? '', m));
  if (key === 'h') return res(NETSTAT_USAGE);
  if (key === 'V')
    return res(NETSTAT_VERSION);
  if (key === 'Z') return res('', 'SELinux is not enabled on this machine.\n', 1);
  if (key === 'v' || key === 'N' || key === 'F') return undefined;
  return res('', `netstat: option -${key} is not available in this lab\n`, 1);
}

function errText(msg: string | undefined): ToolResult | undefined {
  return msg ? res('', msg, 1) : undefined;
}

function sockets(ctx: ToolContext, f: NetstatFlags, m: Mode): ToolResult {
  const { world } = ctx;
  const owners = f.programs ? buildOwnerIndex(world, ctx.uid) : undefined;
  const users = new Map(world.accounts.map((a) => [a.uid, a.name] as const));
  const env: NetstatEnv = { world, flags: f, hosts: hostsOf(world), owners, users };
  const anyProto = m.tcp || m.udp || m.raw;
  const famGiven = m.inet || m.inet6;
  const noprot = famGiven && !anyProto;
  const protos = noprot
    ? { tcp: true, udp: true, raw: true }
    : { tcp: m.tcp, udp: m.udp, raw: m.raw };
  const fams =
    anyProto && !famGiven ? { inet: true, inet6: true } : { inet: m.inet, inet6: m.inet6 };
  const argGiven = protos.tcp || protos.udp || protos.raw || m.unix || m.other;
  let out = '';
  if (!argGiven || protos.tcp || protos.udp || protos.raw) {
    const all = argGiven ? protos : { tcp: true, udp: true, raw: true };
    const allFams = argGiven ? fams : { inet: true, inet6: true };
    out += inetHeader(f) + inetRows(env, all, allFams);
  }
  if (!argGiven || m.unix) out += unixSection(env);
  let err = '';
  if (owners?.partial && owners.size === 0) {
    err = `(No info could be read for "-p": geteuid()=${ctx.uid} but you should be root.)\n`;
  } else if (owners?.partial) {
    err =
      '(Not all processes could be identified, non-owned process info\n' +
      ' will not be shown, you would have to be root to see it all.)\n';
  }
  return res(out, err);
}

function run(ctx: ToolContext): ToolResult {
  const prog = ctx.argv[0] ?? 'netstat';
  const parsed = getopt(ctx.argv.slice(1), SHORT, LONG, prog);
  if (parsed.error) return res('', `${parsed.error}\n${NETSTAT_USAGE}`, 3);
  const f: NetstatFlags = {
    all: false,
    listening: false,
    numericHost: false,
    numericPort: false,
    numericUser: false,
    wide: false,
    extend: 1,
    programs: false,
    timers: false,
  };
  const m: Mode = {
    route: false,
    iface: false,
    stats: false,
    tcp: false,
    udp: false,
    raw: false,
    unix: false,
    inet: false,
    inet6: false,
    other: false,
  };
  for (const o of parsed.options) {
    const r = apply(o.key, o.value, f, m);
    if (r) return r;
  }
  if (Number(m.route) + Number(m.iface) + Number(m.stats) > 1) return res('', NETSTAT_USAGE, 3);
  if (m.stats) return res('', 'netstat: -s is not available in this lab\n', 1);
  if (m.route) {
    const ext = f.extend === 2 ? 1 : f.extend === 1 ? 2 : f.extend;
    return res(routeTable(ctx.world, f.numericHost, ext, hostsOf(ctx.world)));
  }
  if (m.iface) return res(interfaceTable(ctx.world, f.all));
  return sockets(ctx, f, m);
}

export const netstatTool: Tool = {
  name: 'netstat',
  summary: 'print network connections, routing tables and interface statistics',
  options: NETSTAT_OPTIONS,
  run,
};

/**
 * ip (iproute2): show links, addresses, routes and neighbours of the world.
 * Objects, commands and options are matched by prefix in iproute2's own
 * table order (`ip a` is address, `ip n` neighbour, `-s` stats).
 *
 * Changes: `ip link set DEV up|down` returns an `iface` event (root only).
 * Other changes (addresses, routes, neighbours) are refused: as non-root
 * with the kernel's answer, as root with a lab message, since the world has
 * no event for them yet.
 */
import type { HostState, Interface } from '../../world/types';
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import { jsonOutput } from './jsonw';
import { briefText, linkJson, linkText } from './link';
import { neighJson, neighText } from './neigh';
import { RouteFilter, routeGet, routeJson, routesOf, routeText } from './route';

export const IP_OPTIONS: OptionSupport[] = [
  { flag: 'address|addr|a show [dev] DEV', support: 'full' },
  { flag: 'link|l show [dev] DEV', support: 'full' },
  { flag: 'route|r show [PREFIX] [dev DEV] [table T]', support: 'full', note: 'table local/all add the IPv4 local table the kernel derives from the addresses' },
  { flag: 'route get ADDR', support: 'partial', note: 'no from/iif/mark selectors' },
  { flag: 'neigh|n show [dev DEV]', support: 'full' },
  { flag: 'link set DEV up|down', support: 'full', note: 'returns an iface event' },
  { flag: 'addr/route/neigh add|del|flush', support: 'none', note: 'no world event for them yet' },
  { flag: '-4, -6', support: 'full' },
  { flag: '-br, -brief', support: 'full' },
  { flag: '-s, -stats', support: 'full', note: '-s -s adds the RX/TX error details (text; JSON keeps one level)' },
  { flag: '-j, -json, -p, -pretty', support: 'full', note: 'address, link, route and neigh' },
  { flag: '-c, -color', support: 'partial', note: 'accepted, no colours' },
  { flag: '-o, -oneline', support: 'full', note: 'address and link' },
  { flag: '-d, -details', support: 'none', note: 'accepted, details are not printed' },
  { flag: '-h, -human', support: 'none', note: 'accepted, numbers stay exact' },
];

interface Opts {
  family?: 'inet' | 'inet6';
  brief: boolean;
  /** How many times -s was given. */
  stats: number;
  oneline: boolean;
  json: boolean;
  pretty: boolean;
}

/** Accepted and ignored: they change nothing the lab prints yet. */
const IGNORED = ['-details', '-resolve'];

const out = (stdout: string): ToolResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode: number): ToolResult => ({ stdout: '', stderr, exitCode });

/** iproute2's matches(): `word` is a non-empty prefix of `full`. */
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);

const OBJECTS = [
  'address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable',
  'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tuntap', 'tap', 'token', 'tcpmetrics',
  'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp',
  'ioam', 'stats', 'help',
];

/** `ip` alone, `ip help`, `ip -help`: iproute2 6.1's usage, on stderr, exit 255. */
const USAGE = [
  'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }',
  '       ip [ -force ] -batch filename',
  'where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |',
  '                   link | macsec | maddress | monitor | mptcp | mroute | mrule |',
  '                   neighbor | neighbour | netconf | netns | nexthop | ntable |',
  '                   ntbl | route | rule | sr | tap | tcpmetrics |',
  '                   token | tunnel | tuntap | vrf | xfrm }',
  '       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |',
  '                    -h[uman-readable] | -iec | -j[son] | -p[retty] |',
  '                    -f[amily] { inet | inet6 | mpls | bridge | link } |',
  '                    -4 | -6 | -M | -B | -0 |',
  '                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |',
  '                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |',
  '                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |',
  '                    -c[olor]}',
].map((l) => `${l}\n`).join('');

function version(world: HostState): string {
  if (world.host.distro === 'ubuntu-22.04') return 'ip utility, iproute2-5.15.0, libbpf 0.5.0\n';
  const bpf = world.host.distro === 'ubuntu-24.04' ? '1.3.0' : '1.1.0';
  return `ip utility, iproute2-6.1.0, libbpf ${bpf}\n`;
}

/** Global options; returns the index of the object word, or a result to print. */
function parseOptions(args: string[], o: Opts, world: HostState): number | ToolResult {
  let i = 0;
  for (; i < args.length; i++) {
    let opt = args[i] ?? '';
    if (opt === '--') return i + 1;
    if (!opt.startsWith('-')) break;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (opt === '-4') o.family = 'inet';
    else if (opt === '-6') o.family = 'inet6';
    else if (matches(opt, '-human') || matches(opt, '-iec')) continue;
    else if (matches(opt, '-stats') || matches(opt, '-statistics')) o.stats += 1;
    else if (IGNORED.some((name) => matches(opt, name))) continue;
    else if (matches(opt, '-oneline')) o.oneline = true;
    else if (matches(opt, '-Version')) return out(version(world));
    else if (/^-(c|co|col|colo|color|colou|colour)(=.*)?$/.test(opt)) continue;
    else if (matches(opt, '-help')) return err(USAGE, 255);
    else if (matches(opt, '-Numeric')) continue;
    else if (matches(opt, '-json')) o.json = true;
    else if (matches(opt, '-pretty')) o.pretty = true;
    else if (matches(opt, '-brief')) o.brief = true;
    else return err(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
  }
  return i;
}

function findDev(world: HostState, name: string): Interface | undefined {
  return world.interfaces.find((x) => x.name === name);
}

/** `show [dev] NAME [up]` arguments of ip link / ip addr. */
function showLinks(ctx: ToolContext, rest: string[], isLink: boolean, o: Opts): ToolResult {
  let list = [...ctx.world.interfaces];
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k] ?? '';
    if (w === 'up') { list = list.filter((x) => x.flags.includes('UP')); continue; }
    const name = w === 'dev' ? rest[++k] ?? '' : w;
    const dev = findDev(ctx.world, name);
    if (!dev) return err(`Device "${name}" does not exist.\n`, 1);
    list = list.filter((x) => x === dev);
  }
  const view = { family: isLink ? undefined : o.family, stats: o.stats, oneline: o.oneline };
  if (o.json) return out(jsonOutput(linkJson(ctx.world, list, isLink, view, o.brief), o.pretty));
  return out((o.brief ? briefText : linkText)(ctx.world, list, isLink, view));
}

function refused(ctx: ToolContext): ToolResult {
  if (ctx.uid !== 0) return err('RTNETLINK answers: Operation not permitted\n', 2);
  return err('ip: this change is not simulated in this lab\n', 2);
}

function linkSet(ctx: ToolContext, rest: string[]): ToolResult {
  let k = 0;
  if (rest[k] === 'dev') k++;
  const name = rest[k++] ?? '';
  const dev = findDev(ctx.world, name);
  if (!dev) return err(`Cannot find device "${name}"\n`, 1);
  const what = rest.slice(k);
  if (what.length !== 1 || (what[0] !== 'up' && what[0] !== 'down')) return refused(ctx);
  if (ctx.uid !== 0) return err('RTNETLINK answers: Operation not permitted\n', 2);
  const up = what[0] === 'up';
  const event = { type: 'iface' as const, at: ctx.world.now, iface: dev.name, up };
  return { stdout: '', stderr: '', exitCode: 0, events: [event] };
}

type Handler = (ctx: ToolContext, rest: string[], o: Opts) => ToolResult;

function subcommand(
  obj: string, table: [string[], Handler][], fallback: Handler,
): Handler {
  return (ctx, args, o) => {
    const word = args[0];
    if (word === undefined) return fallback(ctx, [], o);
    for (const [names, h] of table) {
      const hit = names.some((n) => (n === 'chg' ? word === n : matches(word, n)));
      if (hit) return h(ctx, args.slice(1), o);
    }
    return err(`Command "${word}" is unknown, try "ip ${obj} help".\n`, 255);
  };
}

const change: Handler = (ctx) => refused(ctx);
const help = (obj: string): Handler => () => err(`Usage: ip ${obj} help\n`, 255);

const addrShow: Handler = (ctx, rest, o) => showLinks(ctx, rest, false, o);
const linkShow: Handler = (ctx, rest, o) => showLinks(ctx, rest, true, o);

const routeShow: Handler = (ctx, rest, o) => {
  const f: RouteFilter = { family: o.family ?? 'inet' };
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k];
    if (w === 'dev') {
      const name = rest[++k] ?? '';
      if (!findDev(ctx.world, name)) return err(`Cannot find device "${name}"\n`, 1);
      f.dev = name;
    } else if (w === 'table') f.table = rest[++k];
    else if (w !== undefined && w !== 'exact') f.dst = w === 'all' ? undefined : w;
  }
  const routes = routesOf(ctx.world, f);
  const all = f.table === 'all';
  if (o.json) return out(jsonOutput(routeJson(routes, !f.dev, all), o.pretty));
  return out(routeText(routes, !f.dev, all));
};

const routeGetH: Handler = (ctx, rest) => {
  const target = (rest[0] === 'to' ? rest[1] : rest[0]) ?? '';
  const ans = routeGet(ctx.world, target.replace(/\/\d+$/, ''), ctx.uid);
  if (ans === null && !/^[\d.:a-fA-F]+(\/\d+)?$/.test(target)) {
    return err(`Error: inet prefix is expected rather than "${target}".\n`, 1);
  }
  return ans === null ? err('RTNETLINK answers: Network is unreachable\n', 2) : out(ans);
};

const neighShow: Handler = (ctx, rest, o) => {
  let list = ctx.world.neighbours;
  let dev: string | undefined;
  for (let k = 0; k < rest.length; k++) {
    if (rest[k] !== 'dev') continue;
    dev = rest[++k] ?? '';
    if (!findDev(ctx.world, dev)) return err(`Cannot find device "${dev}"\n`, 1);
  }
  if (dev) list = list.filter((n) => n.dev === dev);
  if (o.family) list = list.filter((n) => n.address.includes(':') === (o.family === 'inet6'));
  if (o.json) return out(jsonOutput(neighJson(list, !dev), o.pretty));
  return out(neighText(list, !dev));
};

const address = subcommand('address', [
  [['add', 'change', 'chg', 'replace', 'delete'], change],
  [['list', 'show', 'lst'], addrShow], [['flush'], change], [['help'], help('address')],
], addrShow);

const link = subcommand('link', [
  [['add'], change], [['set', 'change'], (ctx, rest) => linkSet(ctx, rest)],
  [['replace', 'delete'], change], [['show', 'lst', 'list'], linkShow], [['help'], help('link')],
], linkShow);

const route = subcommand('route', [
  [['add', 'change', 'chg', 'replace', 'prepend', 'append', 'test', 'delete'], change],
  [['list', 'show', 'lst'], routeShow], [['get'], routeGetH], [['flush'], change],
  [['help'], help('route')],
], routeShow);

const neigh = subcommand('neigh', [
  [['add', 'change', 'chg', 'replace', 'delete'], change], [['get'], change],
  [['show', 'list', 'lst'], neighShow], [['flush'], change], [['help'], help('neigh')],
], neighShow);

const HANDLERS: ReadonlyMap<string, Handler> = new Map([
  ['address', address], ['link', link], ['route', route],
  ['neighbor', neigh], ['neighbour', neigh],
]);

function run(ctx: ToolContext): ToolResult {
  const args = ctx.argv.slice(1);
  const o: Opts = { brief: false, stats: 0, oneline: false, json: false, pretty: false };
  const at = parseOptions(args, o, ctx.world);
  if (typeof at !== 'number') return at;
  const word = args[at];
  if (word === undefined) return err(USAGE, 255);
  const obj = OBJECTS.find((name) => matches(word, name));
  if (obj === undefined) return err(`Object "${word}" is unknown, try "ip help".\n`, 1);
  if (obj === 'help') return err(USAGE, 255);
  const h = HANDLERS.get(obj);
  if (!h) return err(`ip: the "${obj}" object is not simulated in this lab\n`, 1);
  return h(ctx, args.slice(at + 1), o);
}

export const ipTool: Tool = {
  name: 'ip',
  summary: 'show / manipulate routing, network devices, interfaces and tunnels',
  options: IP_OPTIONS,
  run,
};

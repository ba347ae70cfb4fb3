/**
 * tcpdump 4.99 / libpcap 1.10 over the world's packets from `world.now`
 * forward. The shell has no way to wait yet, so the capture covers a bounded
 * window of simulated time (CAPTURE_WINDOW_MS) and stops there as if the
 * trainee had pressed Ctrl-C: tcpdump then prints a newline on stdout and
 * the counts on stderr. With -c N reached inside the window it stops
 * cleanly, without the newline. Header lines and counts go to stderr, as
 * the real tool writes them. Capturing needs root.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Interface } from '../../world/types';
import { compileFilter, FilterError } from './filter';
import { packetLine, type FormatOpts } from './format';
import { relativeSequences } from './relative';

export const CAPTURE_WINDOW_MS = 10_000;

export const tcpdumpOptions: OptionSupport[] = [
  { flag: '-n / -nn', support: 'full', note: 'host names are never resolved (no resolver in the lab)' },
  { flag: '-i IFACE / -i any', support: 'full' }, { flag: '-c N', support: 'full' },
  { flag: 'filter expression', support: 'partial', note: 'host/net/port/portrange, src/dst, tcp/udp/icmp/ip/ip6, and/or/not, tcp[13]/tcp[tcpflags] tests' },
  { flag: '-t / -tttt', support: 'full' }, { flag: '-q', support: 'full' }, { flag: '-l / -U / -s N', support: 'full', note: 'accepted, no effect on output' },
  { flag: '-D', support: 'full' },
  { flag: '-S', support: 'full', note: 'absolute sequence numbers; relative ones by default, per flow' },
  { flag: '-v / -vv', support: 'partial', note: 'suppresses the hint line; IP header details are not printed' },
  { flag: '-e / -A / -X / -x', support: 'none', note: 'link headers and payloads are not modelled' },
  { flag: '-w / -r', support: 'none', note: 'no pcap files' },
];

const LINK: Record<Interface['kind'], string> = {
  ether: 'EN10MB (Ethernet)', veth: 'EN10MB (Ethernet)', bridge: 'EN10MB (Ethernet)',
  loopback: 'EN10MB (Ethernet)', tun: 'RAW (Raw IP)',
};

interface Args { iface?: string; count?: number; verbose: boolean; list: boolean; absolute: boolean; filter: string[]; fmt: FormatOpts }

function parse(argv: string[]): Args | string {
  const a: Args = {
    verbose: false, list: false, absolute: false, filter: [],
    fmt: { numeric: 0, timestamps: 'default', anyLink: false, quick: false },
  };
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i] ?? '';
    if (!tok.startsWith('-') || tok === '-') { a.filter = argv.slice(i); break; }
    if (tok.startsWith('--')) {
      if (tok === '--list-interfaces') { a.list = true; continue; }
      return `tcpdump: unrecognized option '${tok}'`;
    }
    for (let j = 1; j < tok.length; j++) {
      const ch = tok[j] ?? '';
      const value = (): string | undefined => (j + 1 < tok.length ? tok.slice(j + 1) : argv[++i]);
      if (ch === 'n') a.fmt.numeric++;
      else if (ch === 't') a.fmt.timestamps = tok.startsWith('-tttt') ? 'date' : 'none';
      else if (ch === 'v') a.verbose = true;
      else if (ch === 'q') a.fmt.quick = true;
      else if (ch === 'D') a.list = true;
      else if (ch === 'S') a.absolute = true;
      else if (ch === 'l' || ch === 'U' || ch === 'p') continue;
      else if (ch === 'i' || ch === 'c' || ch === 's') {
        const v = value();
        if (v === undefined) return `tcpdump: option requires an argument -- '${ch}'`;
        if (ch === 'i') a.iface = v;
        if (ch === 'c') {
          if (!/^\d+$/.test(v) || Number(v) === 0) return `tcpdump: invalid packet count ${v}`;
          a.count = Number(v);
        }
        if (ch === 's' && !/^\d+$/.test(v)) return `tcpdump: invalid snaplen ${v}`;
        break;
      } else return `tcpdump: invalid option -- '${ch}'`;
      if (ch === 't') break;
    }
  }
  return a;
}

function defaultIface(w: HostState): Interface | undefined {
  const viaDefault = w.routes.find((r) => r.dst === 'default')?.dev;
  return w.interfaces.find((i) => i.name === viaDefault) ??
    w.interfaces.find((i) => i.kind !== 'loopback' && i.flags.includes('UP'));
}

function listInterfaces(w: HostState): string {
  const rows = w.interfaces.map((i, n) => {
    const up = i.flags.includes('UP');
    const state = i.kind === 'loopback' ? 'Up, Running, Loopback'
      : up ? (i.flags.includes('LOWER_UP') ? 'Up, Running, Connected' : 'Up, Disconnected') : 'Disconnected';
    return `${n + 1}.${i.name} [${state}]`;
  });
  rows.push(`${rows.length + 1}.any (Pseudo-device that captures on all interfaces) [Up, Running]`);
  return rows.map((r) => `${r}\n`).join('');
}

const err = (msg: string): ToolResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const a = parse(ctx.argv.slice(1));
  if (typeof a === 'string') return err(a);
  if (a.list) return { stdout: listInterfaces(w), stderr: '', exitCode: 0 };
  const name = a.iface ?? defaultIface(w)?.name ?? 'eth0';
  const iface = w.interfaces.find((i) => i.name === name);
  if (name !== 'any' && !iface) return err(`tcpdump: ${name}: No such device exists\n(SIOCGIFHWADDR: No such device)`);
  if (ctx.uid !== 0) {
    return err(`tcpdump: ${name}: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)`);
  }
  let test;
  try {
    test = compileFilter(a.filter);
  } catch (e) {
    if (e instanceof FilterError) return err(`tcpdump: can't parse filter expression: ${e.message}`);
    throw e;
  }
  a.fmt.anyLink = name === 'any';
  const link = name === 'any' ? 'LINUX_SLL2 (Linux cooked v2)' : LINK[iface?.kind ?? 'ether'];
  const head = (a.verbose ? '' : 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n') +
    `${a.verbose ? 'tcpdump: ' : ''}listening on ${name}, link-type ${link}, snapshot length 262144 bytes\n`;
  const seen = w.packets(w.now, w.now + CAPTURE_WINDOW_MS)
    .filter((p) => (name === 'any' || p.iface === name) && test(p));
  const shown = a.count !== undefined ? seen.slice(0, a.count) : seen;
  const finished = a.count !== undefined && shown.length === a.count;
  const printed = a.absolute ? shown : relativeSequences(shown);
  const lines = printed.map((p) => `${packetLine(w, p, a.fmt)}\n`).join('');
  const received = finished ? shown.length : seen.length;
  const plural = (n: number, s: string): string => `${n} packet${n === 1 ? '' : 's'} ${s}`;
  const counts = `${plural(shown.length, 'captured')}\n${plural(received, 'received by filter')}\n` +
    `${plural(0, 'dropped by kernel')}\n`;
  return { stdout: lines + (finished ? '' : '\n'), stderr: head + counts, exitCode: 0 };
}

export const tcpdumpTool: Tool = { name: 'tcpdump', summary: 'dump traffic on a network', options: tcpdumpOptions, run };

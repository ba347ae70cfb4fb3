/**
 * tcpdump 4.99 / libpcap 1.10 over the world's packets from `world.now`
 * forward. In the shell tcpdump is a follower (shell/tcpdump-follow.ts):
 * it opens the capture here (`openCapture`) and prints each packet as its
 * time comes on the simulated clock. Called directly (a Tool has no clock),
 * the capture covers a window of simulated time (CAPTURE_WINDOW_MS) and
 * stops there as if the trainee had pressed Ctrl-C: tcpdump then prints a
 * newline on stdout and the counts on stderr. With -c N reached it stops
 * cleanly, without the newline. Header lines and counts go to stderr, as
 * the real tool writes them. Capturing needs root. Options may follow the
 * filter expression, as glibc's getopt permutes them (`port 443 -c 5`).
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Interface } from '../../world/types';
import { compileFilter, FilterError } from './filter';
import { packetLine, type FormatOpts } from './format';
import { SequenceBases } from './relative';
import type { Packet } from '../../world/types';

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
    if (tok === '--') { a.filter.push(...argv.slice(i + 1)); break; }
    if (!tok.startsWith('-') || tok === '-') { a.filter.push(tok); continue; }
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

/** An open capture: its header lines, which packets it sees, and how it prints them. */
export interface Capture {
  /** stderr's first lines (the -v hint, `listening on ...`). */
  head: string;
  /** -c N */
  count?: number;
  sees(p: Packet): boolean;
  /** One packet's line (and newline); sequence numbers relative across calls unless -S. */
  line(w: HostState, p: Packet): string;
}

/** The counts tcpdump prints on stderr when it stops. */
export function trailer(captured: number, received: number): string {
  const plural = (n: number, s: string): string => `${n} packet${n === 1 ? '' : 's'} ${s}`;
  return `${plural(captured, 'captured')}\n${plural(received, 'received by filter')}\n` +
    `${plural(0, 'dropped by kernel')}\n`;
}

/** Opens the capture the command line asks for, or the result tcpdump ends with at once (-D, errors). */
export function openCapture(ctx: ToolContext): Capture | ToolResult {
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
  const bases = new SequenceBases();
  const fmt = a.fmt;
  return {
    head,
    count: a.count,
    sees: (p) => (name === 'any' || p.iface === name) && test(p),
    line: (world, p) => `${packetLine(world, a.absolute ? p : bases.relative(p), fmt)}\n`,
  };
}

function run(ctx: ToolContext): ToolResult {
  const cap = openCapture(ctx);
  if ('exitCode' in cap) return cap;
  const w = ctx.world;
  const seen = w.packets(w.now, w.now + CAPTURE_WINDOW_MS).filter(cap.sees);
  const shown = cap.count !== undefined ? seen.slice(0, cap.count) : seen;
  const finished = cap.count !== undefined && shown.length === cap.count;
  const lines = shown.map((p) => cap.line(w, p)).join('');
  const received = finished ? shown.length : seen.length;
  return { stdout: lines + (finished ? '' : '\n'), stderr: cap.head + trailer(shown.length, received), exitCode: 0 };
}

export const tcpdumpTool: Tool = { name: 'tcpdump', summary: 'dump traffic on a network', options: tcpdumpOptions, run };

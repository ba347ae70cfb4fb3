/**
 * `netstat -r` (the IPv4 FIB, as net-tools' rprint_fib prints it from
 * /proc/net/route) and `netstat -i` (the short interface table of
 * ife_print_short), from the world's routes and interfaces.
 */
import type { HostState, Interface, Route } from '../../world/types';
import { prefixToMask } from '../../net/proc-hex';

interface RouteRow {
  dest: string;
  gateway: string;
  mask: string;
  flags: string;
  iface: string;
  metric: number;
}

function routeRow(r: Route, numeric: boolean, hosts: Map<string, string>): RouteRow {
  const isDefault = r.dst === 'default';
  const [net, bitsText] = isDefault ? ['0.0.0.0', '0'] : r.dst.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const host = bits === 32;
  let flags = 'U';
  if (r.via) flags += 'G';
  if (host) flags += 'H';
  const gw = r.via ?? '0.0.0.0';
  let dest = net ?? '0.0.0.0';
  if (!numeric && dest === '0.0.0.0' && bits === 0) dest = 'default';
  else if (!numeric && host) dest = hosts.get(dest) ?? dest;
  const gateway = numeric || gw === '0.0.0.0' ? gw : (hosts.get(gw) ?? gw);
  return { dest, gateway, mask: prefixToMask(bits), flags, iface: r.dev, metric: r.metric ?? 0 };
}

const HEADS: Record<number, string> = {
  1: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
  2: 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface',
  3: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt',
};

function routeLine(r: RouteRow, ext: number): string {
  const c = (s: string): string => s.slice(0, 15).padEnd(15);
  const head = `${c(r.dest)} ${c(r.gateway)} ${c(r.mask)} ${r.flags.padEnd(5)}`;
  if (ext === 1)
    return `${head} ${String(r.metric).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.iface}`;
  if (ext === 2) return `${head} ${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${r.iface}`;
  return `${head} ${String(r.metric).padEnd(6)} ${'0'.padEnd(3)} ${'0'.padStart(6)} ${r.iface.slice(0, 6).padEnd(6)}   ${'0'.padEnd(5)} ${'0'.padEnd(6)} 0`;
}

/** The kernel IP routing table; `ext` is 1 (-e), 2 (default) or 3 (-ee). */
export function routeTable(
  world: HostState,
  numeric: boolean,
  ext: number,
  hosts: Map<string, string>,
): string {
  const rows = world.routes
    .filter((r) => r.family === 'inet' && (r.table === undefined || r.table === 'main'))
    .map((r) => routeLine(routeRow(r, numeric, hosts), ext));
  return ['Kernel IP routing table', HEADS[ext] ?? HEADS[2], ...rows].map((l) => `${l}\n`).join('');
}

const FLAG_LETTERS: [string, string][] = [
  ['ALLMULTI', 'A'],
  ['BROADCAST', 'B'],
  ['DEBUG', 'D'],
  ['LOOPBACK', 'L'],
  ['MULTICAST', 'M'],
  ['DYNAMIC', 'd'],
  ['PROMISC', 'P'],
  ['NOTRAILERS', 'N'],
  ['NOARP', 'O'],
  ['POINTOPOINT', 'P'],
  ['SLAVE', 's'],
  ['MASTER', 'm'],
  ['LOWER_UP', 'R'],
  ['UP', 'U'],
];

function ifaceLine(i: Interface): string {
  const st = i.stats;
  let s = `${i.name.slice(0, 15).padEnd(15)} ${String(i.mtu).padStart(5)} `;
  s += `${String(st.rxPackets).padStart(8)} ${String(st.rxErrors).padStart(6)} `;
  s += `${String(st.rxDropped).padStart(6)} ${'0'.padEnd(6)} `;
  s += `${String(st.txPackets).padStart(8)} ${String(st.txErrors).padStart(6)} `;
  s += `${String(st.txDropped).padStart(6)} ${'0'.padStart(6)} `;
  const letters = FLAG_LETTERS.filter(([f]) => i.flags.includes(f))
    .map(([, l]) => l)
    .join('');
  return s + (letters || '[NO FLAGS]');
}

/** The kernel interface table, by name; down interfaces only with -a. */
export function interfaceTable(world: HostState, all: boolean): string {
  const list = [...world.interfaces]
    .filter((i) => all || i.flags.includes('UP'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const head =
    'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg';
  return ['Kernel Interface table', head, ...list.map(ifaceLine)].map((l) => `${l}\n`).join('');
}

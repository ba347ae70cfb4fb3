/**
 * /proc/net/route: the IPv4 main table as the kernel's seq file prints it,
 * addresses as little-endian hex words, every line padded with spaces to
 * 127 columns (tabs count as one), as fib_route_seq_show does.
 */
import type { HostState, Route } from '../../world/types';
import { ipv4ProcHex, prefixToMask } from '../../net';

const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
const RTF_HOST = 0x4;
const WIDTH = 127;

const HEADER = [
  'Iface', 'Destination', 'Gateway ', 'Flags', 'RefCnt', 'Use', 'Metric', 'Mask', '', 'MTU',
  'Window', 'IRTT',
].join('\t');

function prefix(r: Route): [string, number] {
  if (r.dst === 'default') return ['0.0.0.0', 0];
  const [addr, len] = r.dst.split('/');
  return [addr ?? '0.0.0.0', len === undefined ? 32 : Number(len)];
}

function line(r: Route): string {
  const [addr, bits] = prefix(r);
  let flags = RTF_UP;
  if (r.via) flags |= RTF_GATEWAY;
  if (bits === 32) flags |= RTF_HOST;
  const fields = [
    r.dev, ipv4ProcHex(addr), ipv4ProcHex(r.via ?? '0.0.0.0'),
    flags.toString(16).toUpperCase().padStart(4, '0'), '0', '0', String(r.metric ?? 0),
    ipv4ProcHex(prefixToMask(bits)), '0', '0', '0',
  ];
  return fields.join('\t');
}

export function procNetRoute(world: HostState): string {
  const routes = world.routes.filter((r) => r.family === 'inet' && (r.table ?? 'main') === 'main');
  return [HEADER, ...routes.map(line)].map((l) => `${l.padEnd(WIDTH)}\n`).join('');
}

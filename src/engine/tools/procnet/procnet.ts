/**
 * /proc/net/tcp, tcp6, udp and udp6 as the kernel (6.1) prints them, from
 * the world's sockets. The virtual filesystem calls these.
 *
 * Fields: addresses and ports in the kernel's hex forms (src/engine/net),
 * the state in hex, tx/rx queues, the timer (1 retransmit, 2 keepalive,
 * 3 TIME-WAIT, 4 zero-window probe) with its expiry in clock ticks (USER_HZ
 * 100), retransmits, uid, probes, inode, refcount, the socket pointer, and
 * for TCP rto/ato in ticks, the quick-ack field, cwnd and ssthresh (-1
 * during the initial slow start; the fast-open queue length for listeners).
 *
 * Partial: the socket pointer is a stable hash of the socket cookie, not a
 * kernel address; the quick-ack field is 0 unless the socket's info carries
 * `ackQuick`; UDP's "sl" is the port's slot in a 2048-bucket hash table.
 * TCP sockets in state CLOSE are not hashed and are not listed (as in the
 * kernel). Rows are listeners first, then the rest, in world order.
 */
import type { Family, HostState, Socket } from '../../world/types';
import { ipv4ProcHex, ipv6ProcHex, portProcHex } from '../../net/proc-hex';

const STATE_HEX: Record<string, number> = {
  ESTABLISHED: 1,
  'SYN-SENT': 2,
  'SYN-RECV': 3,
  'FIN-WAIT-1': 4,
  'FIN-WAIT-2': 5,
  'TIME-WAIT': 6,
  CLOSE: 7,
  UNCONN: 7,
  'CLOSE-WAIT': 8,
  'LAST-ACK': 9,
  LISTEN: 10,
  CLOSING: 11,
};
const TIMER_CODE = { on: 1, keepalive: 2, timewait: 3, persist: 4 } as const;

const hex = (n: number, w: number): string => (n >>> 0).toString(16).toUpperCase().padStart(w, '0');
const ticks = (ms: number): number => Math.max(0, Math.floor(ms / 10));

/** A stable stand-in for the kernel's hashed %pK pointer. */
export function hashedPointer(s: Socket): string {
  let h = (s.sk * 2654435761 + s.inode * 40503) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0).toString(16).padStart(16, '0');
}

const hexCache = new Map<string, string>();

/** Address hex forms are cached: a busy host repeats the same few addresses. */
function addrHex(addr: string, family: Family): string {
  const key = `${family}|${addr}`;
  let h = hexCache.get(key);
  if (h === undefined) {
    h = family === 'inet' ? ipv4ProcHex(addr) : ipv6ProcHex(addr);
    if (hexCache.size > 4096) hexCache.clear();
    hexCache.set(key, h);
  }
  return h;
}

function endpoint(addr: string, port: number, family: Family): string {
  return `${addrHex(addr, family)}:${portProcHex(port)}`;
}

function listed(world: HostState, proto: Socket['proto'], family: Family): Socket[] {
  const mine = world.sockets.filter(
    (s) => s.proto === proto && s.family === family && !(proto === 'tcp' && s.state === 'CLOSE'),
  );
  return [...mine.filter((s) => s.state === 'LISTEN'), ...mine.filter((s) => s.state !== 'LISTEN')];
}

function tcpTail(s: Socket): string {
  const info = s.info as (Socket['info'] & { ackQuick?: number }) | undefined;
  if (s.state === 'LISTEN') return `${ticks(1000)} 0 0 10 0`;
  const rto = ticks(info?.rto ?? 1000);
  const ato = ticks(info?.ato ?? 0);
  const ssthresh = info?.ssthresh ?? -1;
  return `${rto} ${ato} ${info?.ackQuick ?? 0} ${info?.cwnd ?? 10} ${ssthresh}`;
}

function tcpRow(s: Socket, i: number): string {
  const sl = String(i).padStart(4);
  const addrs = `${endpoint(s.local.addr, s.local.port, s.family)} ${endpoint(s.remote.addr, s.remote.port, s.family)}`;
  const st = hex(STATE_HEX[s.state] ?? 0, 2);
  const timer = s.state === 'TIME-WAIT' ? 3 : s.timer ? TIMER_CODE[s.timer.kind] : 0;
  const when = hex(s.timer ? ticks(s.timer.expiresMs) : 0, 8);
  const retr = hex(s.timer?.retrans ?? 0, 8);
  if (s.state === 'TIME-WAIT') {
    return `${sl}: ${addrs} ${st} 00000000:00000000 03:${when} 00000000 ${'0'.padStart(5)} ${'0'.padStart(8)} 0 3 ${hashedPointer(s)}`;
  }
  const tx = s.state === 'LISTEN' ? 0 : s.sendQ;
  const q = `${hex(tx, 8)}:${hex(s.recvQ, 8)}`;
  const ref = s.timer ? 2 : 1;
  const head = `${sl}: ${addrs} ${st} ${q} ${hex(timer, 2)}:${when} ${retr} ${String(s.uid).padStart(5)} ${'0'.padStart(8)} ${s.inode} ${ref} ${hashedPointer(s)}`;
  return `${head} ${tcpTail(s)}`;
}

const TCP_HEAD =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const TCP6_HEAD =
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const UDP_HEAD =
  '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';
const UDP6_HEAD =
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops';

/** IPv4 files pad every line to a fixed width (149 for tcp, 127 for udp). */
const pad = (line: string, width: number): string => line.padEnd(width);

/** The text of /proc/net/tcp ('inet') or /proc/net/tcp6 ('inet6'). */
export function procNetTcp(world: HostState, family: Family): string {
  const rows = listed(world, 'tcp', family).map((s, i) => tcpRow(s, i));
  if (family === 'inet6') return [TCP6_HEAD, ...rows].map((l) => `${l}\n`).join('');
  return [TCP_HEAD, ...rows].map((l) => `${pad(l, 149)}\n`).join('');
}

function udpRow(s: Socket): string {
  const sl = String(s.local.port & 2047).padStart(5);
  const addrs = `${endpoint(s.local.addr, s.local.port, s.family)} ${endpoint(s.remote.addr, s.remote.port, s.family)}`;
  const st = hex(STATE_HEX[s.state] ?? 7, 2);
  const q = `${hex(s.sendQ, 8)}:${hex(s.recvQ, 8)}`;
  return `${sl}: ${addrs} ${st} ${q} 00:00000000 00000000 ${String(s.uid).padStart(5)} ${'0'.padStart(8)} ${s.inode} 2 ${hashedPointer(s)} 0`;
}

/** The text of /proc/net/udp ('inet') or /proc/net/udp6 ('inet6'). */
export function procNetUdp(world: HostState, family: Family): string {
  const slot = (s: Socket): number => s.local.port & 2047;
  const rows = listed(world, 'udp', family)
    .sort((a, b) => slot(a) - slot(b))
    .map(udpRow);
  if (family === 'inet6') return [UDP6_HEAD, ...rows].map((l) => `${l}\n`).join('');
  return [UDP_HEAD, ...rows].map((l) => `${pad(l, 127)}\n`).join('');
}

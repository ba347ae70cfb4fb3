/**
 * `ss -s`: the counters of /proc/net/sockstat{,6} and the TCP CurrEstab of
 * /proc/net/snmp, derived from the world, printed as print_summary does.
 *
 * Model: TCP sockets in state CLOSE are allocated but not hashed (a socket
 * created and not yet bound or connected); they count as "closed" and in
 * the total but no listing shows them. TIME-WAIT sockets count as timewait
 * only. "Total" is every socket of the world, unix sockets included
 * (netlink and packet sockets are not modelled).
 */
import type { HostState, Socket } from '../../world/types';

interface Counts {
  socks: number;
  tcpAlloc: number;
  tcpTw: number;
  tcpOrphans: number;
  tcp4: number;
  tcp6: number;
  udp4: number;
  udp6: number;
  raw4: number;
  raw6: number;
  estab: number;
}

const ORPHAN_STATES = new Set(['FIN-WAIT-1', 'FIN-WAIT-2', 'LAST-ACK', 'CLOSING']);

function count(world: HostState): Counts {
  const held = new Set<number>();
  for (const p of world.processes) {
    for (const f of p.fds) if (typeof f.target === 'number') held.add(f.target);
  }
  const c: Counts = {
    socks: world.unixSockets.length,
    tcpAlloc: 0,
    tcpTw: 0,
    tcpOrphans: 0,
    tcp4: 0,
    tcp6: 0,
    udp4: 0,
    udp6: 0,
    raw4: 0,
    raw6: 0,
    estab: 0,
  };
  for (const s of world.sockets) addSocket(c, s, held);
  return c;
}

function addSocket(c: Counts, s: Socket, held: Set<number>): void {
  const v4 = s.family === 'inet';
  if (s.proto === 'udp') {
    c.socks++;
    if (v4) c.udp4++;
    else c.udp6++;
    return;
  }
  if (s.proto === 'raw') {
    c.socks++;
    if (v4) c.raw4++;
    else c.raw6++;
    return;
  }
  if (s.state === 'TIME-WAIT') {
    c.tcpTw++;
    return;
  }
  c.socks++;
  c.tcpAlloc++;
  if (s.state === 'ESTABLISHED' || s.state === 'CLOSE-WAIT') c.estab++;
  if (ORPHAN_STATES.has(s.state) && !held.has(s.inode)) c.tcpOrphans++;
  if (s.state === 'CLOSE') return;
  if (v4) c.tcp4++;
  else c.tcp6++;
}

const col = (n: number): string => String(n).padEnd(9);

function row(name: string, total: number, ip: number, ip6: number): string {
  return `${name}\t  ${col(total)} ${col(ip)} ${col(ip6)}\n`;
}

export function ssSummary(world: HostState): string {
  const c = count(world);
  const closed = c.tcpAlloc - (c.tcp4 + c.tcp6 - c.tcpTw);
  let out = `Total: ${c.socks}\n`;
  out += `TCP:   ${c.tcpAlloc + c.tcpTw} (estab ${c.estab}, closed ${closed}, `;
  out += `orphaned ${c.tcpOrphans}, timewait ${c.tcpTw})\n\n`;
  out += 'Transport Total     IP        IPv6\n';
  out += row('RAW', c.raw4 + c.raw6, c.raw4, c.raw6);
  out += row('UDP', c.udp4 + c.udp6, c.udp4, c.udp6);
  out += row('TCP', c.tcp4 + c.tcp6, c.tcp4, c.tcp6);
  const ip = c.raw4 + c.udp4 + c.tcp4;
  const ip6 = c.raw6 + c.udp6 + c.tcp6;
  out += row('INET', ip + ip6, ip, ip6);
  out += row('FRAG', 0, 0, 0);
  return `${out}\n`;
}

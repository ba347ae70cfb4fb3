/**
 * Selects the world's sockets that an ss query asks for, in the order ss
 * prints them (unix, raw, udp, tcp; IPv4 before IPv6; listeners first, as
 * the kernel dumps its listening hash before the established one), and
 * turns each into the field texts of one output line.
 */
import type { HostState, Socket, UnixSocket } from '../../world/types';
import { parseIp } from '../../net/ip';
import { ssServiceName } from '../../net/services';
import type { OwnerIndex, SocketOwner } from '../procnet/owners';
import { COL } from './render';
import type { FilterNode } from './filter';
import { type FilterView, matchFilter } from './match';
import { DB, type Query } from './query';
import { STATE_NAMES, stateNumber, unixStateNumber } from './states';
import { msTimer } from './cformat';
import { tcpInfoText } from './tcpinfo';
import { skmemText } from './skmem';

export interface ShowFlags {
  numeric: boolean;
  resolve: boolean;
  processes: boolean;
  options: boolean;
  details: boolean;
  info: boolean;
  memory: boolean;
  hosts: Map<string, string>;
  owners?: OwnerIndex;
  congestion: string;
}

const TIMER_NAMES = { on: 'on', keepalive: 'keepalive', timewait: 'timewait', persist: 'persist' };
const UNIX_NETID = { stream: 'u_str', dgram: 'u_dgr', seqpacket: 'u_seq' } as const;
const UNIX_DB = { stream: DB.UNIX_ST, dgram: DB.UNIX_DG, seqpacket: DB.UNIX_SQ } as const;
const PROTO_DB = { tcp: DB.TCP, udp: DB.UDP, raw: DB.RAW } as const;

/** ss -p: ` users:(("comm",pid=N,fd=N),...)`, or nothing when no process holds it. */
function users(inode: number, f: ShowFlags): string {
  if (!f.processes || !f.owners) return '';
  const list = f.owners.get(inode);
  if (list.length === 0) return '';
  let text = ' users:(';
  for (let i = 0; i < list.length; i++) {
    const o = list[i] as SocketOwner;
    text += `${i ? ',' : ''}("${o.process.comm}",pid=${o.process.pid},fd=${o.fd})`;
  }
  return `${text})`;
}

function hostText(addr: string, v6only: boolean, s: Socket, f: ShowFlags): string {
  if (s.family === 'inet') return (f.resolve && f.hosts.get(addr)) || addr;
  if (!v6only && addr === '::') return '*';
  const name = f.resolve ? f.hosts.get(addr) : undefined;
  const text = name ?? addr;
  return text.includes(':') ? `[${text}]` : text;
}

/** /etc/protocols names ss prints for a raw socket's "port" (its protocol). */
const IP_PROTOCOLS: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'],
  [2, 'igmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [41, 'ipv6'],
  [47, 'gre'],
  [50, 'esp'],
  [58, 'ipv6-icmp'],
  [89, 'ospf'],
  [112, 'vrrp'],
  [132, 'sctp'],
  [255, '255'],
]);

function portText(port: number, s: Socket, f: ShowFlags): string {
  if (s.proto === 'raw') {
    if (port === 0) return '*';
    return f.numeric ? String(port) : (IP_PROTOCOLS.get(port) ?? String(port));
  }
  return ssServiceName(port, s.proto, f.numeric);
}

/** -e fields; a TIME-WAIT mini-socket has no uid, shutdown or v6only attribute. */
function details(s: Socket): string {
  if (s.state === 'TIME-WAIT') return ` ino:${s.inode} sk:${s.sk.toString(16)}`;
  let out = '';
  if (s.uid) out += ` uid:${s.uid}`;
  out += ` ino:${s.inode} sk:${s.sk.toString(16)}`;
  if (s.cgroup) out += ` cgroup:${s.cgroup}`;
  if (s.family === 'inet6') out += ` v6only:${s.v6only ? 1 : 0}`;
  return `${out} <->`;
}

/** A line of empty fields, one per column (copied, so every line is a packed array). */
const EMPTY_LINE: readonly string[] = Object.values(COL).map(() => '');

function inetLine(s: Socket, f: ShowFlags): string[] {
  const line = EMPTY_LINE.slice();
  const v6only = s.v6only === true;
  line[COL.NETID] = s.proto;
  line[COL.STATE] = STATE_NAMES[stateNumber(s.state)] ?? 'UNKNOWN';
  line[COL.RECVQ] = String(s.recvQ).padEnd(6);
  line[COL.SENDQ] = String(s.sendQ).padEnd(6);
  line[COL.ADDR] = `${hostText(s.local.addr, v6only, s, f)}:`;
  line[COL.SERV] = portText(s.local.port, s, f);
  line[COL.RADDR] = `${hostText(s.remote.addr, v6only, s, f)}:`;
  line[COL.RSERV] = portText(s.remote.port, s, f);
  let proc = users(s.inode, f);
  if (f.options && s.timer) {
    proc += ` timer:(${TIMER_NAMES[s.timer.kind]},${msTimer(s.timer.expiresMs)},${s.timer.retrans})`;
  }
  if (f.details) proc += details(s);
  const tcpInfo = f.info && s.proto === 'tcp';
  if (f.memory || tcpInfo) {
    // A TIME-WAIT socket reports neither its memory nor tcp_info.
    const live = s.state !== 'TIME-WAIT';
    const mem = f.memory && live ? skmemText(s) : '';
    proc += `\n\t${mem}${tcpInfo && live ? tcpInfoText(s, f.numeric, f.congestion) : ''}`;
  }
  line[COL.PROC] = proc;
  return line;
}

function unixLine(u: UnixSocket, f: ShowFlags): string[] {
  const line = EMPTY_LINE.slice();
  line[COL.NETID] = UNIX_NETID[u.kind];
  line[COL.STATE] = STATE_NAMES[unixStateNumber(u.state)] ?? 'UNKNOWN';
  line[COL.RECVQ] = String(u.recvQ).padEnd(6);
  line[COL.SENDQ] = String(u.sendQ).padEnd(6);
  line[COL.ADDR] = `${u.path ?? '*'} `;
  line[COL.SERV] = String(u.inode);
  line[COL.RADDR] = '* ';
  line[COL.RSERV] = String(u.peerInode);
  line[COL.PROC] = users(u.inode, f) + (f.details ? ' <->' : '');
  return line;
}

function inetView(s: Socket): FilterView {
  return {
    family: s.family,
    local: parseIp(s.local.addr)?.bytes,
    remote: parseIp(s.remote.addr)?.bytes,
    lport: s.local.port,
    rport: s.remote.port,
    cgroup: s.cgroup,
  };
}

function unixView(u: UnixSocket): FilterView {
  return { family: 'unix', lport: u.inode, rport: u.peerInode, path: u.path };
}

/** Sockets of one protocol in dump order: IPv4 then IPv6, listeners first. */
function dumpOrder(world: HostState, proto: Socket['proto']): Socket[] {
  const v4Listen: Socket[] = [];
  const v4: Socket[] = [];
  const v6Listen: Socket[] = [];
  const v6: Socket[] = [];
  for (const s of world.sockets) {
    if (s.proto !== proto) continue;
    const listen = s.state === 'LISTEN';
    if (s.family === 'inet') (listen ? v4Listen : v4).push(s);
    else if (s.family === 'inet6') (listen ? v6Listen : v6).push(s);
  }
  return v4Listen.concat(v4, v6Listen, v6);
}

export function selectLines(
  world: HostState,
  q: Query,
  filter: FilterNode | null,
  f: ShowFlags,
): string[][] {
  const lines: string[][] = [];
  if (q.families.has('unix')) {
    for (const u of world.unixSockets) {
      if (!q.has(UNIX_DB[u.kind]) || !q.wantsState(unixStateNumber(u.state))) continue;
      if (filter && !matchFilter(filter, unixView(u))) continue;
      lines.push(unixLine(u, f));
    }
  }
  for (const proto of ['raw', 'udp', 'tcp'] as const) {
    if (!q.has(PROTO_DB[proto])) continue;
    for (const s of dumpOrder(world, proto)) {
      if (!q.families.has(s.family)) continue;
      if (proto === 'tcp' && s.state === 'CLOSE') continue;
      if (!q.wantsState(stateNumber(s.state))) continue;
      if (filter && !matchFilter(filter, inetView(s))) continue;
      lines.push(inetLine(s, f));
    }
  }
  return lines;
}

/**
 * Small builders for the world objects behaviours produce, with the values
 * a real process or socket of that kind has by default.
 */
import type { FdEntry, Process, Socket, SocketTimer, TcpInfo } from '../types';

export function proc(
  p: Partial<Process> & Pick<Process, 'pid' | 'ppid' | 'comm' | 'argv' | 'exe' | 'startTime'>,
): Process {
  return {
    uid: 0, gid: 0, cwd: '/', env: [], tty: null, stat: 'S',
    vsz: 0, rss: 0, cpuSeconds: 0, fds: [],
    ...p,
  };
}

export const sockFd = (fd: number, inode: number, mode: FdEntry['mode'] = 'u'): FdEntry =>
  ({ fd, kind: 'socket', target: inode, mode });

export const pathFd = (fd: number, path: string, mode: FdEntry['mode'] = 'u'): FdEntry =>
  ({ fd, kind: path.startsWith('/dev/') ? 'chr' : 'file', target: path, mode });

export const pipeFd = (fd: number, inode: number, mode: 'r' | 'w'): FdEntry =>
  ({ fd, kind: 'pipe', target: inode, mode });

/** fds 0-2 on /dev/null, as a daemon's children have them. */
export const devNull = (): FdEntry[] => [0, 1, 2].map((n) => pathFd(n, '/dev/null'));

/** fds 0-2 and 255 on a pty, as an interactive bash has them. */
export const ttyFds = (tty: string): FdEntry[] => [
  ...[0, 1, 2].map((n) => pathFd(n, `/dev/${tty}`)),
  pathFd(255, `/dev/${tty}`),
];

export function tcp(
  s: Partial<Socket> & Pick<Socket, 'id' | 'inode' | 'sk' | 'state' | 'local' | 'remote' | 'createdAt'>,
): Socket {
  return {
    proto: 'tcp',
    family: s.local.addr.includes(':') ? 'inet6' : 'inet',
    recvQ: 0,
    sendQ: 0,
    uid: 0,
    ...s,
  };
}

/** A LISTEN socket: Send-Q is the backlog. */
export function listen(
  id: string, inode: number, sk: number, addr: string, port: number,
  backlog: number, uid: number, createdAt: number,
): Socket {
  const v6 = addr.includes(':');
  return tcp({
    id, inode, sk, state: 'LISTEN', uid, createdAt,
    local: { addr, port },
    remote: { addr: v6 ? '::' : '0.0.0.0', port: 0 },
    sendQ: backlog,
    ...(v6 ? { v6only: true } : {}),
  });
}

/** The 2-hour keepalive timer of an idle socket, `elapsed` ms after its last packet. */
export function keepalive(elapsed: number): SocketTimer {
  const period = 7_200_000;
  return { kind: 'keepalive', expiresMs: period - (elapsed % period), retrans: 0 };
}

/** The TIME-WAIT timer (60 s), `elapsed` ms after the connection closed. */
export function timewait(elapsed: number): SocketTimer {
  return { kind: 'timewait', expiresMs: Math.max(0, 60_000 - elapsed), retrans: 0 };
}

/** tcp_info of an interactive connection, idle for `idle` ms. */
export function interactiveInfo(
  bytesOut: number, bytesIn: number, idle: number, rtt: number, server: boolean,
): TcpInfo {
  const segsOut = Math.max(3, Math.ceil(bytesOut / 120) + 2);
  const segsIn = Math.max(2, Math.ceil(bytesIn / 110) + 2);
  return {
    congestion: 'cubic', wscale: [7, 7], rto: 204 + Math.round(rtt), rtt,
    rttvar: Math.round(rtt * 500) / 1000, ato: 40, mss: 1448, pmtu: 1500,
    rcvmss: server ? 1448 : 536, advmss: 1448, cwnd: 10,
    bytesSent: bytesOut, bytesAcked: bytesOut + (server ? 0 : 1), bytesReceived: bytesIn,
    segsOut, segsIn, dataSegsOut: segsOut - 2, dataSegsIn: segsIn - 2,
    lastsnd: idle, lastrcv: idle, lastack: idle, minrtt: Math.round(rtt * 400) / 1000,
    sndWnd: 64256, rcvSpace: 14480, rcvSsthresh: 64088, appLimited: true,
  };
}

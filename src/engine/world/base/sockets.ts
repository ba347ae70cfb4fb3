/**
 * One socket of the `sockets:` block, or of a service, as the kernel holds
 * it: endpoints in canonical form (an ephemeral port drawn when the local
 * port is left out), inode and cookie, owner, timer and tcp_info.
 */
import type { ScenarioDoc } from '../../scenario/schema';
import type { BaseSocket } from '../base-types';
import type { Endpoint, Family, TcpInfo } from '../types';
import { addEntity, compact, msOf, timeAt, type BuildContext } from './context';
import { isV6, parseEndpointText } from './ip';

type SocketDoc = ScenarioDoc['sockets'][number];
type InfoDoc = NonNullable<SocketDoc['info']>;

export interface SocketHolder {
  pid: number;
  user: string;
  start: number;
}

/** tcp_info of a quiet established connection on a LAN. */
export const DEFAULT_INFO: TcpInfo = {
  congestion: 'cubic',
  wscale: [7, 7],
  rto: 204,
  rtt: 0.05,
  rttvar: 0.025,
  mss: 1448,
  pmtu: 1500,
  rcvmss: 536,
  advmss: 1448,
  cwnd: 10,
  bytesSent: 0,
  bytesAcked: 0,
  segsOut: 1,
  segsIn: 1,
  lastsnd: 0,
  lastrcv: 0,
  lastack: 0,
  minrtt: 0.05,
  sndWnd: 65536,
  rcvSpace: 14480,
  rcvSsthresh: 64088,
};

function info(doc: InfoDoc): TcpInfo {
  const d = DEFAULT_INFO;
  return compact<TcpInfo>({
    congestion: doc.congestion,
    wscale: doc.wscale,
    rto: doc.rto ?? d.rto,
    rtt: doc.rtt ?? d.rtt,
    rttvar: doc.rttvar ?? d.rttvar,
    ato: doc.ato,
    mss: doc.mss ?? d.mss,
    pmtu: doc.pmtu ?? d.pmtu,
    rcvmss: doc.rcvmss ?? d.rcvmss,
    advmss: doc.advmss ?? d.advmss,
    cwnd: doc.cwnd ?? d.cwnd,
    ssthresh: doc.ssthresh,
    bytesSent: doc.bytes_sent ?? d.bytesSent,
    bytesRetrans: doc.bytes_retrans,
    bytesAcked: doc.bytes_acked ?? d.bytesAcked,
    bytesReceived: doc.bytes_received,
    segsOut: doc.segs_out ?? d.segsOut,
    segsIn: doc.segs_in ?? d.segsIn,
    dataSegsOut: doc.data_segs_out,
    dataSegsIn: doc.data_segs_in,
    lastsnd: doc.lastsnd ?? d.lastsnd,
    lastrcv: doc.lastrcv ?? d.lastrcv,
    lastack: doc.lastack ?? d.lastack,
    minrtt: doc.minrtt ?? d.minrtt,
    sndWnd: doc.snd_wnd ?? d.sndWnd,
    rcvSpace: doc.rcv_space ?? d.rcvSpace,
    rcvSsthresh: doc.rcv_ssthresh ?? d.rcvSsthresh,
    notsent: doc.notsent,
    appLimited: doc.app_limited,
    busyMs: doc.busy_ms,
  });
}

function endpoint(
  ctx: BuildContext,
  spec: SocketDoc['local'],
  family: Family | undefined,
  path: (string | number)[],
): { addr: string; port?: number } | null {
  const parsed =
    typeof spec === 'string' ? parseEndpointText(spec) : { addr: spec.addr, port: spec.port };
  if (!parsed) {
    ctx.sink.error(
      path,
      `"${String(spec)}" is not an address:port`,
      'write 10.10.0.5:22, [::1]:8080 or *:22',
    );
    return null;
  }
  if (family === 'inet6' && parsed.addr === '0.0.0.0' && spec === '*')
    return { addr: '::', port: 0 };
  return parsed;
}

const LISTENING = new Set(['LISTEN', 'UNCONN']);

/** A socket of the document; null (with an issue) if its local end is unreadable. */
export function buildSocket(
  ctx: BuildContext,
  s: SocketDoc,
  i: number,
  holders: SocketHolder[],
): BaseSocket | null {
  const path = ['sockets', i];
  const local = endpoint(ctx, s.local, s.family, [...path, 'local']);
  if (!local) return null;
  const family: Family = s.family ?? (isV6(local.addr) ? 'inet6' : 'inet');
  const remote = endpoint(ctx, s.remote, family, [...path, 'remote']) ?? {
    addr: '0.0.0.0',
    port: 0,
  };
  if (family === 'inet6' && remote.addr === '0.0.0.0') remote.addr = '::';
  const created = s.created
    ? timeAt(ctx, s.created, [...path, 'created'])
    : (holders[0]?.start ?? ctx.now);
  let port = local.port;
  if (port === undefined)
    port = LISTENING.has(s.state) ? 0 : ctx.ids.ports.ephemeral(s.id, local.addr);
  const user = s.user ?? holders[0]?.user ?? 'root';
  const account = ctx.accounts.get(user);
  if (!account) ctx.sink.error([...path, 'user'], `no user "${user}" on the host`);
  const inode = s.inode ?? ctx.ids.inodes.one(created);
  const sk = s.sk ?? ctx.ids.cookies.next();
  if (holders.length === 0)
    ctx.sink.warn(
      path,
      `no process holds socket "${s.id}"`,
      'add { fd: N, socket: ' + s.id + ' } to a process',
    );
  const isTcpActive = s.proto === 'tcp' && !LISTENING.has(s.state) && s.state !== 'TIME-WAIT';
  const socket = compact<BaseSocket>({
    id: s.id,
    inode,
    sk,
    proto: s.proto,
    family,
    state: s.state,
    local: { addr: local.addr, port } as Endpoint,
    remote: { addr: remote.addr, port: remote.port ?? 0 },
    recvQ: s.recv_q,
    sendQ: s.send_q ?? (s.state === 'LISTEN' ? 4096 : 0),
    uid: account?.uid ?? 0,
    v6only:
      s.v6only ??
      (family === 'inet6' && s.state === 'LISTEN' && local.addr === '::' ? true : undefined),
    timer: s.timer
      ? {
          kind: s.timer.kind,
          expiresMs: msOf(ctx, s.timer.expires, [...path, 'timer', 'expires']),
          retrans: s.timer.retrans,
        }
      : undefined,
    info: s.info ? info(s.info) : isTcpActive ? { ...DEFAULT_INFO } : undefined,
    cgroup: s.cgroup,
    createdAt: created,
    closedAt: s.closed ? timeAt(ctx, s.closed, [...path, 'closed']) : undefined,
  });
  if (
    addEntity(
      ctx,
      { id: s.id, kind: 'socket', at: created, pids: holders.map((h) => h.pid), inodes: [inode] },
      [...path, 'id'],
    )
  ) {
    ctx.socketOf.set(s.id, socket);
  }
  return socket;
}

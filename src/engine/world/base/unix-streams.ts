/**
 * The connected UNIX sockets of the services, which `ss -x` lists: every
 * service's stdout and stderr is a stream to journald's
 * /run/systemd/journal/stdout (stdin is /dev/null), and the daemons that
 * talk D-Bus hold a connection to /run/dbus/system_bus_socket. The server
 * end is named by the listening path, the client end is unnamed.
 */
import type { BaseProcess } from '../base-types';
import type { FdEntry } from '../types';
import type { BuildContext } from './context';

const JOURNAL_STDOUT = '/run/systemd/journal/stdout';
const SYSTEM_BUS = '/run/dbus/system_bus_socket';
const BUS_CLIENTS = new Set([
  'init.scope', 'systemd-logind.service', 'systemd-networkd.service', 'systemd-resolved.service',
]);

const nextFd = (p: BaseProcess) => Math.max(2, ...p.fds.map((f) => f.fd)) + 1;

function pair(ctx: BuildContext, id: string, at: number, path: string): [number, number] {
  const [client, server] = ctx.ids.inodes.alloc(at, 2) as [number, number];
  ctx.unixSockets.push(
    { id: `${id}-client`, inode: client, kind: 'stream', state: 'ESTAB', peerInode: server, recvQ: 0, sendQ: 0 },
    { id: `${id}-server`, inode: server, kind: 'stream', state: 'ESTAB', path, peerInode: client, recvQ: 0, sendQ: 0 },
  );
  return [client, server];
}

const sockFd = (fd: number, inode: number, mode: FdEntry['mode'] = 'u'): FdEntry =>
  ({ fd, kind: 'unix', target: inode, mode });

function byUnit(ctx: BuildContext, unit: string): BaseProcess | undefined {
  return ctx.processes.filter((p) => p.unit === unit).sort((a, b) => a.pid - b.pid)[0];
}

/** Adds the journal streams and bus connections of the baseline services. */
export function connectServices(ctx: BuildContext): void {
  const journald = byUnit(ctx, 'systemd-journald.service');
  const bus = byUnit(ctx, 'dbus.service');
  const services = ctx.processes.filter((p) => p.unit !== undefined && p.unit.endsWith('.service')
    && p.tty === null && p.origin?.startsWith('service:') && p.uid !== undefined);
  for (const p of services) {
    if (!journald || p === journald || p.fds.some((f) => f.fd <= 2)) continue;
    const [client, server] = pair(ctx, `journal-${p.pid}`, p.startTime, JOURNAL_STDOUT);
    p.fds.push({ fd: 0, kind: 'chr', target: '/dev/null', mode: 'r' }, sockFd(1, client), sockFd(2, client));
    journald.fds.push(sockFd(nextFd(journald), server));
  }
  for (const p of ctx.processes) {
    if (!bus || p === bus || !BUS_CLIENTS.has(p.pid === 1 ? 'init.scope' : p.unit ?? '')) continue;
    const [client, server] = pair(ctx, `bus-${p.pid}`, p.startTime, SYSTEM_BUS);
    p.fds.push(sockFd(nextFd(p), client));
    bus.fds.push(sockFd(nextFd(bus), server));
  }
  for (const p of ctx.processes) p.fds.sort((a, b) => a.fd - b.fd);
}

/**
 * Socket activation as `systemctl status` shows it. A `NAME.socket` unit
 * triggers `NAME.service` (`TriggeredBy: ● ssh.socket` on the service,
 * `Triggers: ● ssh.service` on the socket), and lists what it listens on:
 * the world's listening sockets that systemd (pid 1) holds for the
 * service's processes, `0.0.0.0:22 (Stream)`, `[::]:22 (Stream)`.
 */
import type { HostState, Socket, Unit } from '../../world/types';
import { bytes } from './format';

const label = (name: string): string => `${name.padStart(11)}: `;
const INDENT = ' '.repeat(13);

function dot(u: Unit | undefined): string {
  return u?.active === 'active' ? '●' : '○';
}

/** `● ssh.socket` for a service its socket unit starts. */
export function triggeredBy(w: HostState, u: Unit): string[] {
  if (!u.name.endsWith('.service')) return [];
  const socket = w.units.find((x) => x.name === u.name.replace(/\.service$/, '.socket'));
  return socket ? [`${dot(socket)} ${socket.name}`] : [];
}

/** The listening sockets pid 1 holds for the service, in pid 1's fd order. */
function heldByPid1(w: HostState, service: string): Socket[] {
  const pid1 = w.processes.find((p) => p.pid === 1);
  const ofService = new Set(w.processes.filter((p) => p.unit === service)
    .flatMap((p) => p.fds.filter((f) => f.kind === 'socket').map((f) => f.target)));
  return [...(pid1?.fds ?? [])]
    .filter((f) => f.kind === 'socket' && ofService.has(f.target))
    .sort((a, b) => a.fd - b.fd)
    .map((f) => w.sockets.find((s) => s.inode === f.target && s.state === 'LISTEN'))
    .filter((s): s is Socket => s !== undefined);
}

function listenText(s: Socket): string {
  const host = s.local.addr.includes(':') ? `[${s.local.addr}]` : s.local.addr;
  return `${host}:${s.local.port} (${s.proto === 'udp' ? 'Datagram' : 'Stream'})`;
}

/** Triggers, Listen and the small cgroup block of a socket unit. */
export function socketLines(w: HostState, u: Unit): string[] {
  if (!u.name.endsWith('.socket')) return [];
  const service = u.name.replace(/\.socket$/, '.service');
  const lines = [`${label('Triggers')}${dot(w.units.find((x) => x.name === service))} ${service}`];
  heldByPid1(w, service).forEach((s, i) => {
    lines.push(`${i === 0 ? label('Listen') : INDENT}${listenText(s)}`);
  });
  if (u.active !== 'active') return lines;
  const limit = Math.floor(((w.host.memTotalKb * 1024) / 131_072) * 0.15);
  return [...lines, `${label('Tasks')}0 (limit: ${limit})`,
    `${label('Memory')}${bytes(8)}${w.host.distro === 'ubuntu-24.04' ? ` (peak: ${bytes(256)})` : ''}`,
    `${label('CPU')}1ms`,
    `${label('CGroup')}/system.slice/${u.name}`];
}

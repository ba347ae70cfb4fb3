/**
 * The conntrack table of the base host: one entry per live TCP connection
 * (ESTABLISHED, [ASSURED], mark 0). The direction of the entry is the
 * direction of the first packet: a connection to a listening port was
 * opened by its peer. The established timeout (nf_conntrack_tcp_timeout_
 * established, 432000 s) restarts with every packet; it is counted from the
 * last one the socket saw (tcp_info lastsnd/lastrcv).
 */
import type { BaseFlow, BaseSocket } from '../base-types';

export const ESTABLISHED_TIMEOUT_S = 432_000;

const key = (proto: string, addr: string, port: number) => `${proto}|${addr}|${port}`;

function listeningPorts(sockets: readonly BaseSocket[]): Set<string> {
  const out = new Set<string>();
  for (const s of sockets) {
    if (s.state !== 'LISTEN') continue;
    out.add(key(s.proto, s.local.addr, s.local.port));
    out.add(key(s.proto, '*', s.local.port));
  }
  return out;
}

const isWildcard = (addr: string) => addr === '0.0.0.0' || addr === '::' || addr === '*';

function inbound(s: BaseSocket, listening: Set<string>): boolean {
  const wildcardListen = [...listening].some((k) => {
    const [proto, addr, port] = k.split('|');
    return proto === s.proto && isWildcard(addr ?? '') && Number(port) === s.local.port;
  });
  return wildcardListen || listening.has(key(s.proto, s.local.addr, s.local.port));
}

function idleSeconds(s: BaseSocket): number {
  const i = s.info;
  if (!i) return 0;
  return Math.floor(Math.min(i.lastsnd, i.lastrcv) / 1000);
}

/** One ESTABLISHED entry per live TCP connection of the base host. */
export function baseFlows(sockets: readonly BaseSocket[]): BaseFlow[] {
  const listening = listeningPorts(sockets);
  const out: BaseFlow[] = [];
  for (const s of sockets) {
    if (s.proto !== 'tcp' || s.state !== 'ESTABLISHED' || s.closedAt !== undefined) continue;
    const a = { addr: s.local.addr, port: s.local.port };
    const b = { addr: s.remote.addr, port: s.remote.port };
    const [from, to] = inbound(s, listening) ? [b, a] : [a, b];
    out.push({
      proto: 'tcp',
      state: 'ESTABLISHED',
      timeout: Math.max(1, ESTABLISHED_TIMEOUT_S - 1 - idleSeconds(s)),
      orig: { src: from.addr, dst: to.addr, sport: from.port, dport: to.port },
      reply: { src: to.addr, dst: from.addr, sport: to.port, dport: from.port },
      assured: true,
      mark: 0,
      createdAt: s.createdAt,
    });
  }
  return out;
}

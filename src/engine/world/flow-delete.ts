/**
 * `conntrack -D` and `-F` remove entries from the connection tracking
 * table: the event names the entries (by original tuple) that were there
 * when the trainee deleted them, and from then on the world leaves them out.
 * Simplification: on a real host the next packet of a connection that is
 * still open makes the kernel track it again (nf_conntrack_tcp_loose); the
 * lab does not re-track it, so the entry stays gone while a new connection
 * (another beacon from a fresh port) gets an entry of its own. Sockets and
 * connections are not affected.
 */
import type { Flow, WorldEvent } from './types';

export function flowKey(f: Pick<Flow, 'proto' | 'orig'>): string {
  const o = f.orig;
  return `${f.proto} ${o.src} ${o.dst} ${o.sport} ${o.dport}`;
}

export function withoutDeleted<T extends Pick<Flow, 'proto' | 'orig'>>(
  flows: T[], actions: readonly WorldEvent[], t: number,
): T[] {
  const gone = new Set<string>();
  for (const a of actions) if (a.type === 'conntrack-delete' && a.at <= t) for (const k of a.flows) gone.add(k);
  return gone.size ? flows.filter((f) => !gone.has(flowKey(f))) : flows;
}

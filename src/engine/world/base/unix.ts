/**
 * The low-level `unix_sockets:` block: UNIX domain sockets with their
 * inodes (given, or allocated when the first holder starts), connected
 * pairs joined by `peer`, and the processes' `{ fd, unix: id }` entries.
 */
import type { ScenarioDoc } from '../../scenario/schema';
import type { UnixSocket } from '../types';
import { addEntity, compact, timeAt, type BuildContext } from './context';

type UnixDoc = ScenarioDoc['unix_sockets'][number];

/** First start time of a process holding each UNIX socket id. */
export function unixHolders(doc: ScenarioDoc, starts: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of doc.processes) {
    const start = starts.get(p.id);
    if (start === undefined) continue;
    for (const fd of p.fds) {
      if (!('unix' in fd)) continue;
      const had = out.get(fd.unix);
      if (had === undefined || start < had) out.set(fd.unix, start);
    }
  }
  return out;
}

function one(ctx: BuildContext, u: UnixDoc, i: number, firstHeld: number | undefined): UnixSocket {
  const path = ['unix_sockets', i];
  const created = u.created ? timeAt(ctx, u.created, [...path, 'created']) : (firstHeld ?? ctx.now);
  const inode = u.inode ?? ctx.ids.inodes.one(created);
  const socket = compact<UnixSocket>({
    id: u.id,
    inode,
    kind: u.kind,
    state: u.state,
    path: u.path,
    peerInode: 0,
    recvQ: u.recv_q,
    sendQ: u.send_q ?? (u.state === 'LISTEN' ? 4096 : 0),
  });
  if (
    addEntity(ctx, { id: u.id, kind: 'unix-socket', at: created, pids: [], inodes: [inode] }, [
      ...path,
      'id',
    ])
  ) {
    ctx.unixOf.set(u.id, socket);
  }
  if (firstHeld === undefined) ctx.sink.warn(path, `no process holds UNIX socket "${u.id}"`);
  return socket;
}

export function buildUnixSockets(ctx: BuildContext, firstHeld: Map<string, number>): void {
  const built = ctx.doc.unix_sockets.map((u, i) => one(ctx, u, i, firstHeld.get(u.id)));
  ctx.doc.unix_sockets.forEach((u, i) => {
    if (u.peer === undefined) return;
    const peer = ctx.unixOf.get(u.peer);
    if (!peer) ctx.sink.error(['unix_sockets', i, 'peer'], `no UNIX socket "${u.peer}"`);
    else (built[i] as UnixSocket).peerInode = peer.inode;
  });
  ctx.unixSockets.push(...built);
}

/**
 * listener: a listening backdoor. With `exec` it is a bind shell (the
 * capture's `socat TCP-LISTEN:31337,reuseaddr,fork EXEC:/bin/bash`), else a
 * plain listener. One LISTEN socket held by the process.
 */
import type { IssuePath } from '../../scenario/issues';
import type { TimelineEntryOf } from '../../scenario/schema-timeline';
import type { CompileCtx } from './compile-ctx';
import type { WorldCtx } from './context';
import { devNull, listen, proc, sockFd } from './make';
import type { BehaviourModule } from './module';
import type { Listener } from './types';

type Entry = TimelineEntryOf<'listener'>;

const TOOL = {
  socat: { comm: 'socat', exe: '/usr/bin/socat', fd: 5, backlog: 5, vsz: 8516, rss: 2352 },
  nc: { comm: 'nc', exe: '/usr/bin/nc.traditional', fd: 3, backlog: 1, vsz: 2772, rss: 1536 },
  python: { comm: 'python3', exe: '/usr/bin/python3.12', fd: 3, backlog: 5, vsz: 31532, rss: 19736 },
} as const;

function argvOf(e: Entry): string[] {
  const bind = e.address === '0.0.0.0' ? '' : `,bind=${e.address}`;
  if (e.tool === 'socat') {
    return ['socat', `TCP-LISTEN:${e.port}${bind},reuseaddr,fork`, `EXEC:${e.exec ?? '/bin/cat'}`];
  }
  if (e.tool === 'nc') {
    const base = ['nc', '-lnvp', String(e.port)];
    return e.exec ? [...base, '-e', e.exec] : base;
  }
  if (!e.exec) return ['python3', '-m', 'http.server', String(e.port), '--bind', e.address];
  return ['python3', '-c', `import socket,subprocess as s;l=socket.socket();l.bind(("${e.address}",${e.port}));` +
    `l.listen(5);c=l.accept()[0];s.call(["${e.exec}"],stdin=c,stdout=c,stderr=c)`];
}

export function compileListener(e: Entry, path: IssuePath, cc: CompileCtx): Listener {
  const anchor = cc.anchor(e.parent, [...path, 'parent']);
  const at = cc.time(e.at);
  return {
    kind: 'listener', id: e.id, at, ...(e.until ? { until: cc.time(e.until) } : {}),
    ...cc.runAs(e.user, [...path, 'user']), tool: e.tool, address: e.address, port: e.port,
    ...(e.exec ? { exec: e.exec } : {}), parentPid: anchor?.pid ?? 1,
    pid: cc.pids.take(`${e.id}:pid`, at, 1)[0]!, inode: cc.inodes.alloc(at, 1)[0]!, sk: cc.sk(), argv: argvOf(e),
    ...(anchor?.cgroup ? { cgroup: anchor.cgroup } : {}),
  };
}

const end = (b: Listener, ctx: WorldCtx) => Math.min(b.until ?? Infinity, ctx.killAt(b.pid, b.at));

export const listenerModule: BehaviourModule<Listener> = {
  kind: 'listener',
  end,
  contribute(b, ctx, t, out) {
    if (t < b.at || t >= ctx.endOf(b.id)) return;
    const tool = TOOL[b.tool];
    out.processes.push(proc({ pid: b.pid, ppid: 1, uid: b.uid, gid: b.gid, comm: tool.comm,
      argv: b.argv, exe: tool.exe, cwd: b.uid === 0 ? '/root' : b.home, startTime: b.at, stat: 'S',
      vsz: tool.vsz, rss: tool.rss, fds: [...devNull(), sockFd(tool.fd, b.inode)], origin: b.id }));
    const s = listen(b.id, b.inode, b.sk, b.address, b.port, tool.backlog, b.uid, b.at);
    out.sockets.push(b.cgroup ? { ...s, cgroup: b.cgroup } : s);
  },
  logs: () => {},
};

/**
 * What compiling a timeline entry needs: the base host, the clock, the
 * kernel counters (the host's pid counter, and the inode counter of
 * alloc.ts), the accounts,
 * and the entries compiled so far, so that a child can find its parent's
 * pid, tty, working directory and environment.
 */
import type { BaseHost } from '../base-types';
import type { PidCounter } from '../pid-counter';
import type { IssuePath, IssueSink } from '../../scenario/issues';
import { KernelCounter, type PeriodicUse } from './alloc';
import { primaryAddress } from './context';
import { resolveTime } from './time';
import type { FdEntry } from '../types';
import type { CompiledBehaviour, RunAs } from './types';

/** Where a child behaviour attaches: its parent's process and session. */
export interface Anchor {
  pid: number;
  tty: string | null;
  cwd: string;
  env: [string, string][];
  runAs: RunAs;
  /** systemd cgroup of the anchor's processes (a login's session scope, a unit). */
  cgroup?: string;
  /** The anchor's session (a login shell's pid); derived from the process when absent. */
  sid?: number;
  /** The anchor's fds 0-2, which what it starts inherits (the tty's when absent). */
  stdio?: FdEntry[];
}

export interface CompileCtx {
  base: BaseHost;
  now: number;
  boot: number;
  seed: number;
  hostAddr: string;
  iface: string;
  /** The host's pid counter: entries take the pids declared for them (pid-plan.ts). */
  pids: PidCounter;
  inodes: KernelCounter;
  issues: IssueSink;
  compiled: Map<string, CompiledBehaviour>;
  anchors: Map<string, Anchor>;
  time(text: string): number;
  sk(): number;
  port(key: string): number;
  runAs(user: string, path: IssuePath): RunAs;
  anchor(ref: string | undefined, path: IssuePath): Anchor | undefined;
}

export function createCompileCtx(
  base: BaseHost,
  issues: IssueSink,
  periodicInodes: PeriodicUse[],
): CompileCtx {
  const boot = base.host.bootTime;
  const { hostAddr, iface } = primaryAddress(base);
  const anchors = new Map<string, Anchor>();
  const ctx: CompileCtx = {
    base,
    now: base.now,
    boot,
    seed: base.seed,
    hostAddr,
    iface,
    pids: base.ids.pids,
    inodes: new KernelCounter(base.ids.inodes.model, periodicInodes, base.ids.inodes),
    issues,
    compiled: new Map(),
    anchors,
    time: (text) => resolveTime(text, base.now, boot),
    sk: () => base.ids.cookies.next(),
    port: (key) => base.ids.ports.ephemeral(key, hostAddr),
    runAs(user, path) {
      const a = base.accounts.find((x) => x.name === user);
      if (!a) {
        issues.error(path, `there is no user "${user}" on the host`,
          'add it under host.users, or use one of the accounts the host has');
        return { user, uid: 65534, gid: 65534, home: '/nonexistent', shell: '/usr/sbin/nologin' };
      }
      return { user: a.name, uid: a.uid, gid: a.gid, home: a.home, shell: a.shell };
    },
    anchor(ref, path) {
      if (ref === undefined) return undefined;
      const known = anchors.get(ref);
      if (known) return known;
      const fromBase = baseAnchor(base, ref, ctx, path);
      if (fromBase) return fromBase;
      issues.error(path, `"${ref}" is not the id of an earlier timeline entry or a process`,
        'name an entry listed before this one (its parent must exist first)');
      return undefined;
    },
  };
  return ctx;
}

function baseAnchor(base: BaseHost, ref: string, ctx: CompileCtx, path: IssuePath) {
  const pid = base.entities.get(ref)?.pids[0];
  const p = pid === undefined ? undefined : base.processes.find((x) => x.pid === pid);
  if (!p) return undefined;
  const user = base.accounts.find((a) => a.uid === p.uid)?.name ?? 'root';
  const stdio = p.fds.filter((f) => f.fd <= 2);
  return { pid: p.pid, tty: p.tty, cwd: p.cwd, env: p.env, runAs: ctx.runAs(user, path),
    ...(p.stat.includes('s') ? { sid: p.pid } : {}), ...(stdio.length === 3 ? { stdio } : {}),
    ...(p.unit ? { cgroup: `/system.slice/${p.unit}` } : {}) };
}

/** The pid of a base process by its command name (sshd listener, cron, logind). */
export function daemonPid(base: BaseHost, comm: string, fallbackKey: string): number {
  const p = base.processes.find((x) => x.comm === comm && x.ppid === 1);
  if (p) return p.pid;
  let h = 0;
  for (const c of fallbackKey) h = (h * 31 + c.charCodeAt(0)) % 400;
  return 500 + h;
}

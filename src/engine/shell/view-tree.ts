/**
 * The world as a directory tree, for one HostState: /etc from the accounts
 * and the scenario's files, /proc from processes and sockets, /var/log from
 * the log sources, the crontabs from the cron table. Built once per world
 * snapshot; /proc/PID is resolved on lookup, so a host with thousands of
 * processes costs nothing until someone looks.
 */
import type { HostState } from '../world/types';
import type { ViewNode, ViewTree } from './host-fs';
import { normalizePath } from './host-fs';
import { devices } from './devices';
import { aptSources, RESOLV_LINK, stubResolvConf } from './etc-files';
import { accountCreatedAt, accountsChangedAt, installedAt } from '../world/disk';
import { DEVICE_NUMBERS, homeFiles, programFiles, ptyFiles, UNLISTED_PROGRAMS } from './view-files';
import type { FileSpec } from './view-files';
import { machineIdFiles, procSysNode } from './view-ids';
import { procVersion } from '../world/kernel';
import { findTask } from '../tools/procfs/pid';
import { tasksOf, threadCount } from '../world/threads';

const STUB_PATH = '/run/systemd/resolve/stub-resolv.conf';
const hasResolved = (world: HostState) => world.units.some((u) => u.name === 'systemd-resolved.service');

/**
 * The content of the files a listing does not need to render, from the
 * tools' modules; loaded on first use (renderers.ts), so every file built
 * on them is `heavy` for the filesystem.
 */
export interface ContentRenderers {
  netTcp(world: HostState, family: 'inet' | 'inet6'): string;
  netUdp(world: HostState, family: 'inet' | 'inet6'): string;
  netRoute(world: HostState): string;
  netDev(world: HostState): string;
  logFile(world: HostState, path: string): string | undefined;
  /** A login record file's bytes, size and time. */
  recordFile(world: HostState, path: string): { content: string; size: number; mtime: number } | undefined;
  uptime(world: HostState): string;
  stat(world: HostState): string;
  meminfo(world: HostState): string;
  cpuinfo(world: HostState): string;
}

/** The per-file renderers the tools provide (their modules own the formats). */
export interface ProcRenderers {
  content: ContentRenderers;
  /** Entries of /proc/PID (name -> file content or link target), or undefined if no such pid. */
  pidEntry(world: HostState, pid: number, name: string): PidNode | undefined;
  pidEntries(world: HostState, pid: number): string[];
  fdEntries(world: HostState, pid: number): { fd: number; target: string; mode: number }[];
  logPaths(world: HostState): readonly string[];
  /** The uid owning a log file when it is not root (nginx's www-data). */
  logOwner?(world: HostState, path: string): number | undefined;
  /** Binary record files (wtmp, btmp, utmp): their paths and modes; the rest is content's. */
  recordPaths?(): readonly { path: string; mode: number }[];
}

export type PidNode = { kind: 'file'; content: string } | { kind: 'link'; target: string };

const SKELETON = [
  '/boot', '/dev', '/etc', '/etc/cron.d', '/etc/cron.daily', '/etc/cron.hourly',
  '/etc/systemd/system', '/etc/ssh', '/etc/ssh/sshd_config.d', '/home', '/media', '/mnt', '/opt',
  '/proc', '/root', '/run', '/srv', '/sys', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib',
  '/usr/lib64', '/usr/local', '/usr/local/bin', '/usr/share', '/var', '/var/log', '/var/spool',
  '/var/spool/cron', '/var/spool/cron/crontabs', '/var/www',
];

/** Merged /usr: the top-level program and library directories are links into /usr. */
const TOP_LINKS: ReadonlyMap<string, string> = new Map([
  ['bin', 'usr/bin'], ['sbin', 'usr/sbin'], ['lib', 'usr/lib'], ['lib64', 'usr/lib64'],
]);

/** A path with a leading /bin, /sbin, /lib or /lib64 read as the /usr directory it links to. */
export function canonicalPath(path: string): string {
  const slash = path.indexOf('/', 1);
  const target = TOP_LINKS.get(slash < 0 ? path.slice(1) : path.slice(1, slash));
  return target === undefined || slash < 0 ? path : `/${target}${path.slice(slash)}`;
}

/** When the files of a directory are rotated or made: the day's start for logs, else their mtime. */
const logBorn = (world: HostState) => Math.max(installedAt(world), Math.floor(world.now / 86_400_000) * 86_400_000);

const OS_RELEASE: Record<string, string> = {
  'ubuntu-24.04': 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n',
  'ubuntu-22.04': 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n',
  'debian-12': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
};

function generatedFiles(world: HostState): Map<string, string> {
  const files = new Map<string, string>();
  files.set('/etc/hostname', `${world.host.hostname}\n`);
  files.set('/etc/passwd', world.accounts
    .map((a) => `${a.name}:x:${a.uid}:${a.gid}:${a.gecos}:${a.home}:${a.shell}\n`).join(''));
  files.set('/etc/group', world.groups
    .map((g) => `${g.name}:x:${g.gid}:${g.members.join(',')}\n`).join(''));
  // Password hashes are not part of any lesson: accounts with a login shell
  // get a placeholder yescrypt field, the others are locked.
  files.set('/etc/shadow', world.accounts
    .map((a) => `${a.name}:${/(nologin|false)$/.test(a.shell) ? '*' : '$y$j9T$lab$notarealhash'}:20000:0:99999:7:::\n`).join(''));
  files.set('/etc/hosts', `127.0.0.1 localhost\n127.0.1.1 ${world.host.hostname}\n\n::1     ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`);
  files.set('/etc/os-release', OS_RELEASE[world.host.distro] ?? '');
  files.set('/etc/timezone', `${world.host.timezone}\n`);
  for (const [path, content] of aptSources(world)) files.set(path, content);
  if (hasResolved(world)) files.set(STUB_PATH, stubResolvConf(world));
  else if (world.host.dns) {
    files.set('/etc/resolv.conf', world.host.dns.servers.map((s) => `nameserver ${s}\n`).join(''));
  }
  const crontabs = new Map<string, string[]>();
  for (const job of world.cron) {
    if (job.source.kind !== 'user') continue;
    const lines = crontabs.get(job.source.user) ?? [];
    lines.push(`${job.schedule} ${job.command}`);
    crontabs.set(job.source.user, lines);
  }
  for (const [user, lines] of crontabs) {
    files.set(`/var/spool/cron/crontabs/${user}`, lines.join('\n') + '\n');
  }
  return files;
}

interface StaticEntry {
  node: ViewNode;
  children?: Set<string>;
}

/**
 * A directory's mtime is the last time an entry was made in it (a file's
 * making, a subdirectory's own making), and its link count 2 plus its
 * subdirectories, as ext4 keeps them.
 */
function settleDirectories(
  entries: Map<string, StaticEntry>, born: ReadonlyMap<string, number>, changes: HostState['dirChanges'] = [],
): void {
  const changed = new Map<string, number>();
  for (const c of changes) changed.set(c.path, Math.max(changed.get(c.path) ?? -Infinity, c.at));
  const made = new Map([...entries].map(([path, e]) => [path, born.get(path) ?? e.node.mtime]));
  for (const [path, entry] of entries) {
    if (entry.node.kind !== 'dir' || !entry.children) continue;
    // An entry removed is a change too (a crontab deleted).
    let mtime = Math.max(entry.node.mtime, changed.get(path) ?? -Infinity);
    let subdirs = 0;
    for (const name of entry.children) {
      const child = path === '/' ? `/${name}` : `${path}/${name}`;
      const node = entries.get(child)?.node;
      if (!node) continue;
      if (node.kind === 'dir') subdirs++;
      mtime = Math.max(mtime, made.get(child) ?? node.mtime);
    }
    entry.node = { ...entry.node, mtime, links: 2 + subdirs };
  }
}

/** The links in /proc to the reader's own directory (and its thread's). */
const SELF_LINKS = ['self', 'thread-self'];

/** /proc/self/X and /proc/thread-self/X are the reader's /proc/PID/X (and /proc/PID/task/PID/X). */
function selfPath(parts: string[], self: number | undefined): string[] {
  const [first, ...rest] = parts;
  if (self === undefined || first === undefined || !SELF_LINKS.includes(first) || rest.length === 0) return parts;
  return first === 'self' ? [String(self), ...rest] : [String(self), 'task', String(self), ...rest];
}

/** /proc/PID/task/TID/X is /proc/TID/X when TID is a thread of PID (the main one's id is PID). */
function taskPath(parts: string[], tasks: (pid: number) => number[]): string[] {
  const [pid, dir, tid] = parts;
  if (dir !== 'task' || tid === undefined || !tasks(Number(pid)).includes(Number(tid))) return parts;
  return [tid, ...parts.slice(3)];
}

/** /proc/loadavg: the loads, running/all processes, the last pid handed out. */
function loadavg(world: HostState): string {
  const last = world.lastPid ?? Math.max(0, ...world.processes.map((p) => p.pid));
  const tasks = world.processes.reduce((n, p) => n + threadCount(p), 0);
  return `${world.host.load.map((l) => l.toFixed(2)).join(' ')} 1/${tasks} ${last}\n`;
}

/**
 * `live` gives the world as the reading program sees it: with the programs
 * running, itself among them (`self`). /proc reads it at each lookup, so
 * /proc/self and /proc/PID of a running program exist while they run.
 */
export function buildViewTree(
  world: HostState, render: ProcRenderers, programs: readonly string[] = [], live: () => HostState = () => world,
): ViewTree {
  const at = world.now;
  const install = installedAt(world);
  const entries = new Map<string, StaticEntry>();
  /** When each entry came to be, where that differs from its mtime (a log appended to). */
  const born = new Map<string, number>();
  const uidOf = new Map(world.accounts.map((a) => [a.name, a]));

  const homes = world.accounts.filter((a) => a.home.startsWith('/home/'));
  /** A directory made for a file inside someone's home is theirs, as if they had made it. */
  const ownerOf = (path: string) => homes.find((a) => path.startsWith(a.home + '/'));
  const addDir = (path: string, uid?: number, gid?: number, mode = 0o755, made = install): StaticEntry => {
    const existing = entries.get(path);
    if (existing) return existing;
    const children = new Set<string>();
    const owner = uid === undefined ? ownerOf(path) : undefined;
    const node: ViewNode = {
      kind: 'dir', entries: () => [...children], mode, uid: uid ?? owner?.uid ?? 0, gid: gid ?? owner?.gid ?? 0, mtime: made,
    };
    const entry: StaticEntry = { node, children };
    entries.set(path, entry);
    if (path !== '/') {
      const parent = normalizePath(path + '/..');
      addDir(parent).children?.add(path.slice(path.lastIndexOf('/') + 1));
    }
    return entry;
  };
  const addFile = (path: string, content: () => string, mode = 0o644, uid = 0, gid = 0, mtime = at, listed = true, made = mtime): void => {
    const parent = normalizePath(path + '/..');
    // A directory only this file implies was made with it.
    const dir = addDir(parent, undefined, undefined, 0o755, made);
    if (listed) dir.children?.add(path.slice(path.lastIndexOf('/') + 1));
    entries.set(path, { node: { kind: 'file', content, mode, uid, gid, mtime } });
  };
  const addSpec = (f: FileSpec, listed = true): void => {
    addFile(f.path, f.content, f.mode, f.uid, f.gid, f.mtime, listed);
    const node = f.link !== undefined
      ? { kind: 'link' as const, target: f.link, mode: 0o777, uid: f.uid, gid: f.gid, mtime: f.mtime }
      : { ...(entries.get(f.path)!.node as ViewNode & { kind: 'file' }), size: f.size, rdev: f.rdev };
    entries.get(f.path)!.node = node;
  };

  addDir('/');
  for (const dir of SKELETON) addDir(dir);
  for (const [name, target] of TOP_LINKS) addSpec({ path: `/${name}`, content: () => '', mode: 0o777, uid: 0, gid: 0, mtime: install, link: target });
  entries.set('/root', { node: { kind: 'dir', entries: () => [...(entries.get('/root')?.children ?? [])], mode: 0o700, uid: 0, gid: 0, mtime: install }, children: new Set() });
  addDir('/tmp', 0, 0, 0o1777, world.host.bootTime);
  for (const dir of ['/dev', '/run']) entries.get(dir)!.node.mtime = world.host.bootTime;
  addDir('/dev/pts', 0, 0, 0o755, world.host.bootTime);
  const gidOf = (name: string) => world.groups.find((g) => g.name === name)?.gid ?? 0;
  for (const device of devices(`${world.host.hostname}:${world.host.bootTime}:${at}`)) {
    const path = `/dev/${device.name}`;
    addSpec({ path, content: () => '', mode: 0o666, uid: 0, gid: device.name === 'tty' ? gidOf('tty') : 0, mtime: world.host.bootTime, rdev: DEVICE_NUMBERS.get(path) });
    const entry = entries.get(path)!;
    if (entry.node.kind === 'file') entry.node = { ...entry.node, bytes: device.bytes };
  }
  for (const pty of ptyFiles(world)) {
    addSpec(pty);
    born.set(pty.path, world.host.bootTime);
  }
  addDir('/var/tmp', 0, 0, 0o1777);
  for (const account of world.accounts) {
    if (!account.home.startsWith('/home/')) continue;
    addDir(account.home, account.uid, account.gid, 0o750, accountCreatedAt(world, account.uid));
    addDir(`${account.home}/.ssh`, account.uid, account.gid, 0o700, accountCreatedAt(world, account.uid) + 7_200_000);
  }
  for (const f of programFiles(world, programs)) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    addSpec(f, !(f.path.startsWith('/usr/bin/') && UNLISTED_PROGRAMS.has(name)));
  }
  // cron's spool: drwx-wx--T root crontab, each file -rw------- USER crontab.
  const spool = entries.get('/var/spool/cron/crontabs')!;
  spool.node = { ...spool.node, mode: 0o1730, gid: gidOf('crontab') };
  const accountsChanged = accountsChangedAt(world.host.bootTime, world.accounts.map((a) => a.uid));
  for (const [path, content] of generatedFiles(world)) {
    const crontab = path.startsWith('/var/spool/cron/crontabs/');
    const owner = crontab ? uidOf.get(path.slice(path.lastIndexOf('/') + 1)) : undefined;
    const secret = path === '/etc/shadow';
    const mode = crontab ? 0o600 : secret ? 0o640 : 0o644;
    const accountsFile = /^\/etc\/(passwd|group|shadow)$/.test(path);
    const mtime = accountsFile ? accountsChanged : path.startsWith('/run/') ? world.host.bootTime : install;
    addFile(path, () => content, mode, owner?.uid ?? 0, crontab ? gidOf('crontab') : secret ? gidOf('shadow') : 0, mtime);
  }
  if (hasResolved(world) && !world.files.some((f) => normalizePath(f.path) === RESOLV_LINK.path)) {
    addFile(RESOLV_LINK.path, () => '');
    entries.get(RESOLV_LINK.path)!.node = { kind: 'link', target: RESOLV_LINK.target, mode: 0o777, uid: 0, gid: 0, mtime: install };
  }
  for (const f of [...homeFiles(world), ...machineIdFiles(world)]) addSpec(f);
  for (const file of world.files) {
    const path = normalizePath(file.path);
    if (path.endsWith('/.ssh/authorized_keys')) continue;
    addFile(path, () => file.content, file.mode & 0o7777, file.uid, file.gid, file.mtime);
  }
  const heavy = render.content;
  for (const path of render.logPaths(world)) {
    addFile(path, () => heavy.logFile(world, path) ?? '', 0o640, render.logOwner?.(world, path) ?? 0, 4, at, true, logBorn(world));
    const entry = entries.get(path)!;
    entry.node = { ...(entry.node as ViewNode & { kind: 'file' }), heavy: true };
    born.set(path, logBorn(world));
  }
  const utmpGid = gidOf('utmp') || 43;
  for (const { path, mode } of render.recordPaths?.() ?? []) {
    addFile(path, () => '', mode, 0, utmpGid, at, true, path.startsWith('/run/') ? world.host.bootTime : install);
    // Size and time come with the records, read when the file is first used.
    const facts = () => heavy.recordFile(world, path);
    entries.get(path)!.node = {
      kind: 'file', mode, uid: 0, gid: utmpGid, heavy: true,
      content: () => facts()?.content ?? '',
      get size() { return facts()?.size ?? 0; },
      get mtime() { return facts()?.mtime ?? world.host.bootTime; },
    };
    born.set(path, path.startsWith('/run/') ? world.host.bootTime : install);
  }
  // Mount points were made with the root filesystem; what is mounted there is younger.
  for (const mount of ['/dev', '/run', '/proc', '/sys']) born.set(mount, install);
  settleDirectories(entries, born, world.dirChanges);

  const procFile = (content: () => string, mode = 0o444, isHeavy = false): ViewNode =>
    ({ kind: 'file', content, mode, uid: 0, gid: 0, mtime: at, ...(isHeavy ? { heavy: true } : {}) });
  const procNet: Record<string, () => string> = {
    tcp: () => heavy.netTcp(world, 'inet'),
    tcp6: () => heavy.netTcp(world, 'inet6'),
    udp: () => heavy.netUdp(world, 'inet'),
    udp6: () => heavy.netUdp(world, 'inet6'),
    route: () => heavy.netRoute(world),
    dev: () => heavy.netDev(world),
  };
  /** /proc's system files whose renderers load on first use. */
  const HEAVY_TOP = new Set(['uptime', 'meminfo', 'cpuinfo', 'stat']);
  const procTop: Record<string, () => string> = {
    uptime: () => heavy.uptime(world),
    loadavg: () => loadavg(live()),
    version: () => procVersion(world),
    meminfo: () => heavy.meminfo(world),
    cpuinfo: () => heavy.cpuinfo(world),
    stat: () => heavy.stat(live()),
    mounts: () => 'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n/dev/vda1 / ext4 rw,relatime 0 0\n',
  };
  const pidMaps = new WeakMap<HostState, Map<number, HostState['processes'][number]>>();
  const pidsOf = (w: HostState) => {
    let m = pidMaps.get(w);
    if (!m) pidMaps.set(w, (m = new Map(w.processes.map((p) => [p.pid, p]))));
    return m;
  };

  const lookupProc = (path: string): ViewNode | undefined => {
    const world = live();
    const pids = pidsOf(world);
    const self = world.self;
    const byTid = (id: number) => pids.get(id) ?? findTask(world, id)?.p;
    const tasks = (id: number) => { const p = byTid(id); return p ? tasksOf(p).map((t) => t.tid) : []; };
    const parts = taskPath(selfPath(path.split('/').slice(2), self), tasks);
    if (parts.length === 0) {
      const links = self === undefined ? [] : SELF_LINKS;
      return { kind: 'dir', entries: () => [...[...pids.keys()].sort((a, b) => a - b).map(String), 'net', 'sys', ...links, ...Object.keys(procTop)], mode: 0o555, uid: 0, gid: 0, mtime: world.host.bootTime };
    }
    const [first, second, third, ...rest] = parts as [string, string?, string?, ...string[]];
    if (SELF_LINKS.includes(first)) {
      if (self === undefined || second !== undefined) return undefined;
      const target = first === 'self' ? String(self) : `${self}/task/${self}`;
      return { kind: 'link', target, mode: 0o777, uid: 0, gid: 0, mtime: at };
    }
    if (first === 'net') {
      if (second === undefined) return { kind: 'dir', entries: () => Object.keys(procNet), mode: 0o555, uid: 0, gid: 0, mtime: at };
      const render = procNet[second];
      return render && third === undefined ? procFile(render, 0o444, true) : undefined;
    }
    if (first === 'sys') return procSysNode(world, parts.slice(1), at);
    const top = procTop[first];
    if (top) return second === undefined ? procFile(top, 0o444, HEAVY_TOP.has(first)) : undefined;
    if (!/^[0-9]+$/.test(first)) return undefined;
    const pid = Number(first);
    const proc = byTid(pid);
    if (!proc) return undefined;
    const owned = { uid: proc.uid, gid: proc.gid, mtime: proc.startTime };
    if (second === undefined) {
      return { kind: 'dir', entries: () => render.pidEntries(world, pid), mode: 0o555, ...owned };
    }
    if (second === 'task' && third === undefined) {
      // Its link count is 2 plus one per thread, as the kernel's getattr gives it.
      return { kind: 'dir', entries: () => tasks(pid).map(String), mode: 0o555, ...owned, links: 2 + tasks(pid).length };
    }
    if (second === 'fd') {
      const fds = render.fdEntries(world, pid);
      if (third === undefined) return { kind: 'dir', entries: () => fds.map((f) => String(f.fd)), mode: 0o500, ...owned };
      const hit = rest.length === 0 ? fds.find((f) => String(f.fd) === third) : undefined;
      return hit ? { kind: 'link', target: hit.target, mode: hit.mode, uid: proc.uid, gid: proc.gid, mtime: at, ownerOnly: true } : undefined;
    }
    if (third !== undefined) return undefined;
    const entry = render.pidEntry(world, pid, second);
    if (!entry) return undefined;
    // exe, cwd and root need ptrace access; a kernel thread has no exe.
    if (entry.kind === 'link') return { kind: 'link', target: entry.target, mode: 0o777, ...owned, ownerOnly: true, noTarget: entry.target === '' };
    const mode = second === 'environ' ? 0o400 : 0o444;
    return { kind: 'file', content: () => entry.content, mode, ...owned };
  };

  return {
    lookup(path: string): ViewNode | undefined {
      const p = normalizePath(path);
      if (p === '/proc' || p.startsWith('/proc/')) return lookupProc(p);
      return entries.get(p)?.node ?? entries.get(canonicalPath(p))?.node;
    },
    canonical: canonicalPath,
  };
}

/**
 * The open files of one process as lsof lists them: cwd, rtd, txt, the
 * mapped libraries (mem), then every fd in numeric order. Network files
 * carry what -i and -s select on.
 */
import type { FdEntry, HostState, Process, Socket, UnixSocket } from '../../world/types';
import { serviceName } from '../../net/services';
import { hashedPointer } from '../procnet/procnet';
import { LIBRARIES, charDevice, deviceOf, statFile } from './filedata';
import { kernelTcpState } from '../../net';

export interface LsofFile {
  /** The FD column without the mode: "cwd", "   4" (numeric fds are %4d). */
  fd: string;
  mode: string;
  type: string;
  device: string;
  sizeOff: string;
  node: string;
  name: string;
  /** The link count (+L's NLINK column); absent where lsof has none (sockets, unknown). */
  nlink?: number;
  /** The path the file is open by, for name, +d and +D selection (not sockets or pipes). */
  path?: string;
  socket?: Socket;
  unix?: UnixSocket;
}

export interface SocketTables {
  inet: Map<number, Socket>;
  unix: Map<number, UnixSocket>;
}

export interface NameFlags {
  numericHost: boolean;
  numericPort: boolean;
  hosts: Map<string, string>;
}

export function socketTables(world: HostState): SocketTables {
  const inet = new Map<number, Socket>();
  for (const s of world.sockets) if (s.state !== 'CLOSE' || s.proto !== 'tcp') inet.set(s.inode, s);
  const unix = new Map<number, UnixSocket>();
  for (const u of world.unixSockets) unix.set(u.inode, u);
  return { inet, unix };
}


export function lsofTcpState(s: Socket): string {
  return kernelTcpState(s.state) ?? 'UNKNOWN';
}

function hostPart(addr: string, s: Socket, f: NameFlags): string {
  if (addr === '0.0.0.0' || addr === '::') return '*';
  const name = f.numericHost ? undefined : f.hosts.get(addr);
  if (name) return name;
  return s.family === 'inet6' ? `[${addr}]` : addr;
}

function portPart(port: number, s: Socket, f: NameFlags): string {
  if (port === 0) return '*';
  if (f.numericPort || s.proto === 'raw') return String(port);
  return serviceName(port, s.proto) ?? String(port);
}

export function inetName(s: Socket, f: NameFlags): string {
  let name = `${hostPart(s.local.addr, s, f)}:${portPart(s.local.port, s, f)}`;
  const connected = s.remote.port !== 0 || (s.remote.addr !== '0.0.0.0' && s.remote.addr !== '::');
  if (connected) name += `->${hostPart(s.remote.addr, s, f)}:${portPart(s.remote.port, s, f)}`;
  if (s.proto === 'tcp') name += ` (${lsofTcpState(s)})`;
  return name;
}

const UNIX_TYPE = { stream: 'STREAM', dgram: 'DGRAM', seqpacket: 'SEQPACKET' } as const;
const UNIX_STATE = { LISTEN: 'LISTEN', ESTAB: 'CONNECTED', UNCONN: 'UNCONNECTED' } as const;

/** A directory's link count, as the shell's `ls -l` shows every directory. */
const DIR_LINKS = 2;

function fdFile(world: HostState, e: FdEntry, t: SocketTables, f: NameFlags): LsofFile {
  const base = { fd: String(e.fd).padStart(4), mode: e.mode, sizeOff: '0t0' };
  if (typeof e.target === 'number' && (e.kind === 'socket' || e.kind === 'unix')) {
    const s = t.inet.get(e.target);
    if (s) {
      const type = s.family === 'inet6' ? 'IPv6' : 'IPv4';
      const node = s.proto.toUpperCase();
      return { ...base, type, device: String(s.inode), node, name: inetName(s, f), socket: s };
    }
    const u = t.unix.get(e.target);
    if (u) {
      const ptr = `0x${hashedPointer({ sk: u.inode, inode: u.inode } as Socket)}`;
      const name = `${u.path ? `${u.path} ` : ''}type=${UNIX_TYPE[u.kind]} (${UNIX_STATE[u.state]})`;
      return { ...base, type: 'unix', device: ptr, node: String(u.inode), name, unix: u };
    }
    return { ...base, type: 'sock', device: '0,8', node: String(e.target), name: 'protocol: TCP' };
  }
  if (e.kind === 'pipe') {
    const node = String(e.target);
    return { ...base, type: 'FIFO', device: '0,14', node, name: 'pipe', nlink: 1 };
  }
  const path = String(e.target);
  if (e.kind === 'chr') {
    const d = charDevice(world, path);
    const node = String(d.inode);
    // A pty whose node devpts removed: lsof names it as /proc's link reads
    // and stat(2) of the open inode gives no links left; no path names it.
    if (e.deleted) return { ...base, type: 'CHR', device: d.dev, node, name: `${path} (deleted)`, nlink: 0 };
    return { ...base, type: 'CHR', device: d.dev, node, name: path, nlink: 1, path };
  }
  const st = statFile(world, path, e.kind === 'dir');
  const type = e.kind === 'dir' ? 'DIR' : 'REG';
  return {
    ...base,
    type,
    device: deviceOf(world, path),
    sizeOff: String(st.size),
    node: String(st.inode),
    name: path,
    nlink: e.kind === 'dir' ? DIR_LINKS : 1,
    path,
  };
}

function pathFile(world: HostState, fd: string, path: string, dir: boolean): LsofFile {
  const st = statFile(world, path, dir);
  return {
    fd,
    mode: ' ',
    type: dir ? 'DIR' : 'REG',
    device: deviceOf(world, path),
    sizeOff: String(st.size),
    node: String(st.inode),
    name: path,
    nlink: dir ? DIR_LINKS : 1,
    path,
  };
}

/**
 * A kernel thread's text: /proc/PID/exe has no target (ENOENT), which lsof
 * run as root reports with the link's own path and no type.
 */
function noExe(p: Process): LsofFile {
  const name = `/proc/${p.pid}/exe`;
  return { fd: 'txt', mode: ' ', type: 'unknown', device: '', sizeOff: '', node: '', name };
}

function deniedFile(p: Process, fd: string, link: string): LsofFile {
  return {
    fd,
    mode: ' ',
    type: 'unknown',
    device: '',
    sizeOff: '',
    node: '',
    name: `/proc/${p.pid}/${link} (readlink: Permission denied)`,
  };
}

/** Every file lsof lists for a process; an uninspectable one shows the errors lsof prints. */
export function processFiles(
  world: HostState,
  p: Process,
  readable: boolean,
  t: SocketTables,
  f: NameFlags,
): LsofFile[] {
  if (!readable) {
    return [
      deniedFile(p, 'cwd', 'cwd'),
      deniedFile(p, 'rtd', 'root'),
      deniedFile(p, 'txt', 'exe'),
      {
        fd: 'NOFD',
        mode: ' ',
        type: '',
        device: '',
        sizeOff: '',
        node: '',
        name: `/proc/${p.pid}/fd (opendir: Permission denied)`,
      },
    ];
  }
  const files = [pathFile(world, 'cwd', p.cwd, true), pathFile(world, 'rtd', '/', true)];
  files.push(p.exe ? pathFile(world, 'txt', p.exe, false) : noExe(p));
  for (const lib of LIBRARIES.get(p.exe) ?? []) files.push(pathFile(world, 'mem', lib, false));
  const fds = [...p.fds].sort((a, b) => a.fd - b.fd);
  for (const e of fds) files.push(fdFile(world, e, t, f));
  return files;
}

/** Only the socket fds of a process (what -i and -U look at), cheaply. */
export function socketFiles(
  world: HostState,
  p: Process,
  t: SocketTables,
  f: NameFlags,
): LsofFile[] {
  const out: LsofFile[] = [];
  const fds = p.fds.filter(
    (e) => typeof e.target === 'number' && (e.kind === 'socket' || e.kind === 'unix'),
  );
  fds.sort((a, b) => a.fd - b.fd);
  for (const e of fds) out.push(fdFile(world, e, t, f));
  return out;
}

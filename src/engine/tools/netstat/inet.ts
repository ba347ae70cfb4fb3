/**
 * netstat's "Active Internet connections" and "Active UNIX domain sockets"
 * sections (net-tools 2.10), read from the same rows /proc/net/{tcp,udp,
 * raw,unix} would give: tcp, tcp6, udp, udp6, raw, raw6 in that order.
 */
import type { HostState, Socket, UnixSocket } from '../../world/types';
import { netstatServiceName } from '../../net/services';
import type { OwnerIndex } from '../procnet/owners';
import { kernelTcpState } from '../../net';

export interface NetstatFlags {
  all: boolean;
  listening: boolean;
  numericHost: boolean;
  numericPort: boolean;
  numericUser: boolean;
  wide: boolean;
  extend: number;
  programs: boolean;
  timers: boolean;
}

export interface NetstatEnv {
  world: HostState;
  flags: NetstatFlags;
  hosts: Map<string, string>;
  owners?: OwnerIndex;
  users: Map<number, string>;
}


/** "pid/name" as netstat's prg_cache holds it: the lowest pid, 19 characters at most. */
export function programName(env: NetstatEnv, inode: number): string {
  const list = env.owners?.get(inode) ?? [];
  const first = list[list.length - 1];
  if (!first) return '-';
  const p = first.process;
  let cmd = p.title ?? p.argv[0] ?? '';
  cmd = cmd.replace(/[^ -~]/g, '.');
  if (cmd.startsWith('/')) cmd = cmd.slice(cmd.lastIndexOf('/') + 1);
  return `${p.pid}/${cmd}`.slice(0, 19);
}

function hostText(env: NetstatEnv, addr: string, family: Socket['family']): string {
  if (family === 'inet6') {
    if (env.flags.numericHost)
      return addr.startsWith('::ffff:') && addr.includes('.') ? addr.slice(7) : addr;
    if (addr === '::') return '[::]';
    return env.hosts.get(addr) ?? addr;
  }
  if (env.flags.numericHost || addr === '0.0.0.0') return addr;
  return env.hosts.get(addr) ?? addr;
}

/** addr_do_one: "addr:port", the address cut so the whole fits 22 columns unless -W. */
function endpoint(env: NetstatEnv, s: Socket, addr: string, port: number): string {
  const a = hostText(env, addr, s.family);
  const proto = s.proto === 'raw' ? 'raw' : s.proto;
  const p =
    proto === 'raw'
      ? port === 0
        ? '*'
        : String(port)
      : netstatServiceName(port, proto, env.flags.numericPort);
  if (!env.flags.wide && a.length + p.length > 22) {
    const portLen = Math.min(p.length, 18);
    return `${a.slice(0, 22 - portLen)}:${p.slice(0, portLen)}`;
  }
  return `${a}:${p}`;
}

function tail(env: NetstatEnv, uid: number, inode: number, timers: string): string {
  let s = '';
  if (env.flags.extend > 1) {
    const name = env.flags.numericUser ? undefined : env.users.get(uid);
    s += ` ${(name ?? String(uid)).padEnd(10)} ${String(inode).padEnd(10)}`;
  }
  if (env.flags.programs) s += ` ${programName(env, inode).padEnd(20)}`;
  if (env.flags.timers) s += ` ${timers}`;
  return `${s}\n`;
}

function timerText(s: Socket): string {
  const t = s.timer;
  const secs = ((t ? Math.floor(t.expiresMs / 10) : 0) / 100).toFixed(2);
  const retr = t?.retrans ?? 0;
  if (s.state === 'TIME-WAIT') return `timewait (${secs}/0/0)`;
  if (!t) return `off (0.00/${retr}/0)`;
  const name = { on: 'on', keepalive: 'keepalive', timewait: 'timewait', persist: 'probe' }[t.kind];
  return `${name} (${secs}/${retr}/0)`;
}

function rows(world: HostState, proto: Socket['proto'], family: Socket['family']): Socket[] {
  const mine = world.sockets.filter(
    (s) => s.proto === proto && s.family === family && !(proto === 'tcp' && s.state === 'CLOSE'),
  );
  return [...mine.filter((s) => s.state === 'LISTEN'), ...mine.filter((s) => s.state !== 'LISTEN')];
}

function tcpLine(env: NetstatEnv, s: Socket): string {
  const { flags } = env;
  if (!flags.all && (flags.listening ? s.remote.port !== 0 : s.remote.port === 0)) return '';
  const local = endpoint(env, s, s.local.addr, s.local.port);
  const remote = endpoint(env, s, s.remote.addr, s.remote.port);
  const tx = s.state === 'LISTEN' ? 0 : s.sendQ;
  const prot = s.family === 'inet6' ? 'tcp6' : 'tcp';
  const head =
    `${prot.padEnd(4)}  ${String(s.recvQ).padStart(6)} ${String(tx).padStart(6)} ` +
    `${local.padEnd(23)} ${remote.padEnd(23)} ${(kernelTcpState(s.state) ?? '').padEnd(11)}`;
  return head + tail(env, s.uid, s.state === 'TIME-WAIT' ? 0 : s.inode, timerText(s));
}

function dgramLine(env: NetstatEnv, s: Socket): string {
  const { flags } = env;
  const connected = s.remote.addr !== '0.0.0.0' && s.remote.addr !== '::';
  if (!(flags.all || (connected && !flags.listening) || (!connected && flags.listening))) return '';
  const local = endpoint(env, s, s.local.addr, s.local.port);
  const remote = endpoint(env, s, s.remote.addr, s.remote.port);
  const prot = s.family === 'inet6' ? `${s.proto}6` : s.proto;
  const state =
    s.proto === 'raw'
      ? String(s.state === 'ESTABLISHED' ? 1 : 7)
      : s.state === 'ESTABLISHED'
        ? 'ESTABLISHED'
        : '';
  const head =
    `${prot.padEnd(5)} ${String(s.recvQ).padStart(6)} ${String(s.sendQ).padStart(6)} ` +
    `${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)}`;
  return head + tail(env, s.uid, s.inode, 'off (0.00/0/0)');
}

function section(flags: NetstatFlags, title: string): string {
  if (flags.all) return `${title}(servers and established)`;
  return `${title}${flags.listening ? '(only servers)' : '(w/o servers)'}`;
}

export function inetHeader(flags: NetstatFlags): string {
  let h = `${section(flags, 'Active Internet connections ')}\n`;
  h += 'Proto Recv-Q Send-Q Local Address           Foreign Address         State      ';
  if (flags.extend > 1) h += ' User       Inode     ';
  if (flags.programs) h += ` ${'PID/Program name'.padEnd(20)}`;
  if (flags.timers) h += ' Timer';
  return `${h}\n`;
}

export function inetRows(
  env: NetstatEnv,
  protos: { tcp: boolean; udp: boolean; raw: boolean },
  fams: { inet: boolean; inet6: boolean },
): string {
  let out = '';
  const famList = (['inet', 'inet6'] as const).filter((f) => fams[f]);
  for (const proto of ['tcp', 'udp', 'raw'] as const) {
    if (!protos[proto]) continue;
    for (const fam of famList) {
      for (const s of rows(env.world, proto, fam)) {
        out += proto === 'tcp' ? tcpLine(env, s) : dgramLine(env, s);
      }
    }
  }
  return out;
}

const UNIX_TYPES = { stream: 'STREAM', dgram: 'DGRAM', seqpacket: 'SEQPACKET' } as const;

function unixLine(env: NetstatEnv, u: UnixSocket): string {
  const listening = u.state === 'LISTEN';
  if (!env.flags.all && (listening ? !env.flags.listening : env.flags.listening)) return '';
  const state = listening ? 'LISTENING' : u.state === 'ESTAB' ? 'CONNECTED' : '';
  const flags = listening ? '[ ACC ]' : '[ ]';
  const ref = u.state === 'ESTAB' && u.kind === 'stream' ? 3 : 2;
  let line =
    `unix  ${String(ref).padEnd(6)} ${flags.padEnd(11)} ${UNIX_TYPES[u.kind].padEnd(10)} ` +
    `${state.padEnd(13)} ${String(u.inode).padEnd(8)}`;
  if (env.flags.programs) line += ` ${programName(env, u.inode).padEnd(20)}`;
  return `${line} ${u.path ?? ''}\n`;
}

export function unixSection(env: NetstatEnv): string {
  let out = `${section(env.flags, 'Active UNIX domain sockets ')}\n`;
  out += 'Proto RefCnt Flags       Type       State         I-Node  ';
  if (env.flags.programs) out += ` ${'PID/Program name'.padEnd(20)}`;
  out += ' Path\n';
  for (const u of env.world.unixSockets) out += unixLine(env, u);
  return out;
}

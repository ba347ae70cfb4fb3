/**
 * ss's options: the getopt tables of ss 6.1 and what the simulator does
 * with each (the support table that --help, docs and tests read).
 */
import type { OptionSupport } from '../types';
import type { LongOption } from './getopt';

export const SS_SHORT = 'dhaletuwxnro460spTbEf:mMiA:D:F:vVzZN:KHSO';

const L = (name: string, key: string, arg: 'none' | 'required' = 'none'): LongOption => ({
  name,
  key,
  arg,
});

export const SS_LONG: LongOption[] = [
  L('numeric', 'n'),
  L('resolve', 'r'),
  L('options', 'o'),
  L('extended', 'e'),
  L('memory', 'm'),
  L('info', 'i'),
  L('processes', 'p'),
  L('threads', 'T'),
  L('bpf', 'b'),
  L('events', 'E'),
  L('dccp', 'd'),
  L('tcp', 't'),
  L('sctp', 'S'),
  L('udp', 'u'),
  L('raw', 'w'),
  L('unix', 'x'),
  L('tipc', 'tipc'),
  L('vsock', 'vsock'),
  L('all', 'a'),
  L('listening', 'l'),
  L('ipv4', '4'),
  L('ipv6', '6'),
  L('packet', '0'),
  L('family', 'f', 'required'),
  L('socket', 'A', 'required'),
  L('query', 'A', 'required'),
  L('summary', 's'),
  L('diag', 'D', 'required'),
  L('filter', 'F', 'required'),
  L('version', 'V'),
  L('help', 'h'),
  L('context', 'Z'),
  L('contexts', 'z'),
  L('net', 'N', 'required'),
  L('tipcinfo', 'tipcinfo'),
  L('tos', 'tos'),
  L('cgroup', 'cgroup'),
  L('kill', 'K'),
  L('no-header', 'H'),
  L('xdp', 'xdp'),
  L('mptcp', 'M'),
  L('oneline', 'O'),
  L('inet-sockopt', 'inet-sockopt'),
];

const full = (flag: string, note?: string): OptionSupport => ({ flag, support: 'full', note });
const part = (flag: string, note: string): OptionSupport => ({ flag, support: 'partial', note });
const none = (flag: string, note: string): OptionSupport => ({ flag, support: 'none', note });

export const SS_OPTIONS: OptionSupport[] = [
  full('-t, --tcp'),
  full('-u, --udp'),
  full('-w, --raw'),
  full('-x, --unix'),
  full('-a, --all'),
  full('-l, --listening'),
  full('-n, --numeric'),
  full('-p, --processes', 'an unprivileged user sees only its own processes'),
  full('-o, --options'),
  full('-H, --no-header'),
  full('-4, --ipv4'),
  full('-6, --ipv6'),
  full('-A, --query, --socket'),
  full('-f, --family'),
  full('-s, --summary'),
  full('-V, --version'),
  full('-h, --help'),
  part('-e, --extended', 'unix sockets print only the shutdown mark, no VFS inode'),
  part(
    '-i, --info',
    'kernel fields absent from the world (BBR block, rates) are left out; ' +
      'listeners print an idle default',
  ),
  part('-r, --resolve', 'names come from /etc/hosts only (no DNS in the lab)'),
  part('FILTER', 'dev, fwmark and cgroup parse but sockets carry no device or mark'),
  part('-a (netlink, packet)', 'netlink and packet sockets are not modelled'),
  part(
    'layout',
    'the compact (not a terminal) layout of the captures, unless the session sets ' +
      'OUTBOUND_STDOUT_TTY=1 and COLUMNS for an unpiped command',
  ),
  part('-m, --memory', 'derived from the queues (truesize per segment, default buffer sizes)'),
  none('-T, --threads', 'threads are not modelled'),
  none('-K, --kill', 'closing sockets is not simulated'),
  none('-E, --events', 'no event stream'),
  none('-b, --bpf', 'no BPF filters'),
  none('-Z, -z', 'SELinux is not enabled on the simulated host'),
  none('-N, --net', 'one network namespace'),
  none('-D, -F', 'no files are read or written'),
  none('-M, -S, -d, --tipc, --vsock, --xdp', 'those socket types are not modelled'),
  none('--tos, --cgroup, -O, --inet-sockopt', 'not simulated'),
];

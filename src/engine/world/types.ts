/**
 * The simulated host at one moment: the single source of truth every tool
 * reads. A `HostState` is plain data built by `worldAt()` from a compiled
 * scenario, a simulated time and the trainee's actions. Tools never change it;
 * they return `WorldEvent`s instead, which the session appends to its log.
 *
 * Times are epoch milliseconds (UTC). Addresses are canonical text:
 * IPv4 dotted quad, IPv6 in RFC 5952 form ("::1", "2001:db8::5").
 */

export type Family = 'inet' | 'inet6';

export interface Endpoint {
  /** Canonical address; "0.0.0.0" or "::" for a wildcard bind. */
  addr: string;
  /** 0 for a wildcard peer ("*"). */
  port: number;
}

export type TcpState =
  | 'ESTABLISHED'
  | 'SYN-SENT'
  | 'SYN-RECV'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'TIME-WAIT'
  | 'CLOSE'
  | 'CLOSE-WAIT'
  | 'LAST-ACK'
  | 'LISTEN'
  | 'CLOSING';

export type SocketState = TcpState | 'UNCONN';

/** The kernel timer on a TCP socket, as `ss -o` shows it. */
export interface SocketTimer {
  kind: 'on' | 'keepalive' | 'timewait' | 'persist';
  /** Milliseconds until it fires, at the moment of the snapshot. */
  expiresMs: number;
  retrans: number;
}

/** The subset of tcp_info that `ss -i` prints. Absent fields are not printed. */
export interface TcpInfo {
  congestion: string;
  wscale: [number, number];
  rto: number;
  rtt: number;
  rttvar: number;
  ato?: number;
  mss: number;
  pmtu: number;
  rcvmss: number;
  advmss: number;
  cwnd: number;
  ssthresh?: number;
  bytesSent: number;
  bytesRetrans?: number;
  bytesAcked: number;
  bytesReceived?: number;
  segsOut: number;
  segsIn: number;
  dataSegsOut?: number;
  dataSegsIn?: number;
  /** Milliseconds since the last send, receive and ack. */
  lastsnd: number;
  lastrcv: number;
  lastack: number;
  minrtt: number;
  sndWnd: number;
  rcvSpace: number;
  rcvSsthresh: number;
  notsent?: number;
  appLimited?: boolean;
  busyMs?: number;
  /** Kernel fields that only some sockets report (`ss -i` prints them when present). */
  bbr?: { bw: number; mrtt: number; pacingGain?: number; cwndGain?: number };
  /** Bytes per second. */
  pacingRate?: number;
  deliveryRate?: number;
  delivered?: number;
  rwndLimitedMs?: number;
  sndbufLimitedMs?: number;
  unacked?: number;
  retrans?: [number, number];
  lost?: number;
  dsackDups?: number;
  reordSeen?: number;
  rcvRtt?: number;
  /** The quick-ack counter of /proc/net/tcp. */
  ackQuick?: number;
}

export interface Socket {
  /** Scenario id, or a generated one for periodic behaviour. */
  id: string;
  inode: number;
  /** Socket cookie shown by `ss -e` as `sk:` (hex). */
  sk: number;
  proto: 'tcp' | 'udp' | 'raw';
  family: Family;
  state: SocketState;
  local: Endpoint;
  remote: Endpoint;
  /** For LISTEN sockets Recv-Q is the accept queue and Send-Q the backlog. */
  recvQ: number;
  sendQ: number;
  uid: number;
  v6only?: boolean;
  timer?: SocketTimer;
  info?: TcpInfo;
  /** systemd cgroup path, shown by `ss -e` on a systemd host. */
  cgroup?: string;
  createdAt: number;
}

export interface UnixSocket {
  id: string;
  inode: number;
  kind: 'stream' | 'dgram' | 'seqpacket';
  state: 'LISTEN' | 'ESTAB' | 'UNCONN';
  path?: string;
  peerInode: number;
  recvQ: number;
  sendQ: number;
}

export type FdKind = 'socket' | 'unix' | 'file' | 'dir' | 'chr' | 'pipe';

export interface FdEntry {
  fd: number;
  kind: FdKind;
  /** Socket inode for sockets and pipes, a path otherwise. */
  target: number | string;
  /** lsof's access mode letter: r, w or u. */
  mode: 'r' | 'w' | 'u';
  /** The path is gone (a pty whose master closed): readlink adds " (deleted)". */
  deleted?: boolean;
}

export interface Process {
  pid: number;
  ppid: number;
  uid: number;
  gid: number;
  /** Kernel command name (at most 15 characters), as in /proc/PID/comm. */
  comm: string;
  /** The argument vector, as in /proc/PID/cmdline. */
  argv: string[];
  /**
   * A process title set by the program (sshd, nginx, postgres), which `ps`
   * shows instead of argv. /proc/PID/cmdline shows it too.
   */
  title?: string;
  exe: string;
  cwd: string;
  env: [string, string][];
  /** "pts/0", "tty1", or null for no controlling terminal. */
  tty: string | null;
  /**
   * Process group and session (/proc/PID/stat pgrp, session). A behaviour
   * sets them when it knows them; the world fills in the rest (sessions.ts).
   */
  pgid?: number;
  sid?: number;
  /** `ps` STAT letters, for example "Ss", "S+", "R". */
  stat: string;
  startTime: number;
  /** Kilobytes. */
  vsz: number;
  rss: number;
  /** CPU seconds used so far. */
  cpuSeconds: number;
  fds: FdEntry[];
  /** systemd unit the process belongs to, if any ("ssh.service"). */
  unit?: string;
  /** The scenario entity that created it, for the scorer. */
  origin?: string;
  /**
   * /proc/PID/loginuid: the audit login uid (4294967295 when unset). When
   * absent it is derived from the login the process descends from.
   */
  loginuid?: number;
  /**
   * The threads besides the main one (whose id is the pid), in the order
   * they started; ids come from the host's pid counter. None: one thread.
   */
  threads?: ProcessThread[];
}

/** A thread of a process: its id (from the pid counter) and its name (comm). */
export interface ProcessThread {
  tid: number;
  comm: string;
}

export interface Account {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
  /** Extra group names. */
  groups: string[];
}

export interface Group {
  name: string;
  gid: number;
  members: string[];
}

export interface Address {
  family: Family;
  address: string;
  prefix: number;
  broadcast?: string;
  peer?: string;
  scope: 'host' | 'global' | 'link';
  /** Seconds, or undefined for "forever". */
  validLft?: number;
  preferredLft?: number;
  dynamic?: boolean;
}

export interface LinkStats {
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  rxMissed: number;
  rxMcast: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
  txCarrier: number;
  txCollisions: number;
}

export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'tun' | 'veth';

export interface Interface {
  index: number;
  name: string;
  kind: LinkKind;
  /** For a veth: the peer's ifindex, printed as `eth0@if9`. */
  peerIndex?: number;
  /** For a veth whose peer lives in another namespace. */
  linkNetns?: string;
  /** Lower-case colon form; undefined for links without one (tun). */
  mac?: string;
  mtu: number;
  /** Kernel flags as `ip link` prints them, in order: BROADCAST,MULTICAST,UP,LOWER_UP. */
  flags: string[];
  operState: 'UP' | 'DOWN' | 'UNKNOWN';
  qdisc: string;
  qlen: number;
  master?: string;
  addresses: Address[];
  stats: LinkStats;
}

export interface Route {
  family: Family;
  /** "default" or a CIDR ("10.10.0.0/24"); a host route may omit "/32". */
  dst: string;
  via?: string;
  dev: string;
  proto?: 'kernel' | 'boot' | 'static' | 'dhcp' | 'ra';
  scope?: 'link' | 'host' | 'global';
  src?: string;
  metric?: number;
  linkdown?: boolean;
  pref?: 'medium' | 'high' | 'low';
  table?: string;
}

export interface Neighbour {
  address: string;
  dev: string;
  lladdr?: string;
  state: 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT' | 'INCOMPLETE' | 'NOARP';
  router?: boolean;
}

/** One iptables rule. Fields left undefined match anything. */
export interface FirewallRule {
  /** Scenario id when the rule came from a scenario entity. */
  id?: string;
  protocol?: 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all';
  source?: string;
  sourceNegated?: boolean;
  destination?: string;
  destinationNegated?: boolean;
  inIface?: string;
  inIfaceNegated?: boolean;
  outIface?: string;
  outIfaceNegated?: boolean;
  sport?: number | [number, number];
  dport?: number | [number, number];
  /** conntrack states, upper case: NEW, RELATED, ESTABLISHED, INVALID. */
  ctstate?: string[];
  comment?: string;
  /** `-p icmp -m icmp --icmp-type N`. */
  icmpType?: number;
  /** `-m multiport --dports/--sports LIST`, the list as written ("22,80", "1000:2000"). */
  multiport?: { dports?: string; sports?: string };
  /** `-m addrtype --dst-type TYPE`. */
  dstType?: 'LOCAL' | 'MULTICAST' | 'BROADCAST' | 'UNICAST';
  /** `-m limit --limit RATE [--limit-burst N]`; rate as iptables saves it ("3/min"). */
  limit?: { rate: string; burst?: number };
  /** `-m recent` as ufw's limit rules use it: --set, or --update --seconds 30 --hitcount 6. */
  recent?: 'set' | 'update';
  target: string;
  /** Extra target options, as iptables -S prints them ("--reject-with icmp-port-unreachable"). */
  targetOptions?: string;
  packets: number;
  bytes: number;
}

export interface FirewallChain {
  name: string;
  /** Built-in chains have a policy; user chains have none. */
  policy?: 'ACCEPT' | 'DROP';
  packets: number;
  bytes: number;
  rules: FirewallRule[];
}

export interface FirewallTable {
  name: 'filter' | 'nat' | 'mangle' | 'raw';
  chains: FirewallChain[];
}

export interface UfwRule {
  to: string;
  action: 'ALLOW' | 'DENY' | 'REJECT' | 'LIMIT';
  direction: 'IN' | 'OUT';
  from: string;
  v6: boolean;
}

export interface UfwState {
  enabled: boolean;
  logging: 'off' | 'low' | 'medium' | 'high' | 'full';
  defaultIncoming: 'deny' | 'allow' | 'reject';
  defaultOutgoing: 'deny' | 'allow' | 'reject';
  defaultRouted: 'deny' | 'allow' | 'reject' | 'disabled';
  rules: UfwRule[];
}

export interface Firewall {
  /** iptables-nft (the default on current distributions) or legacy. */
  backend: 'nf_tables' | 'legacy';
  tables: FirewallTable[];
  ufw?: UfwState;
  /** Extra nftables tables the host defines natively, as nft source text. */
  nftNative?: string;
}

/** A utmp/wtmp record: who is (or was) logged in. */
export interface Login {
  id: string;
  user: string;
  tty: string;
  host: string;
  loginAt: number;
  /** Undefined while the session is open. */
  logoutAt?: number;
  /** The session's leader process (sshd's per-session child). */
  pid: number;
  /** True for the trainee's own session. */
  self?: boolean;
}

export interface LogEntry {
  time: number;
  /** Program name as syslog shows it: "sshd", "CRON", "systemd". */
  ident: string;
  pid?: number;
  message: string;
  /** Syslog facility: auth and authpriv go to auth.log. */
  facility: 'auth' | 'authpriv' | 'cron' | 'daemon' | 'kern' | 'user' | 'syslog';
  /** systemd unit, for `journalctl -u`. */
  unit?: string;
  priority?: number;
  /**
   * The program opened syslog without LOG_PID (sudo): rsyslog's files show
   * the bare name, the journal still records the pid.
   */
  noPidTag?: boolean;
}

/** A single conntrack flow. */
export interface Flow {
  proto: 'tcp' | 'udp' | 'icmp';
  state?: string;
  /** Seconds left before the entry expires. */
  timeout: number;
  orig: { src: string; dst: string; sport: number; dport: number };
  reply: { src: string; dst: string; sport: number; dport: number };
  assured: boolean;
  mark: number;
}

/** A packet on the wire, for tcpdump. */
export interface Packet {
  time: number;
  iface: string;
  family: Family;
  proto: 'tcp' | 'udp' | 'icmp';
  src: string;
  dst: string;
  sport: number;
  dport: number;
  /** TCP flags as tcpdump prints them inside Flags [..]: "S", "S.", ".", "P.", "F.", "R". */
  flags?: string;
  seq?: number;
  seqEnd?: number;
  ack?: number;
  win?: number;
  options?: string;
  length: number;
}

export interface VirtualFile {
  path: string;
  content: string;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

export interface CronJob {
  /** Where the job is defined: a user crontab or a file in /etc/cron.d. */
  source: { kind: 'user'; user: string } | { kind: 'file'; path: string };
  schedule: string;
  /** For /etc/crontab and /etc/cron.d: the user it runs as. */
  user: string;
  command: string;
}

export interface Unit {
  name: string;
  description: string;
  /** Loaded unit file path. */
  path: string;
  active: 'active' | 'inactive' | 'failed' | 'activating';
  sub: 'running' | 'exited' | 'dead' | 'failed' | 'waiting' | 'listening' | 'auto-restart';
  enabled: 'enabled' | 'disabled' | 'static';
  mainPid?: number;
  since: number;
  /** Why a failed unit failed, as status prints it: "signal", "exit-code". */
  result?: string;
  /** A failed or restarting unit's last main process: pid, killing signal, run span, CPU. */
  exited?: { pid: number; signal: string; from: number; to: number; cpuSeconds: number };
  /** For timers: the next and last trigger. */
  timer?: { next: number; last?: number; activates: string };
}

export type DistroId = 'ubuntu-24.04' | 'ubuntu-22.04' | 'debian-12';

export interface HostInfo {
  hostname: string;
  distro: DistroId;
  kernel: string;
  arch: string;
  bootTime: number;
  timezone: string;
  /** Load averages shown by uptime and w. */
  load: [number, number, number];
  memTotalKb: number;
  /** Online CPUs (the scenario's; 2 when absent): read it through cpuCount(). */
  cpus?: number;
  /** A container: no boot or run-level records in wtmp and utmp. */
  container?: boolean;
  /**
   * The DNS servers and search domains systemd-resolved has for the primary
   * link (resolv.conf's stub points at it); absent on hand-built worlds.
   */
  dns?: { servers: string[]; search: string[] };
}

export interface HostState {
  now: number;
  host: HostInfo;
  accounts: Account[];
  groups: Group[];
  interfaces: Interface[];
  routes: Route[];
  neighbours: Neighbour[];
  firewall: Firewall;
  processes: Process[];
  sockets: Socket[];
  unixSockets: UnixSocket[];
  logins: Login[];
  flows: Flow[];
  cron: CronJob[];
  units: Unit[];
  files: VirtualFile[];
  /**
   * The last pid the kernel handed out by `now` (/proc/loadavg's last field);
   * the next process gets a larger one. Absent on hand-built worlds.
   */
  lastPid?: number;
  /**
   * The pids the next `n` processes forked at `now` get, after everything
   * the host forked by then. Absent on hand-built worlds.
   */
  nextPids?(n: number): number[];
  /**
   * The pid of the process reading this world, one of `processes`: the
   * command the trainee runs (ps's own row), or the trainee's shell when a
   * builtin reads; /proc/self leads there. Absent on hand-built worlds.
   */
  self?: number;
  /**
   * Directories whose entries changed after their newest entry was made (a
   * removed crontab): the time of the change is their mtime. Optional.
   */
  dirChanges?: { path: string; at: number }[];
  /** Log entries up to `now`, oldest first, produced for the window asked. */
  logs(from: number, to: number): LogEntry[];
  /** Packets on the wire in [from, to), oldest first. */
  packets(from: number, to: number): Packet[];
}

/** A change to the world, at a simulated time. Trainee actions are events too. */
export type WorldEvent =
  | { type: 'kill'; at: number; pid: number; signal: number }
  | { type: 'firewall'; at: number; table: string; op: FirewallOp }
  | { type: 'ufw'; at: number; op: UfwOp }
  /** `crontab -r` (-u USER); `by`: who ran it, as cron logs it (the user when absent). */
  | { type: 'crontab-remove'; at: number; user: string; by?: string }
  /** `crontab -l`: changes nothing but cron's log, which names who listed whose crontab. */
  | { type: 'crontab-list'; at: number; user: string; by: string }
  | { type: 'unit'; at: number; unit: string; action: 'stop' | 'start' | 'disable' | 'enable' | 'restart' }
  | { type: 'iface'; at: number; iface: string; up: boolean }
  | { type: 'file-write'; at: number; path: string; content: string }
  /** conntrack -D/-F deleted these entries (flow-delete.ts keys). */
  | { type: 'conntrack-delete'; at: number; flows: string[] }
  /**
   * The trainee's shell forked `count` processes at `at` (the programs of
   * the command lines run then). They take numbers of the pid counter, so
   * what forks later gets larger pids.
   */
  | { type: 'spawn'; at: number; count: number }
  /**
   * The trainee ran sudo (its process is `pid`, which this event's pid step
   * stands for): the auth log's trace. `command` is as sudo logs it.
   */
  | { type: 'sudo'; at: number; pid: number; user: string; uid: number; tty: string | null;
    pwd: string; command: string; unit?: string; shell?: SudoShell }
  /** The sudo process `pid` ended (its PAM session closed); forks nothing. */
  | { type: 'sudo-end'; at: number; pid: number };

/**
 * A shell sudo leaves running (sudo -i, sudo -s, sudo su): with use_pty
 * sudo opens a new pty (`pty`, "pts/1") and its monitor runs `chain`
 * there, each the parent of the next (`-bash`; or `su -` then `-bash`).
 * The event's pid step holds sudo, its monitor and the chain, in order.
 */
export interface SudoShell {
  /** sudo's argv as typed (`sudo -i`): its own and its monitor's. */
  argv: string[];
  pty: string;
  chain: string[][];
  /** The working directory of the shell at the end of the chain. */
  cwd: string;
  /** The shell that ran sudo (sudo's parent). */
  parent: number;
}

export type FirewallOp =
  | { kind: 'append'; chain: string; rule: FirewallRule }
  | { kind: 'insert'; chain: string; position: number; rule: FirewallRule }
  | { kind: 'delete'; chain: string; position: number }
  | { kind: 'policy'; chain: string; policy: 'ACCEPT' | 'DROP' }
  | { kind: 'flush'; chain?: string }
  | { kind: 'zero'; chain?: string }
  | { kind: 'new-chain'; chain: string }
  | { kind: 'delete-chain'; chain: string };

export type UfwOp =
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'rule'; rule: UfwRule }
  | { kind: 'delete'; number: number };

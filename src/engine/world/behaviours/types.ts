/**
 * Compiled timeline behaviours: what a `timeline:` entry of a scenario
 * becomes once its times are absolute (epoch ms), its references resolved
 * and the numbers the kernel would hand out (pids, inodes, ports, socket
 * cookies) allocated. `worldAt` expands them into processes, sockets, log
 * lines, login records, flows and packets at a given simulated time.
 *
 * Allocation happens once, at compile time, so a behaviour's pids and inodes
 * never depend on the order in which the world is asked about. Periodic
 * behaviours (a beacon) draw each occurrence's numbers from pure functions of
 * the occurrence index instead (see `alloc.ts`).
 */
import type { SudoUse } from '../sudo-log';
import type { Endpoint, FdEntry, FirewallOp, LogEntry, VirtualFile } from '../types';
import type { CronRuns } from '../base/cron-runs';
import type { KernelCounter } from './alloc';

export interface BehaviourBase {
  id: string;
  /** Start on the simulated clock. */
  at: number;
  /** Natural end, if any (logout, exit, end of transfer, `until`). */
  until?: number;
}

/** The user a behaviour runs as, resolved against the host's accounts. */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** One `ssh -R` forward: sshd (as the user) listens on loopback. */
export interface RemoteForward {
  port: number;
  /** Where the client side forwards to, as typed: "127.0.0.1:80". */
  target: string;
  v4: { inode: number; sk: number; fd: number };
  v6: { inode: number; sk: number; fd: number };
}

export interface SshLogin extends BehaviourBase, RunAs {
  kind: 'ssh-login';
  /** 'ssh-remote-forward' when written as that kind. */
  written: 'ssh-login' | 'ssh-remote-forward';
  from: string;
  fromPort: number;
  auth: 'publickey' | 'password';
  keyType: 'ED25519' | 'RSA' | 'ECDSA';
  fingerprint: string;
  /** `TYPE BLOB` of the key whose fingerprint that is (ssh-keys.ts). */
  publicKey: string;
  pty: boolean;
  /** "pts/N" when pty is true. */
  tty: string | null;
  commands: string[];
  /** The commands typed with sudo: their trace in the auth log (sudo-log.ts). */
  sudo: SudoUse[];
  /** Failed password attempts before the login, each its own sshd (pid). */
  failures: { at: number; user: string; invalid: boolean; port: number; pid: number }[];
  /** systemd-logind session number. */
  session: number;
  forwards: RemoteForward[];
  pids: { priv: number; user: number; shell: number };
  /** The user's service manager (`systemd --user`) and its `(sd-pam)` child. */
  manager: { pid: number; sdPam: number };
  inode: number;
  sk: number;
  /** Pids of the daemons that log: the sshd listener, systemd-logind. */
  listenerPid: number;
  logindPid: number;
}

/** One fd of a chain process: the shell's socket, its tty, a path or a pipe end. */
export type FdSpec =
  | { fd: number; sock: true }
  | { fd: number; tty: true }
  | { fd: number; path: string; mode: 'r' | 'w' | 'u' }
  | { fd: number; pipe: number; mode: 'r' | 'w' };

/** A process of a reverse-shell flavour's chain (argv already filled in). */
export interface ChainProcess {
  /** Index of the parent in the chain, -1 for the behaviour's parent. */
  parent: number;
  comm: string;
  exe: string;
  argv: string[];
  stat: string;
  fds: FdSpec[];
  vsz: number;
  rss: number;
  /** Signals the process ignores (an interactive bash ignores SIGTERM, SIGINT). */
  ignores?: number[];
  /** It exits when any of these chain processes exits (a bash waiting on its child). */
  endsWith?: number[];
  /** It exits by itself this long after it starts (sleep 3600). */
  lifetime?: number;
  /** Chain index of its process group's leader (default 0; itself for a job-control shell). */
  pgrp?: number;
}

export interface ReverseShell extends BehaviourBase, RunAs {
  kind: 'reverse-shell';
  flavour: string;
  /** The entry or base process it was started from. */
  parent: string;
  parentPid: number;
  tty: string | null;
  /** Session of the parent (the login shell's pid). */
  sid?: number;
  cwd: string;
  env: [string, string][];
  to: Endpoint;
  localPort: number;
  chain: ChainProcess[];
  pids: number[];
  /** Pipe inodes, one per pipe the flavour needs. */
  pipes: number[];
  inode: number;
  sk: number;
  /** After a kill, the attacker reconnects this long later (new pids). */
  reconnectAfter?: number;
  /** Inodes and ports for up to three reconnections (their pids come with the kill). */
  respawns: { pipes: number[]; inode: number; sk: number; localPort: number }[];
  /** Started with setsid/nohup: survives its parent's end. */
  detached: boolean;
  /** Index in `chain` of the interactive shell (what the attacker types into). */
  shellIndex: number;
  /** systemd cgroup inherited from the parent (session scope), shown by `ss -e`. */
  cgroup?: string;
}

export interface Beacon extends BehaviourBase, RunAs {
  kind: 'beacon';
  interval: number;
  /** Up to this many ms of delay after each nominal time. */
  jitter: number;
  via: 'cron' | 'loop';
  tool: 'curl' | 'wget' | 'nc';
  to: Endpoint;
  protocol: 'https' | 'http' | 'tcp';
  url: string;
  /** The script cron runs (or the loop runs). */
  script: string;
  /** How long a tool waits before giving up on a connection, ms. */
  timeout: number;
  /** Crontab line for via: cron. */
  cronLine: string;
  /** The tool's argv for one check-in. */
  toolArgv: string[];
  /** For via: loop, the loop's argv and the entry it was started from. */
  loopArgv: string[];
  parent?: string;
  /** For via: loop, the looping process and its parent. */
  loopPid: number;
  /** For via: loop, fds 0-2 of the loop (and of what it runs): see `backgrounded` in beacon.ts. */
  stdio: FdEntry[];
  parentPid: number;
  cronPid: number;
  crontabPid: number;
  /** Bytes of request and response, for counters and packets. */
  requestBytes: number;
  responseBytes: number;
  /** Nominal time of occurrence 0 (cron: the first minute after install). */
  first: number;
  /**
   * Numbers per occurrence: pids from the host's counter (uses `ID:occ` and
   * `ID:tool`, see pid-plan.ts), inodes from the inode counter.
   */
  perOccurrence: { pids: number; inodes: number };
  inodes: KernelCounter;
  /** Socket cookies of occurrence k are skBase + k. */
  skBase: number;
  /** The crontab (or script) files it installs. */
  files: VirtualFile[];
  /** For via: loop, the cgroup of the entry it was started from. */
  cgroup?: string;
}

export interface Exfil extends BehaviourBase, RunAs {
  kind: 'exfil';
  tool: 'tar-nc' | 'curl' | 'scp';
  source: string;
  to: Endpoint;
  volume: number;
  /** Bytes per second acknowledged by the far end. */
  rate: number;
  parentPid: number;
  parent?: string;
  tty: string | null;
  /** fds 0-2 of the shell it was typed into, which the pipeline inherits. */
  stdio: FdEntry[];
  /** What that shell exports to the programs it runs. */
  env?: [string, string][];
  /** Session of that shell. */
  sid?: number;
  cwd: string;
  pids: number[];
  pipe: number;
  inode: number;
  sk: number;
  localPort: number;
  cgroup?: string;
}

export interface Listener extends BehaviourBase, RunAs {
  kind: 'listener';
  tool: 'socat' | 'nc' | 'python';
  address: string;
  port: number;
  exec?: string;
  parentPid: number;
  pid: number;
  inode: number;
  sk: number;
  argv: string[];
  cgroup?: string;
}

export interface FirewallChange extends BehaviourBase, RunAs {
  kind: 'firewall-change';
  table: string;
  op: FirewallOp;
  /** The command line as typed, for the sudo trace. */
  command: string;
  sudo: boolean;
  tty: string | null;
  cwd: string;
  sudoPid: number;
}

export interface ProcessEntry extends BehaviourBase, RunAs {
  kind: 'process';
  argv: string[];
  comm: string;
  exe: string;
  cwd: string;
  tty: string | null;
  stat: string;
  parentPid: number;
  parent?: string;
  pid: number;
  /** fds 0-2, inherited from the parent's. */
  stdio: FdEntry[];
  sid?: number;
}

export interface CronJobEntry extends BehaviourBase, RunAs {
  kind: 'cron-job';
  schedule: string;
  command: string;
  /** A file in /etc/cron.d, or undefined for the user's crontab. */
  file?: string;
  crontabPid: number;
  cronPid: number;
  /** The minutes it runs (from the minute after `at` to `until`). */
  runs: CronRuns;
}

export interface LogBehaviour extends BehaviourBase {
  kind: 'log';
  entries: LogEntry[];
}

export type CompiledBehaviour =
  | SshLogin
  | ReverseShell
  | Beacon
  | Exfil
  | Listener
  | FirewallChange
  | ProcessEntry
  | CronJobEntry
  | LogBehaviour;

export type BehaviourKind = CompiledBehaviour['kind'];

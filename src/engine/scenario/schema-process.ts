/**
 * The low level of the format: processes with their fds, sockets with their
 * kernel counters, utmp records and raw log lines. Anything a behaviour
 * produces can be written here by hand, so a captured host can be
 * reproduced exactly (pids, inodes, ports, counters).
 */
import { z } from 'zod';
import {
  doc,
  durationSchema,
  endpointSchema,
  idSchema,
  ipSchema,
  refSchema,
  timeSchema,
  userNameSchema,
} from './schema-common';

const fdSchema = doc(
  z.union([
    z.strictObject({
      fd: doc(z.number().int().min(0), 'The descriptor number.'),
      socket: doc(refSchema, 'Id of a socket in `sockets`.'),
      mode: doc(z.enum(['r', 'w', 'u']).default('u'), 'Access mode as lsof shows it.'),
    }),
    z.strictObject({
      fd: doc(z.number().int().min(0), 'The descriptor number.'),
      path: doc(z.string().min(1), 'A file, directory or device path.', ['/dev/null', '/dev/tty']),
      kind: doc(
        z.enum(['file', 'dir', 'chr']).optional(),
        'What it is; chr for /dev/*, file otherwise.',
      ),
      mode: doc(z.enum(['r', 'w', 'u']).default('u'), 'Access mode as lsof shows it.'),
    }),
    z.strictObject({
      fd: doc(z.number().int().min(0), 'The descriptor number.'),
      unix: doc(refSchema, 'Id of a socket in `unix_sockets`.'),
      mode: doc(z.enum(['r', 'w', 'u']).default('u'), 'Access mode as lsof shows it.'),
    }),
    z.strictObject({
      fd: doc(z.number().int().min(0), 'The descriptor number.'),
      pipe: doc(idSchema, 'A pipe name; fds naming the same pipe share its inode.'),
      mode: doc(z.enum(['r', 'w', 'u']).default('r'), 'r for the read end, w for the write end.'),
    }),
  ]),
  'An open file descriptor: a socket or UNIX socket (by id), a path, or one end of a pipe.',
  [
    { fd: 3, socket: 'exfil' },
    { fd: 255, path: '/dev/tty' },
  ],
);

export const processSchema = z.strictObject({
  id: idSchema,
  pid: doc(z.number().int().min(1).optional(), 'Pid; allocated from the start time by default.'),
  ppid: doc(
    z.number().int().min(0).optional(),
    'Parent pid, when the parent is not a scenario entity.',
  ),
  parent: doc(refSchema.optional(), 'Parent process, by id. Default parent: pid 1.'),
  user: doc(userNameSchema.default('root'), 'Owner (real and effective uid).'),
  group: doc(z.string().optional(), "Group; the user's primary group by default."),
  argv: doc(z.array(z.string()).min(1), 'Argument vector (/proc/PID/cmdline).', [
    ['nc', '198.51.100.23', '9001'],
  ]),
  comm: doc(
    z.string().max(15).optional(),
    'Kernel command name; the basename of argv[0] by default.',
  ),
  title: doc(z.string().optional(), 'Process title set by the program (sshd, nginx), shown by ps.'),
  exe: doc(z.string().optional(), '/proc/PID/exe; looked up from argv[0] by default.', [
    '/usr/bin/nc.openbsd',
  ]),
  cwd: doc(z.string().default('/'), 'Working directory.'),
  env: doc(
    z.array(z.string().regex(/^[^=]+=/, 'an env entry is NAME=value')).default([]),
    'Environment, NAME=value entries in /proc/PID/environ order.',
    [['HOME=/home/deploy', 'SHELL=/bin/bash']],
  ),
  tty: doc(z.string().nullable().default(null), 'Controlling terminal (pts/0, tty1) or null.'),
  stat: doc(z.string().default('S'), 'ps STAT letters.', ['Ss', 'S+', 'R']),
  start: doc(timeSchema.default('-1m'), 'Start time.'),
  exit: doc(timeSchema.optional(), 'Exit time, if it ends within the scenario.'),
  vsz: doc(z.number().int().min(0).default(0), 'Virtual size in kB.'),
  rss: doc(z.number().int().min(0).default(0), 'Resident size in kB.'),
  cpu: doc(z.number().min(0).default(0), 'CPU seconds used.'),
  unit: doc(z.string().optional(), 'systemd unit the process belongs to.', ['ssh.service']),
  origin: doc(
    refSchema.optional(),
    'The scenario entity it belongs to (the attack step), for the scorer.',
  ),
  fds: doc(
    z.array(fdSchema).default([]),
    'Open descriptors; none are implied, not even 0, 1 and 2.',
  ),
});

const timerSchema = z.strictObject({
  kind: doc(z.enum(['on', 'keepalive', 'timewait', 'persist']), 'Timer kind as ss -o shows it.'),
  expires: doc(
    z.union([durationSchema, z.number().int().min(0)]),
    'Time to expiry (ms as a number).',
  ),
  retrans: doc(z.number().int().min(0).default(0), 'Retransmissions.'),
});

const n = (what: string) => doc(z.number().min(0).optional(), what);

const tcpInfoSchema = z.strictObject({
  congestion: doc(z.string().default('cubic'), 'Congestion control algorithm.', ['cubic', 'bbr']),
  wscale: doc(
    z.tuple([z.number().int(), z.number().int()]).default([7, 7]),
    'Send and receive window scale.',
  ),
  rto: n('Retransmission timeout, ms.'),
  rtt: n('Smoothed RTT, ms.'),
  rttvar: n('RTT variance, ms.'),
  ato: n('Delayed-ack timeout, ms.'),
  mss: n('MSS.'),
  pmtu: n('Path MTU.'),
  rcvmss: n('Receive MSS.'),
  advmss: n('Advertised MSS.'),
  cwnd: n('Congestion window.'),
  ssthresh: n('Slow start threshold.'),
  bytes_sent: n('Bytes sent.'),
  bytes_retrans: n('Bytes retransmitted.'),
  bytes_acked: n('Bytes acked.'),
  bytes_received: n('Bytes received.'),
  segs_out: n('Segments out.'),
  segs_in: n('Segments in.'),
  data_segs_out: n('Data segments out.'),
  data_segs_in: n('Data segments in.'),
  lastsnd: n('ms since last send.'),
  lastrcv: n('ms since last receive.'),
  lastack: n('ms since last ack.'),
  minrtt: n('Minimum RTT, ms.'),
  snd_wnd: n('Send window.'),
  rcv_space: n('Receive space.'),
  rcv_ssthresh: n('Receive slow start threshold.'),
  notsent: n('Bytes not sent yet.'),
  app_limited: doc(z.boolean().optional(), 'Sender is application limited.'),
  busy_ms: n('Busy time, ms.'),
});

export const socketSchema = z.strictObject({
  id: idSchema,
  proto: doc(z.enum(['tcp', 'udp', 'raw']).default('tcp'), 'Protocol.'),
  family: doc(z.enum(['inet', 'inet6']).optional(), 'Family; from the local address by default.'),
  state: doc(
    z.enum([
      'ESTABLISHED',
      'SYN-SENT',
      'SYN-RECV',
      'FIN-WAIT-1',
      'FIN-WAIT-2',
      'TIME-WAIT',
      'CLOSE',
      'CLOSE-WAIT',
      'LAST-ACK',
      'LISTEN',
      'CLOSING',
      'UNCONN',
    ]),
    'Socket state (UNCONN for an unconnected UDP socket).',
  ),
  local: endpointSchema,
  remote: doc(endpointSchema.default('*'), 'Peer; a wildcard for listeners and UNCONN sockets.'),
  inode: doc(z.number().int().min(1).optional(), 'Socket inode; allocated by default.'),
  sk: doc(z.number().int().min(0).optional(), 'Socket cookie (ss -e sk:); allocated by default.'),
  user: doc(userNameSchema.optional(), 'Owner; the first process holding it by default.'),
  send_q: doc(
    z.number().int().min(0).optional(),
    'Send-Q (the backlog, for a listener: 128 or 4096).',
  ),
  recv_q: doc(z.number().int().min(0).default(0), 'Recv-Q.'),
  v6only: doc(z.boolean().optional(), 'IPV6_V6ONLY; true for [::] listeners by default.'),
  timer: doc(timerSchema.optional(), 'Kernel timer (ss -o).'),
  info: doc(tcpInfoSchema.optional(), 'tcp_info (ss -i).'),
  cgroup: doc(z.string().optional(), "cgroup path (ss -e); the owning unit's by default."),
  created: doc(timeSchema.optional(), "Creation time; the owning process's start by default."),
  closed: doc(timeSchema.optional(), 'When it goes away, if within the scenario.'),
});

export const unixSocketSchema = z.strictObject({
  id: idSchema,
  kind: doc(z.enum(['stream', 'dgram', 'seqpacket']).default('stream'), 'u_str, u_dgr or u_seq.'),
  state: doc(z.enum(['LISTEN', 'ESTAB', 'UNCONN']), 'State as ss -x shows it.'),
  path: doc(
    z.string().optional(),
    'Bound path (@name for the abstract namespace); none for a peer end.',
    ['/run/dbus/system_bus_socket'],
  ),
  peer: doc(refSchema.optional(), 'The other end of a connected pair, by id.'),
  inode: doc(z.number().int().min(1).optional(), 'Inode; allocated by default.'),
  recv_q: doc(z.number().int().min(0).default(0), 'Recv-Q.'),
  send_q: doc(z.number().int().min(0).optional(), 'Send-Q (the backlog, for a listener).'),
  created: doc(timeSchema.optional(), "Creation time; the first holder's start by default."),
});

export const loginSchema = z.strictObject({
  id: idSchema,
  user: userNameSchema,
  tty: doc(z.string().min(1), 'Terminal.', ['pts/0']),
  host: doc(z.string().default(''), 'Remote host (as last prints it).', ['203.0.113.45']),
  login: doc(timeSchema, 'Login time.'),
  logout: doc(timeSchema.optional(), 'Logout time; open session if absent.'),
  pid: doc(z.number().int().min(1).optional(), 'Session leader pid, when not a scenario process.'),
  process: doc(refSchema.optional(), 'Session leader process, by id.'),
});

export const logSchema = z.strictObject({
  time: timeSchema,
  ident: doc(z.string().min(1), 'Program name.', ['sshd', 'CRON']),
  pid: doc(z.number().int().min(1).optional(), 'Pid in ident[pid].'),
  process: doc(refSchema.optional(), 'Or the process by id.'),
  message: doc(z.string(), 'The message.'),
  facility: doc(
    z.enum(['auth', 'authpriv', 'cron', 'daemon', 'kern', 'user', 'syslog']).default('daemon'),
    'Syslog facility (auth/authpriv go to auth.log).',
  ),
  unit: doc(z.string().optional(), 'systemd unit for journalctl -u.'),
  priority: doc(z.number().int().min(0).max(7).optional(), 'Syslog priority.'),
});

export const traineeSchema = z.strictObject({
  user: doc(
    userNameSchema.default('analyst'),
    "The trainee's account; created (in sudo, adm) if not listed.",
  ),
  from: doc(
    ipSchema.default('192.0.2.10'),
    'Address of the SOC jump host the trainee logs in from.',
  ),
  tty: doc(z.string().optional(), "The trainee's pty; the first free pts/N by default."),
  login: doc(timeSchema.default('-4m'), 'When the trainee logged in.'),
  visible: doc(
    z.boolean().default(true),
    'false: the session is kept out of the world (no sshd, bash, socket, utmp or log lines), ' +
      'as when reproducing a capture; the shell pid is still reserved.',
  ),
  shell_pid: doc(z.number().int().min(1).optional(), "Pid of the trainee's bash."),
});

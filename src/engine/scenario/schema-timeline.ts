/**
 * The `timeline:` of a scenario: the attacker's behaviours, each at a time
 * on the scenario clock. A behaviour expands into the low-level facts the
 * tools show (processes, sockets with fds, log lines, utmp records, flows,
 * packets); see src/engine/world/behaviours/. Entries refer to each other
 * by id (a reverse shell's `parent` is the SSH login it was typed in).
 *
 * Every member is a strict object, so a misspelt key is an error, and every
 * field carries a description and examples for the editor's hover text.
 */
import { z } from 'zod';
import {
  doc,
  durationSchema,
  idSchema,
  ipSchema,
  refSchema,
  timeSchema,
  userNameSchema,
} from './schema-common';
import { ruleSchema } from './schema-firewall';

const hostPort = doc(
  z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9.]+):\d{1,5}$/, 'write ADDRESS:PORT, like 198.51.100.23:4444'),
  'Remote address and port: "198.51.100.23:4444", "[2001:db8::7]:443".',
  ['198.51.100.23:4444', '${c2_addr}:${c2_port}'],
);

const sizeSchema = doc(
  z.union([
    z.number().int().min(1),
    z.string().regex(/^\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB|GB|GiB)$/, 'a size is like 48MiB or 350KB'),
  ]),
  'A byte count, or a number with a unit (B, KB, KiB, MB, MiB, GB, GiB).',
  [50_331_648, '48MiB', '350KB'],
);

const rateSchema = doc(
  z.union([
    z.number().min(1),
    z.string().regex(/^\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB)\/s$/, 'a rate is like 256KiB/s'),
  ]),
  'Throughput acknowledged by the far end: bytes per second, or with a unit (KiB/s, MB/s).',
  [262_144, '256KiB/s', '1MB/s'],
);

/** Fields every entry has. */
const common = {
  id: idSchema,
  at: doc(timeSchema, 'When it starts: ISO 8601, -DURATION before now, or boot+DURATION.', [
    '-2h', '-95m', '2026-12-04T11:30:00Z',
  ]),
  until: doc(timeSchema.optional(), 'When it stops by itself (leave out: it keeps going).', [
    '-10m', '+1h',
  ]),
  duration: doc(durationSchema.optional(), 'Or how long it lasts, from `at`.', ['20m', '1h30m']),
  note: doc(z.string().optional(), 'A note for authors; not shown to the trainee.', [
    'the attacker tests the shell',
  ]),
};

const sshFields = {
  user: doc(userNameSchema, 'The account logged into.', ['deploy', '${victim_user}']),
  from: doc(ipSchema, 'The client\'s address.', ['203.0.113.45', '${attacker_addr}']),
  from_port: doc(
    z.number().int().min(1).max(65535).optional(),
    'The client\'s source port; drawn from the seed when left out.',
    [45713],
  ),
  auth: doc(z.enum(['publickey', 'password']).default('publickey'), 'How the user authenticated.', [
    'publickey', 'password',
  ]),
  key_type: doc(
    z.enum(['ED25519', 'RSA', 'ECDSA']).default('ED25519'),
    'Key type for publickey logins; the fingerprint is drawn from the seed.',
    ['ED25519'],
  ),
  logout: doc(timeSchema.optional(), 'When the session ends (leave out: still logged in).', [
    '-100m',
  ]),
  failed_attempts: doc(
    z.number().int().min(0).max(500).default(0),
    'Failed password attempts from the same address before the login (a brute force).',
    [0, 12],
  ),
  failed_users: doc(
    z.array(userNameSchema).optional(),
    'User names tried in the failed attempts, in turn; the login user by default.',
    [['root', 'admin', 'deploy']],
  ),
  failed_over: doc(durationSchema.default('4m'), 'How long before `at` the failures start.', [
    '4m',
  ]),
};

const sshLogin = z.strictObject({
  kind: doc(z.literal('ssh-login'), 'An SSH login: sshd [priv] + session processes, socket, utmp, auth.log.', ['ssh-login']),
  ...common,
  ...sshFields,
  pty: doc(z.boolean().default(true), 'true: a pty and a login shell (-bash on pts/N).', [true]),
  commands: doc(
    z.array(z.string()).default([]),
    'What was typed in the session, oldest first (written to ~/.bash_history on logout).',
    [['id', 'uname -a', 'crontab -l']],
  ),
});

const sshRemoteForward = z.strictObject({
  kind: doc(z.literal('ssh-remote-forward'), 'An SSH login with -N -R: sshd listens on loopback.', ['ssh-remote-forward']),
  ...common,
  ...sshFields,
  listen_port: doc(z.number().int().min(1).max(65535), 'The -R port sshd listens on (127.0.0.1 and ::1).', [
    8080,
  ]),
  target: doc(z.string().default('127.0.0.1:80'), 'Where the client forwards to, as in -R PORT:HOST:PORT.', [
    '127.0.0.1:80',
  ]),
  pty: doc(z.boolean().default(false), 'Usually false (-N).', [false]),
});

const reverseShell = z.strictObject({
  kind: doc(z.literal('reverse-shell'), 'A shell whose stdin/stdout/stderr is a TCP connection out.', ['reverse-shell']),
  ...common,
  parent: doc(refSchema, 'The SSH login (or process) it was started from.', ['login1']),
  flavour: doc(
    z.enum(['bash-dev-tcp', 'sh-mkfifo-nc', 'python-pty', 'socat', 'perl']).default('bash-dev-tcp'),
    'How the shell was made; fixes the process chain and the fds.',
    ['bash-dev-tcp'],
  ),
  to: hostPort,
  reconnect_after: doc(
    durationSchema.optional(),
    'After the shell is killed, the attacker starts a new one this much later.',
    ['5m'],
  ),
  detached: doc(
    z.boolean().default(true),
    'true: it survives the end of its parent session (re-parented to pid 1).',
    [true],
  ),
});

const beacon = z.strictObject({
  kind: doc(z.literal('beacon'), 'Periodic short connections to the C2 (check-ins).', ['beacon']),
  ...common,
  user: doc(userNameSchema, 'Who it runs as.', ['deploy']),
  to: hostPort,
  interval: doc(durationSchema.default('60s'), 'Time between check-ins.', ['60s']),
  jitter: doc(durationSchema.default('5s'), 'Random delay after each nominal time (per occurrence).', [
    '5s',
  ]),
  via: doc(z.enum(['cron', 'loop']).default('cron'), 'cron: a crontab line runs a script; loop: a process loops.', [
    'cron',
  ]),
  tool: doc(z.enum(['curl', 'wget', 'nc']).default('curl'), 'The program that connects.', ['curl']),
  protocol: doc(z.enum(['https', 'http', 'tcp']).default('https'), 'What goes over the connection.', [
    'https',
  ]),
  url_path: doc(z.string().default('/'), 'Path of the URL fetched (http/https).', ['/api/v2/check']),
  script: doc(
    z.string().regex(/^\//, 'an absolute path').optional(),
    'The script that runs the tool; ~/.cache/.sysupdate.sh of the user by default.',
    ['/home/deploy/.cache/.sysupdate.sh'],
  ),
  timeout: doc(durationSchema.default('10s'), 'How long the tool waits for the C2 before giving up.', [
    '10s',
  ]),
  parent: doc(refSchema.optional(), 'For via: loop, the session or process it was started from.', [
    'login1',
  ]),
});

const exfil = z.strictObject({
  kind: doc(z.literal('exfil'), 'A bulk transfer out: ESTAB socket with a large Send-Q, counters rising.', ['exfil']),
  ...common,
  tool: doc(z.enum(['tar-nc', 'curl', 'scp']).default('tar-nc'), 'tar-nc: tar czf - PATH | nc ADDR PORT.', [
    'tar-nc',
  ]),
  source: doc(z.string().regex(/^\//, 'an absolute path'), 'What is sent.', ['/var/www/backup']),
  to: hostPort,
  volume: sizeSchema,
  rate: rateSchema,
  user: doc(userNameSchema.default('root'), 'Who runs it.', ['root', 'deploy']),
  parent: doc(refSchema.optional(), 'The shell or session it was typed in.', ['revshell']),
});

const listener = z.strictObject({
  kind: doc(z.literal('listener'), 'A listening backdoor (a bind shell when `exec` is set).', ['listener']),
  ...common,
  tool: doc(z.enum(['socat', 'nc', 'python']).default('socat'), 'The listening program.', ['socat']),
  port: doc(z.number().int().min(1).max(65535), 'The port it listens on.', [31337]),
  address: doc(ipSchema.default('0.0.0.0'), 'The address it binds.', ['0.0.0.0']),
  user: doc(userNameSchema.default('root'), 'Who runs it.', ['root']),
  exec: doc(z.string().optional(), 'Program run for each connection (a bind shell).', ['/bin/bash']),
  parent: doc(refSchema.optional(), 'The shell it was started from.', ['revshell']),
});

const firewallChange = z.strictObject({
  kind: doc(z.literal('firewall-change'), 'An iptables change made on the host (with a sudo trace).', ['firewall-change']),
  ...common,
  table: doc(z.enum(['filter', 'nat', 'mangle', 'raw']).default('filter'), 'The table.', ['filter']),
  chain: doc(z.string().min(1), 'The chain.', ['INPUT']),
  op: doc(z.enum(['insert', 'append', 'delete', 'policy']), 'What is done (-I, -A, -D, -P).', ['insert']),
  position: doc(z.number().int().min(1).optional(), 'Rule number for insert/delete (1 by default).', [1]),
  rule: doc(ruleSchema.optional(), 'The rule for insert/append.', [
    { protocol: 'tcp', dport: 31337, target: 'ACCEPT' },
  ]),
  policy: doc(z.enum(['ACCEPT', 'DROP']).optional(), 'The policy for op: policy.', ['ACCEPT']),
  user: doc(userNameSchema.default('root'), 'Who typed it.', ['deploy']),
  sudo: doc(z.boolean().default(true), 'Run through sudo (auth.log lines).', [true]),
  parent: doc(refSchema.optional(), 'The session it was typed in (for the tty).', ['login1']),
});

const processEntry = z.strictObject({
  kind: doc(z.literal('process'), 'A process start (and optional exit).', ['process']),
  ...common,
  argv: doc(z.array(z.string()).min(1), 'The argument vector.', [['sleep', '3600']]),
  user: doc(userNameSchema.default('root'), 'Who runs it.', ['deploy']),
  parent: doc(refSchema.optional(), 'The entry it was started from; pid 1 by default.', ['login1']),
  exit: doc(timeSchema.optional(), 'When it exits.', ['-30m']),
  comm: doc(z.string().max(15).optional(), 'Kernel command name; argv[0]\'s base name by default.', [
    'kworkerd',
  ]),
  exe: doc(z.string().optional(), 'The executable; /usr/bin/ARGV0 by default.', ['/tmp/.x/kworkerd']),
  cwd: doc(z.string().optional(), 'Working directory.', ['/tmp']),
  stat: doc(z.string().optional(), 'ps STAT letters.', ['S', 'Sl']),
});

const cronJob = z.strictObject({
  kind: doc(z.literal('cron-job'), 'A crontab entry added at a time (crontab log lines).', ['cron-job']),
  ...common,
  user: doc(userNameSchema.default('root'), 'Whose crontab, or the user field in a cron.d file.', [
    'deploy',
  ]),
  schedule: doc(z.string().min(1), 'The five cron time fields.', ['*/5 * * * *']),
  command: doc(z.string().min(1), 'The command line.', ['/tmp/.x/run.sh']),
  file: doc(z.string().regex(/^\/etc\/cron\.d\//).optional(), 'A file in /etc/cron.d instead.', [
    '/etc/cron.d/sysupdate',
  ]),
});

const logLine = z.strictObject({
  after: doc(durationSchema.optional(), 'Offset from the entry\'s `at`.', ['3s']),
  ident: doc(z.string().min(1), 'Program name.', ['sudo', 'kernel']),
  pid: doc(z.number().int().min(1).optional(), 'Pid in ident[pid].', [4321]),
  message: doc(z.string(), 'The message.', ['deploy : TTY=pts/1 ; PWD=/home/deploy ; ...']),
  facility: doc(
    z.enum(['auth', 'authpriv', 'cron', 'daemon', 'kern', 'user', 'syslog']).default('daemon'),
    'Syslog facility (auth/authpriv go to auth.log).',
    ['auth'],
  ),
  unit: doc(z.string().optional(), 'systemd unit for journalctl -u.', ['ssh.service']),
});

const logEntry = z.strictObject({
  kind: doc(z.literal('log'), 'Arbitrary log lines at a time.', ['log']),
  ...common,
  lines: doc(z.array(logLine).min(1), 'The lines, in order.', [
    [{ ident: 'kernel', facility: 'kern', message: 'TCP: request_sock_TCP: Possible SYN flooding' }],
  ]),
});

export const TIMELINE_KINDS = [
  'ssh-login', 'ssh-remote-forward', 'reverse-shell', 'beacon', 'exfil', 'listener',
  'firewall-change', 'process', 'cron-job', 'log',
] as const;

export const timelineEntrySchema = doc(
  z.discriminatedUnion('kind', [
    sshLogin, sshRemoteForward, reverseShell, beacon, exfil, listener,
    firewallChange, processEntry, cronJob, logEntry,
  ]),
  'One behaviour of the attacker\'s timeline, chosen by `kind`.',
  [{ id: 'login1', kind: 'ssh-login', at: '-2h', user: 'deploy', from: '203.0.113.45' }],
);

export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type TimelineEntryOf<K extends TimelineEntry['kind']> = Extract<TimelineEntry, { kind: K }>;

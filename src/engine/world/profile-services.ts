/**
 * The catalogue of baseline services: for each, the processes a default
 * install runs (argv, process title, user, exe, STAT as `ps` shows them), the
 * sockets it listens on, its systemd unit, and the account it needs.
 *
 * Differences between releases are parameters of `serviceCatalogue(ctx)`:
 * Ubuntu 24.04 runs binaries from /usr/lib/systemd and activates sshd by
 * ssh.socket (pid 1 holds the listeners too, with a 4096 backlog); Ubuntu
 * 22.04 and Debian 12 start them from /lib/systemd, and sshd binds its own
 * listeners with a backlog of 128.
 */
import type { SystemAccount } from './profile-accounts';
import type { DistroId } from './types';

export interface ServiceProcess {
  /** Key within the service; "main" is the unit's main process. */
  key: string;
  /** Key of the parent within the service; default: pid 1. */
  parent?: string;
  user: string;
  argv: string[];
  title?: string;
  exe: string;
  comm?: string;
  stat: string;
  tty?: string;
  vsz: number;
  rss: number;
  cwd?: string;
  /** Milliseconds after the service's start. */
  delayMs?: number;
}

export interface ServiceListener {
  key: string;
  proto: 'tcp' | 'udp';
  addr: string;
  port: number;
  /** Send-Q of a listener (the backlog). */
  backlog?: number;
  v6only?: boolean;
  /** Process key and fd number of each holder, in order. */
  holders: { process: string; fd: number }[];
  /** Held by pid 1 as well (socket activation), at this fd. */
  systemdFd?: number;
}

/** A UNIX socket the service binds (ss -x), at an fd of its process and maybe pid 1. */
export interface ServiceUnix {
  key: string;
  kind: 'stream' | 'dgram' | 'seqpacket';
  path: string;
  fd: number;
  process?: string;
  /** Also held by pid 1 (socket activation), at this fd. */
  systemdFd?: number;
}

export interface ServiceDef {
  name: string;
  unit: string;
  description: string;
  /** Milliseconds after boot when it starts. */
  startMs: number;
  processes: ServiceProcess[];
  listeners: ServiceListener[];
  unix?: ServiceUnix[];
  /** Account the package creates, if the profile lacks it. */
  account?: SystemAccount;
  /** Log lines at start: [ident, message], ident "" for the main process. */
  startLogs?: [string, string][];
}

export interface CatalogueContext {
  distro: DistroId;
  /** Number of CPUs (nginx workers). */
  cpus: number;
}

const kb = (vsz: number, rss: number) => ({ vsz, rss });

function lib(ctx: CatalogueContext): string {
  return ctx.distro === 'ubuntu-24.04' ? '/usr/lib/systemd' : '/lib/systemd';
}

function systemdBinary(
  ctx: CatalogueContext,
  name: string,
  user: string,
  stat = 'Ss',
): ServiceProcess {
  const path = `${lib(ctx)}/${name}`;
  return {
    key: 'main',
    user,
    argv: [path],
    exe: `/usr/lib/systemd/${name}`,
    comm: name.slice(0, 15),
    stat,
    ...kb(50_000, 9_000),
  };
}

function simple(
  name: string,
  unit: string,
  description: string,
  startMs: number,
  main: ServiceProcess,
): ServiceDef {
  return { name, unit, description, startMs, processes: [main], listeners: [] };
}

function sshService(ctx: CatalogueContext): ServiceDef {
  const activated = ctx.distro === 'ubuntu-24.04';
  const fds = [3, 4];
  const backlog = activated ? 4096 : 128;
  return {
    name: 'ssh',
    unit: 'ssh.service',
    description: 'OpenBSD Secure Shell server',
    startMs: 6_000,
    processes: [
      {
        key: 'main',
        user: 'root',
        argv: ['/usr/sbin/sshd', '-D'],
        title: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
        exe: '/usr/sbin/sshd',
        comm: 'sshd',
        stat: 'Ss',
        ...kb(12_020, 8_064),
      },
    ],
    listeners: [
      {
        key: 'v4',
        proto: 'tcp',
        addr: '0.0.0.0',
        port: 22,
        backlog,
        holders: [{ process: 'main', fd: fds[0] as number }],
        ...(activated ? { systemdFd: 78 } : {}),
      },
      {
        key: 'v6',
        proto: 'tcp',
        addr: '::',
        port: 22,
        backlog,
        v6only: true,
        holders: [{ process: 'main', fd: fds[1] as number }],
        ...(activated ? { systemdFd: 79 } : {}),
      },
    ],
    startLogs: [
      ['', 'Server listening on 0.0.0.0 port 22.'],
      ['', 'Server listening on :: port 22.'],
    ],
  };
}

function resolved(ctx: CatalogueContext): ServiceDef {
  const main = systemdBinary(ctx, 'systemd-resolved', 'systemd-resolve');
  const l = (key: string, proto: 'tcp' | 'udp', addr: string, fd: number): ServiceListener => ({
    key,
    proto,
    addr,
    port: 53,
    holders: [{ process: 'main', fd }],
    ...(proto === 'tcp' ? { backlog: 4096 } : {}),
  });
  return {
    ...simple(
      'systemd-resolved',
      'systemd-resolved.service',
      'Network Name Resolution',
      3_000,
      main,
    ),
    listeners: [
      l('udp53', 'udp', '127.0.0.53', 12),
      l('tcp53', 'tcp', '127.0.0.53', 13),
      l('udp54', 'udp', '127.0.0.54', 14),
      l('tcp54', 'tcp', '127.0.0.54', 15),
    ],
  };
}

function chrony(): ServiceDef {
  return {
    name: 'chrony',
    unit: 'chrony.service',
    description: 'chrony, an NTP client/server',
    startMs: 4_000,
    processes: [
      {
        key: 'main',
        user: '_chrony',
        argv: ['/usr/sbin/chronyd', '-F', '1'],
        exe: '/usr/sbin/chronyd',
        comm: 'chronyd',
        stat: 'S',
        ...kb(10_836, 3_320),
      },
      {
        key: 'helper',
        parent: 'main',
        user: '_chrony',
        argv: ['/usr/sbin/chronyd', '-F', '1'],
        exe: '/usr/sbin/chronyd',
        comm: 'chronyd',
        stat: 'S',
        ...kb(2_708, 1_356),
        delayMs: 20,
      },
    ],
    listeners: [
      {
        key: 'cmd4',
        proto: 'udp',
        addr: '127.0.0.1',
        port: 323,
        holders: [{ process: 'main', fd: 5 }],
      },
      {
        key: 'cmd6',
        proto: 'udp',
        addr: '::1',
        port: 323,
        v6only: true,
        holders: [{ process: 'main', fd: 6 }],
      },
    ],
    account: {
      name: '_chrony',
      uid: 114,
      gid: 121,
      gecos: 'Chrony daemon,,,',
      home: '/var/lib/chrony',
      shell: '/usr/sbin/nologin',
    },
  };
}

function nginx(ctx: CatalogueContext): ServiceDef {
  const workers: ServiceProcess[] = Array.from({ length: Math.max(1, ctx.cpus) }, (_, i) => ({
    key: `worker${i + 1}`,
    parent: 'main',
    user: 'www-data',
    argv: ['/usr/sbin/nginx', '-g', 'daemon on; master_process on;'],
    title: 'nginx: worker process',
    exe: '/usr/sbin/nginx',
    comm: 'nginx',
    stat: 'S',
    ...kb(55_868, 5_712),
    delayMs: 10,
  }));
  const holders = (fd: number) => [
    { process: 'main', fd },
    ...workers.map((w) => ({ process: w.key, fd })),
  ];
  return {
    name: 'nginx',
    unit: 'nginx.service',
    description: 'A high performance web server and a reverse proxy server',
    startMs: 7_000,
    processes: [
      {
        key: 'main',
        user: 'root',
        argv: ['/usr/sbin/nginx', '-g', 'daemon on; master_process on;'],
        title: 'nginx: master process /usr/sbin/nginx -g daemon on; master_process on;',
        exe: '/usr/sbin/nginx',
        comm: 'nginx',
        stat: 'Ss',
        ...kb(55_196, 1_680),
      },
      ...workers,
    ],
    listeners: [
      { key: 'v4', proto: 'tcp', addr: '0.0.0.0', port: 80, backlog: 511, holders: holders(5) },
      {
        key: 'v6',
        proto: 'tcp',
        addr: '::',
        port: 80,
        backlog: 511,
        v6only: true,
        holders: holders(6),
      },
    ],
  };
}

function polkit(ctx: CatalogueContext): ServiceProcess {
  // Ubuntu 22.04 still ships policykit-1 0.105, which runs as root.
  const path =
    ctx.distro === 'ubuntu-22.04' ? '/usr/lib/policykit-1/polkitd' : '/usr/lib/polkit-1/polkitd';
  const user = ctx.distro === 'ubuntu-22.04' ? 'root' : 'polkitd';
  return {
    key: 'main',
    user,
    argv: [path, '--no-debug'],
    exe: path,
    comm: 'polkitd',
    stat: 'Ssl',
    ...kb(308_164, 7_808),
  };
}

const u = (
  key: string,
  kind: ServiceUnix['kind'],
  path: string,
  fd: number,
  systemdFd?: number,
): ServiceUnix =>
  systemdFd === undefined ? { key, kind, path, fd } : { key, kind, path, fd, systemdFd };

/** The UNIX sockets of the services, as a default install binds them. */
const UNIX: Record<string, ServiceUnix[]> = {
  systemd: [
    u('notify', 'dgram', '/run/systemd/notify', 14),
    u('private', 'stream', '/run/systemd/private', 15),
  ],
  'systemd-journald': [
    u('stdout', 'stream', '/run/systemd/journal/stdout', 3, 30),
    u('socket', 'dgram', '/run/systemd/journal/socket', 4, 31),
    u('dev-log', 'dgram', '/run/systemd/journal/dev-log', 5, 32),
  ],
  'systemd-udevd': [u('control', 'seqpacket', '/run/udev/control', 3, 33)],
  dbus: [u('bus', 'stream', '/run/dbus/system_bus_socket', 3, 40)],
  'systemd-resolved': [u('varlink', 'stream', '/run/systemd/resolve/io.systemd.Resolve', 16)],
  chrony: [u('cmd', 'dgram', '/run/chrony/chronyd.sock', 7)],
};

/** All services the catalogue knows, by name. */
export function serviceCatalogue(ctx: CatalogueContext): Map<string, ServiceDef> {
  const defs: ServiceDef[] = [
    simple('systemd', 'init.scope', 'System and Service Manager', 0, {
      key: 'main',
      user: 'root',
      argv: ['/sbin/init'],
      exe: '/usr/lib/systemd/systemd',
      comm: 'systemd',
      stat: 'Ss',
      ...kb(22_148, 13_160),
    }),
    simple('systemd-journald', 'systemd-journald.service', 'Journal Service', 1_200, {
      ...systemdBinary(ctx, 'systemd-journald', 'root'),
      comm: 'systemd-journal',
    }),
    simple(
      'systemd-udevd',
      'systemd-udevd.service',
      'Rule-based Manager for Device Events and Files',
      1_800,
      systemdBinary(ctx, 'systemd-udevd', 'root'),
    ),
    simple(
      'systemd-networkd',
      'systemd-networkd.service',
      'Network Configuration',
      2_500,
      systemdBinary(ctx, 'systemd-networkd', 'systemd-network'),
    ),
    resolved(ctx),
    simple(
      'systemd-timesyncd',
      'systemd-timesyncd.service',
      'Network Time Synchronization',
      3_100,
      systemdBinary(ctx, 'systemd-timesyncd', 'systemd-timesync', 'Ssl'),
    ),
    chrony(),
    simple('cron', 'cron.service', 'Regular background program processing daemon', 5_000, {
      key: 'main',
      user: 'root',
      argv: ctx.distro === 'debian-12' ? ['/usr/sbin/cron', '-f'] : ['/usr/sbin/cron', '-f', '-P'],
      exe: '/usr/sbin/cron',
      comm: 'cron',
      stat: 'Ss',
      ...kb(6_824, 2_688),
    }),
    simple('dbus', 'dbus.service', 'D-Bus System Message Bus', 4_800, {
      key: 'main',
      user: 'messagebus',
      argv: [
        ctx.distro === 'debian-12' ? '/usr/bin/dbus-daemon' : '@dbus-daemon',
        '--system',
        '--address=systemd:',
        '--nofork',
        '--nopidfile',
        '--systemd-activation',
        '--syslog-only',
      ],
      exe: '/usr/bin/dbus-daemon',
      comm: 'dbus-daemon',
      stat: 'Ss',
      ...kb(9_592, 4_992),
    }),
    simple(
      'systemd-logind',
      'systemd-logind.service',
      'User Login Management',
      5_200,
      systemdBinary(ctx, 'systemd-logind', 'root'),
    ),
    simple('agetty-tty1', 'getty@tty1.service', 'Getty on tty1', 6_500, {
      key: 'main',
      user: 'root',
      argv: ['/sbin/agetty', '-o', '-p -- \\u', '--noclear', 'tty1', 'linux'],
      exe: '/usr/sbin/agetty',
      comm: 'agetty',
      stat: 'Ss+',
      tty: 'tty1',
      ...kb(6_176, 2_048),
    }),
    sshService(ctx),
    simple('rsyslog', 'rsyslog.service', 'System Logging Service', 4_900, {
      key: 'main',
      user: ctx.distro === 'debian-12' ? 'root' : 'syslog',
      argv: ['/usr/sbin/rsyslogd', '-n', '-iNONE'],
      exe: '/usr/sbin/rsyslogd',
      comm: 'rsyslogd',
      stat: 'Ssl',
      ...kb(222_508, 5_120),
    }),
    simple('polkit', 'polkit.service', 'Authorization Manager', 5_400, polkit(ctx)),
    simple(
      'unattended-upgrades',
      'unattended-upgrades.service',
      'Unattended Upgrades Shutdown',
      7_500,
      {
        key: 'main',
        user: 'root',
        argv: [
          '/usr/bin/python3',
          '/usr/share/unattended-upgrades/unattended-upgrade-shutdown',
          '--wait-for-signal',
        ],
        exe: ctx.distro === 'ubuntu-22.04' ? '/usr/bin/python3.10' : '/usr/bin/python3.12',
        comm: 'unattended-upgr',
        stat: 'Ssl',
        ...kb(109_800, 22_400),
      },
    ),
    nginx(ctx),
  ];
  for (const d of defs) d.unix = UNIX[d.name];
  return new Map(defs.map((d) => [d.name, d]));
}

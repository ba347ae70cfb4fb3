/**
 * The definitions behind the service catalogue (profile-services.ts): the
 * services whose processes, listeners or paths need more than one line, and
 * the UNIX sockets each service binds.
 */
import type {
  CatalogueContext,
  ServiceDef,
  ServiceListener,
  ServiceProcess,
  ServiceUnix,
} from './profile-services';
export const kb = (vsz: number, rss: number) => ({ vsz, rss });

export function lib(ctx: CatalogueContext): string {
  return ctx.distro === 'ubuntu-24.04' ? '/usr/lib/systemd' : '/lib/systemd';
}

/** Typical VSZ and RSS (kB) of the systemd daemons on a small server. */
const SIZES: Record<string, { vsz: number; rss: number }> = {
  'systemd-journald': kb(56_496, 22_784),
  'systemd-udevd': kb(25_656, 6_912),
  'systemd-networkd': kb(18_924, 8_448),
  'systemd-resolved': kb(21_604, 12_800),
  'systemd-timesyncd': kb(90_920, 7_040),
  'systemd-logind': kb(17_216, 7_936),
};

export function systemdBinary(
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
    ...(SIZES[name] ?? kb(20_000, 8_000)),
  };
}

export function simple(
  name: string,
  unit: string,
  description: string,
  startMs: number,
  main: ServiceProcess,
): ServiceDef {
  return { name, unit, description, startMs, processes: [main], listeners: [] };
}

export function sshService(ctx: CatalogueContext): ServiceDef {
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

export function resolved(ctx: CatalogueContext): ServiceDef {
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

export function chrony(): ServiceDef {
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

export function nginx(ctx: CatalogueContext): ServiceDef {
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

export function polkit(ctx: CatalogueContext): ServiceProcess {
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
    // GLib's worker thread and GDBus's connection thread.
    threads: ['gmain', 'gdbus'],
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
export const UNIX: Record<string, ServiceUnix[]> = {
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
  postgresql: [u('pg', 'stream', '/var/run/postgresql/.s.PGSQL.5432', 8)],
  mariadb: [u('sock', 'stream', '/run/mysqld/mysqld.sock', 23)],
  containerd: [u('grpc', 'stream', '/run/containerd/containerd.sock', 8)],
  docker: [u('api', 'stream', '/run/docker.sock', 3, 45)],
};

const PG: Record<CatalogueContext['distro'], number> = {
  'ubuntu-24.04': 16,
  'ubuntu-22.04': 14,
  'debian-12': 15,
};

export function apache(): ServiceDef {
  const argv = ['/usr/sbin/apache2', '-k', 'start'];
  const workers: ServiceProcess[] = [1, 2].map((i) => ({
    key: `worker${i}`,
    parent: 'main',
    user: 'www-data',
    argv,
    exe: '/usr/sbin/apache2',
    comm: 'apache2',
    stat: 'Sl',
    // mpm_event: ThreadsPerChild 25 workers and the listener, unnamed.
    threads: Array.from({ length: 26 }, () => 'apache2'),
    ...kb(1_213_284, 4_472),
    delayMs: 15,
  }));
  const holders = ['main', ...workers.map((w) => w.key)].map((process) => ({ process, fd: 3 }));
  return {
    name: 'apache2',
    unit: 'apache2.service',
    description: 'The Apache HTTP Server',
    startMs: 7_200,
    processes: [
      {
        key: 'main',
        user: 'root',
        argv,
        exe: '/usr/sbin/apache2',
        comm: 'apache2',
        stat: 'Ss',
        ...kb(6_548, 4_608),
      },
      ...workers,
    ],
    // Listen 80 binds one dual-stack socket: ss prints it as *:80.
    listeners: [
      { key: 'http', proto: 'tcp', addr: '::', port: 80, backlog: 511, v6only: false, holders },
    ],
  };
}

export function mariadb(): ServiceDef {
  return {
    name: 'mariadb',
    unit: 'mariadb.service',
    description: 'MariaDB database server',
    startMs: 7_400,
    processes: [
      {
        key: 'main',
        user: 'mysql',
        argv: ['/usr/sbin/mariadbd'],
        exe: '/usr/sbin/mariadbd',
        comm: 'mariadbd',
        stat: 'Ssl',
        // Signal handler, I/O, timer and purge threads of an idle server, unnamed.
        threads: Array.from({ length: 6 }, () => 'mariadbd'),
        ...kb(1_245_772, 96_340),
      },
    ],
    listeners: [
      {
        key: 'sql',
        proto: 'tcp',
        addr: '127.0.0.1',
        port: 3306,
        backlog: 80,
        holders: [{ process: 'main', fd: 22 }],
      },
    ],
    account: {
      name: 'mysql',
      uid: 110,
      gid: 110,
      gecos: 'MariaDB Server,,,',
      home: '/nonexistent',
      shell: '/bin/false',
    },
  };
}

export function postgresql(ctx: CatalogueContext): ServiceDef {
  const v = PG[ctx.distro];
  const bin = `/usr/lib/postgresql/${v}/bin/postgres`;
  const argv = [
    bin,
    '-D',
    `/var/lib/postgresql/${v}/main`,
    '-c',
    `config_file=/etc/postgresql/${v}/main/postgresql.conf`,
  ];
  const child = (key: string, what: string): ServiceProcess => ({
    key,
    parent: 'main',
    user: 'postgres',
    argv,
    title: `postgres: ${v}/main: ${what}`,
    exe: bin,
    comm: 'postgres',
    stat: 'Ss',
    ...kb(221_000, 6_200),
    delayMs: 40,
  });
  return {
    name: 'postgresql',
    unit: `postgresql@${v}-main.service`,
    description: `PostgreSQL Cluster ${v}-main`,
    startMs: 7_600,
    processes: [
      {
        key: 'main',
        user: 'postgres',
        argv,
        exe: bin,
        comm: 'postgres',
        stat: 'Ss',
        ...kb(219_624, 29_812),
      },
      child('ckpt', 'checkpointer'),
      child('bgw', 'background writer'),
      child('wal', 'walwriter'),
      child('av', 'autovacuum launcher'),
      child('lrl', 'logical replication launcher'),
    ],
    listeners: [
      {
        key: 'v4',
        proto: 'tcp',
        addr: '127.0.0.1',
        port: 5432,
        backlog: 244,
        holders: [{ process: 'main', fd: 7 }],
      },
      {
        key: 'v6',
        proto: 'tcp',
        addr: '::1',
        port: 5432,
        backlog: 244,
        v6only: true,
        holders: [{ process: 'main', fd: 6 }],
      },
    ],
    account: {
      name: 'postgres',
      uid: 111,
      gid: 112,
      gecos: 'PostgreSQL administrator,,,',
      home: '/var/lib/postgresql',
      shell: '/bin/bash',
    },
  };
}

export function containerd(): ServiceDef {
  return {
    name: 'containerd',
    unit: 'containerd.service',
    description: 'containerd container runtime',
    startMs: 7_800,
    processes: [
      {
        key: 'main',
        user: 'root',
        argv: ['/usr/bin/containerd'],
        exe: '/usr/bin/containerd',
        comm: 'containerd',
        stat: 'Ssl',
        // Go runtime threads, which keep the program's name.
        threads: Array.from({ length: 9 }, () => 'containerd'),
        ...kb(1_874_580, 47_772),
      },
    ],
    listeners: [],
  };
}

export function docker(): ServiceDef {
  return {
    name: 'docker',
    unit: 'docker.service',
    description: 'Docker Application Container Engine',
    startMs: 8_500,
    processes: [
      {
        key: 'main',
        user: 'root',
        argv: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
        exe: '/usr/bin/dockerd',
        comm: 'dockerd',
        stat: 'Ssl',
        threads: Array.from({ length: 10 }, () => 'dockerd'),
        ...kb(2_280_240, 78_460),
      },
    ],
    listeners: [],
  };
}

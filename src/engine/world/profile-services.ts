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
import {
  apache,
  chrony,
  containerd,
  docker,
  mariadb,
  postgresql,
  kb,
  nginx,
  polkit,
  resolved,
  simple,
  sshService,
  systemdBinary,
  UNIX,
} from './profile-service-defs';
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
  /**
   * Names (comm) of its threads besides the main one, as a default install
   * runs them; STAT has `l` exactly when there are some.
   */
  threads?: string[];
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
      // The NTP server names are resolved by sd-resolve's worker thread.
      { ...systemdBinary(ctx, 'systemd-timesyncd', 'systemd-timesync', 'Ssl'), threads: ['sd-resolve'] },
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
      // One thread per input module, and the main queue's worker.
      threads: ['in:imuxsock', 'in:imklog', 'rs:main Q:Reg'],
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
        // GLib's worker thread (its main loop waits for logind's signal).
        threads: ['gmain'],
        ...kb(109_800, 22_400),
      },
    ),
    nginx(ctx),
    apache(),
    mariadb(),
    postgresql(ctx),
    containerd(),
    docker(),
  ];
  for (const d of defs) d.unix = UNIX[d.name];
  return new Map(defs.map((d) => [d.name, d]));
}

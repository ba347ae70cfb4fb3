/**
 * Distribution profiles: what a host that claims to be Ubuntu 24.04, Ubuntu
 * 22.04 or Debian 12 looks like out of the box, and the tool versions whose
 * output differs between them.
 *
 * - iptables 1.8.10 (Ubuntu 24.04), 1.8.7 (Ubuntu 22.04), 1.8.9 (Debian 12,
 *   which prints protocol numbers in the prot column with -n).
 * - OpenSSH 9.6p1 / 8.9p1 / 9.2p1; the version banner and the listener's
 *   process title differ (8.9 titles the listener `sshd: /usr/sbin/sshd -D
 *   [listener] 0 of 10-100 startups` too, since 8.2).
 * - rsyslog writes RFC 3339 timestamps on Ubuntu 24.04 and Debian 12, the
 *   classic "Dec  4 13:18:40" on Ubuntu 22.04. Debian 12 does not install
 *   rsyslog by default (journal only); a scenario adds the service to get
 *   /var/log/auth.log and syslog.
 *
 * The service catalogue (their processes, listeners, units) is in
 * profile-services.ts; the system accounts in profile-accounts.ts.
 */
import type { DistroId } from './types';
import {
  systemAccounts,
  systemGroups,
  type SystemAccount,
  type SystemGroup,
} from './profile-accounts';

export interface ToolVersions {
  iptables: string;
  nftables: string;
  iproute2: string;
  procps: string;
  /** Version as `ssh -V` prints it, e.g. "9.6p1". */
  openssh: string;
  /** Server banner ("SSH-2.0-" + this). */
  sshBanner: string;
  systemd: number;
  rsyslog: string;
  bash: string;
  coreutils: string;
  python3: string;
  lsof: string;
  netTools: string;
  conntrack: string;
  tcpdump: string;
  ufw: string;
  chrony: string;
}

export interface DistroProfile {
  id: DistroId;
  /** /etc/os-release PRETTY_NAME. */
  prettyName: string;
  versionId: string;
  codename: string;
  /** Default `uname -r`. */
  kernel: string;
  /** `uname -v`. */
  kernelVersion: string;
  /** Who built the kernel and with what, as the boot banner says. */
  kernelBuilder: string;
  versions: ToolVersions;
  /** rsyslog's timestamp format in /var/log/*.log. */
  syslogFormat: 'rfc3339' | 'traditional';
  /** Whether rsyslog is part of the default service set. */
  rsyslogByDefault: boolean;
  /** Time keeping service of a default install. */
  timeService: 'systemd-timesyncd' | 'chrony';
  /** The minute of the hour /etc/crontab runs cron.hourly. */
  hourlyMinute: number;
  /** /etc/crontab's text. */
  crontab: string;
  accounts: readonly SystemAccount[];
  groups: readonly SystemGroup[];
  /** Services of a default server install, in start order. */
  defaultServices: readonly string[];
  /** The login shell's path as ps/proc show it (/usr/bin/bash, merged /usr). */
  bashPath: string;
  /** Extra groups the trainee gets (to read logs, use sudo). */
  adminGroups: readonly string[];
}

const CRONTAB = `# /etc/crontab: system-wide crontab
# Unlike any other crontab you don't have to run the \`crontab'
# command to install the new version when you edit this file
# and files in /etc/cron.d. These files also have username fields,
# that none of the other crontabs do.

SHELL=/bin/sh
# You can also override PATH, but by default, newer versions inherit it from the environment
#PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

# Example of job definition:
# .---------------- minute (0 - 59)
# |  .------------- hour (0 - 23)
# |  |  .---------- day of month (1 - 31)
# |  |  |  .------- month (1 - 12) OR jan,feb,mar,apr ...
# |  |  |  |  .---- day of week (0 - 6) (Sunday=0 or 7) OR sun,mon,tue,wed,thu,fri,sat
# |  |  |  |  |
# *  *  *  *  * user-name command to be executed
17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly
25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }
47 6\t* * 7\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.weekly; }
52 6\t1 * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.monthly; }
#
`;

const BASE_SERVICES = [
  'systemd',
  'systemd-journald',
  'systemd-udevd',
  'systemd-networkd',
  'systemd-resolved',
  'systemd-timesyncd',
  'cron',
  'dbus',
  'systemd-logind',
  'agetty-tty1',
  'ssh',
] as const;

/** Debian 12 configures the network with ifupdown and has no stub resolver. */
const DEBIAN_SERVICES = BASE_SERVICES.filter(
  (s) => s !== 'systemd-networkd' && s !== 'systemd-resolved',
);

const UBUNTU_24: DistroProfile = {
  id: 'ubuntu-24.04',
  prettyName: 'Ubuntu 24.04.1 LTS',
  versionId: '24.04',
  codename: 'noble',
  kernel: '6.8.0-51-generic',
  kernelVersion: '#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024',
  kernelBuilder:
    '(buildd@lcy02-amd64-091) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, ' +
    'GNU ld (GNU Binutils for Ubuntu) 2.42)',
  versions: {
    iptables: '1.8.10',
    nftables: '1.0.9',
    iproute2: '6.1.0',
    procps: '4.0.4',
    openssh: '9.6p1',
    sshBanner: 'OpenSSH_9.6p1 Ubuntu-3ubuntu13.5',
    systemd: 255,
    rsyslog: '8.2312.0',
    bash: '5.2.21',
    coreutils: '9.4',
    python3: '3.12.3',
    lsof: '4.95.0',
    netTools: '2.10',
    conntrack: '1.4.8',
    tcpdump: '4.99.4',
    ufw: '0.36.2',
    chrony: '4.5',
  },
  syslogFormat: 'rfc3339',
  rsyslogByDefault: true,
  timeService: 'systemd-timesyncd',
  hourlyMinute: 17,
  crontab: CRONTAB,
  accounts: systemAccounts('ubuntu-24.04'),
  groups: systemGroups('ubuntu-24.04'),
  defaultServices: [...BASE_SERVICES, 'rsyslog', 'polkit', 'unattended-upgrades'],
  bashPath: '/usr/bin/bash',
  adminGroups: ['adm', 'sudo'],
};

const UBUNTU_22: DistroProfile = {
  ...UBUNTU_24,
  id: 'ubuntu-22.04',
  prettyName: 'Ubuntu 22.04.5 LTS',
  versionId: '22.04',
  codename: 'jammy',
  kernel: '5.15.0-126-generic',
  kernelVersion: '#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024',
  kernelBuilder:
    '(buildd@lcy02-amd64-043) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, ' +
    'GNU ld (GNU Binutils for Ubuntu) 2.38)',
  versions: {
    iptables: '1.8.7',
    nftables: '1.0.2',
    iproute2: '5.15.0',
    procps: '3.3.17',
    openssh: '8.9p1',
    sshBanner: 'OpenSSH_8.9p1 Ubuntu-3ubuntu0.10',
    systemd: 249,
    rsyslog: '8.2112.0',
    bash: '5.1.16',
    coreutils: '8.32',
    python3: '3.10.12',
    lsof: '4.93.2',
    netTools: '1.60+git20181103',
    conntrack: '1.4.6',
    tcpdump: '4.99.1',
    ufw: '0.36.1',
    chrony: '4.2',
  },
  syslogFormat: 'traditional',
  accounts: systemAccounts('ubuntu-22.04'),
  groups: systemGroups('ubuntu-22.04'),
  defaultServices: [...BASE_SERVICES, 'rsyslog', 'polkit', 'unattended-upgrades'],
};

const DEBIAN_12: DistroProfile = {
  id: 'debian-12',
  prettyName: 'Debian GNU/Linux 12 (bookworm)',
  versionId: '12',
  codename: 'bookworm',
  kernel: '6.1.0-28-amd64',
  kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)',
  kernelBuilder:
    '(debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, ' +
    'GNU ld (GNU Binutils for Debian) 2.40)',
  versions: {
    iptables: '1.8.9',
    nftables: '1.0.6',
    iproute2: '6.1.0',
    procps: '4.0.2',
    openssh: '9.2p1',
    sshBanner: 'OpenSSH_9.2p1 Debian-2+deb12u3',
    systemd: 252,
    rsyslog: '8.2302.0',
    bash: '5.2.15',
    coreutils: '9.1',
    python3: '3.11.2',
    lsof: '4.95.0',
    netTools: '2.10',
    conntrack: '1.4.7',
    tcpdump: '4.99.3',
    ufw: '0.36.2',
    chrony: '4.3',
  },
  syslogFormat: 'rfc3339',
  rsyslogByDefault: false,
  timeService: 'systemd-timesyncd',
  hourlyMinute: 17,
  crontab: CRONTAB,
  accounts: systemAccounts('debian-12'),
  groups: systemGroups('debian-12'),
  defaultServices: DEBIAN_SERVICES,
  bashPath: '/usr/bin/bash',
  adminGroups: ['adm', 'sudo'],
};

const PROFILES: ReadonlyMap<DistroId, DistroProfile> = new Map([
  [UBUNTU_24.id, UBUNTU_24],
  [UBUNTU_22.id, UBUNTU_22],
  [DEBIAN_12.id, DEBIAN_12],
]);

/** The profile of a distribution. */
export function profileFor(id: DistroId): DistroProfile {
  return PROFILES.get(id) ?? UBUNTU_24;
}

export const DISTRO_IDS: readonly DistroId[] = [...PROFILES.keys()];

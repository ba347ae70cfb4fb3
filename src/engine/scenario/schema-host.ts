/**
 * The `host` part of a scenario: identity, accounts, network configuration,
 * files, cron and baseline services. Everything here is static: it holds for
 * the whole history window unless a timeline entry changes it.
 */
import { z } from 'zod';
import { firewallSchema } from './schema-firewall';
import { linkSchema, neighbourSchema, routeSchema } from './schema-net';
import {
  doc,
  ipSchema,
  modeSchema,
  ownerSchema,
  timeSchema,
  userNameSchema,
} from './schema-common';

export const DISTROS = ['ubuntu-24.04', 'ubuntu-22.04', 'debian-12'] as const;

const userSchema = z.strictObject({
  name: userNameSchema,
  uid: doc(
    z.number().int().min(0).optional(),
    'User id; new users get the next free id from 1000.',
    [1001],
  ),
  gid: doc(
    z.number().int().min(0).optional(),
    'Primary group id; by default a group named after the user.',
  ),
  gecos: doc(z.string().optional(), 'The GECOS field (full name), empty by default.', [
    'Deploy bot',
  ]),
  home: doc(z.string().optional(), 'Home directory; /home/NAME by default (/root for root).'),
  shell: doc(z.string().optional(), 'Login shell; /bin/bash by default.', [
    '/bin/bash',
    '/usr/sbin/nologin',
  ]),
  groups: doc(z.array(z.string()).optional(), 'Supplementary groups, by name.', [['sudo', 'adm']]),
});

const groupSchema = z.strictObject({
  name: doc(z.string().min(1), 'Group name.', ['deploy']),
  gid: doc(z.number().int().min(0).optional(), 'Group id; the next free id from 1000 by default.'),
  members: doc(
    z.array(z.string()).optional(),
    'Member user names (besides those naming it in `groups`).',
  ),
});

const fileSchema = z.strictObject({
  path: doc(z.string().regex(/^\//, 'an absolute path'), 'Absolute path of the file.', [
    '/etc/cron.d/sync',
  ]),
  content: doc(z.string(), "The file's text. Use $${NAME} to write a literal ${NAME}."),
  mode: doc(modeSchema.optional(), 'Mode, "0644" by default.'),
  owner: doc(ownerSchema.optional(), 'Owner, root:root by default.'),
  mtime: doc(timeSchema.optional(), 'Modification time; the boot time by default.'),
});

const cronSchema = z.strictObject({
  user: doc(userNameSchema.optional(), 'Whose crontab (crontab -l -u USER); root by default.'),
  file: doc(
    z.string().regex(/^\//).optional(),
    'A file in /etc/cron.d (or /etc/crontab) instead of a user crontab; its lines name the user.',
    ['/etc/cron.d/backup'],
  ),
  schedule: doc(z.string().min(1), 'The five cron time fields, or @hourly/@reboot/...', [
    '*/5 * * * *',
    '@reboot',
  ]),
  command: doc(z.string().min(1), 'The command line.', ['/usr/local/bin/backup.sh']),
});

export const serviceSchema = doc(
  z.union([
    z.string().min(1),
    z.strictObject({
      name: doc(z.string().min(1), "A service of the distribution profile's catalogue.", [
        'ssh',
        'nginx',
      ]),
      pid: doc(z.number().int().min(1).optional(), "The main process's pid (others follow it)."),
      start: doc(timeSchema.optional(), 'When it started; shortly after boot by default.'),
    }),
  ]),
  'A baseline service from the distribution profile (processes, listeners, unit, logs).',
  ['ssh', 'cron', 'nginx', { name: 'nginx', pid: 812 }],
);

const ntpSchema = z.strictObject({
  server: doc(z.string().min(1), 'Server name as configured.', ['ntp.internal']),
  address: doc(ipSchema, 'Its address, as the time service logs it.', ['10.10.0.1']),
});

const dnsSchema = z.strictObject({
  servers: doc(
    z.array(ipSchema).min(1).max(3),
    'The DNS servers systemd-resolved uses, as DHCP gave them on the primary link.',
    [['10.10.0.2']],
  ),
  search: doc(
    z.array(z.string().regex(/^[a-zA-Z0-9.-]+$/, 'not a domain name')).default([]),
    'The search domains (resolv.conf search, resolvectl DNS Domain).',
    [['corp.example']],
  ),
});

export const hostSchema = z.strictObject({
  hostname: doc(
    z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/, 'not a host name'),
    'The host name.',
    ['web01'],
  ),
  distro: doc(
    z.enum(DISTROS),
    'The distribution the host claims to be; fixes tool versions and the baseline.',
  ),
  kernel: doc(z.string().optional(), "Kernel release (uname -r); the profile's by default.", [
    '6.8.0-51-generic',
  ]),
  arch: doc(z.string().default('x86_64'), 'Machine architecture (uname -m).'),
  timezone: doc(z.string().default('UTC'), 'IANA time zone of the host.', ['UTC', 'Europe/Berlin']),
  load: doc(
    z.tuple([z.number(), z.number(), z.number()]).optional(),
    'Load averages (uptime, w).',
    [[0.12, 0.38, 0.26]],
  ),
  mem_total_kb: doc(z.number().int().positive().optional(), 'MemTotal in kB.', [4005116]),
  container: doc(
    z.boolean().default(false),
    'true: the host is a container, which never booted as a machine: its wtmp and utmp ' +
      'hold no boot or run-level records, so `last` begins at the first login.',
    [false],
  ),
  baseline: doc(
    z.enum(['standard', 'none']).default('standard'),
    "standard: the profile's system accounts, default services and their periodic logs. " +
      'none: only what this file lists (for reproducing a captured state exactly).',
  ),
  users: doc(z.array(userSchema).default([]), "Accounts besides the profile's system accounts."),
  groups: doc(
    z.array(groupSchema).default([]),
    "Groups besides the users' own and the system groups.",
  ),
  interfaces: doc(
    z.array(linkSchema).default([]),
    'Network links, in ifindex order. lo is added if missing.',
  ),
  routes: doc(z.array(routeSchema).default([]), 'Routes, in the order `ip route` prints them.'),
  connected_routes: doc(
    z.boolean().default(true),
    "Add the kernel's connected routes for each address (10.10.0.0/24 dev eth0 proto kernel ...) " +
      'after the listed routes, unless a listed route has the same destination and device.',
  ),
  neighbours: doc(z.array(neighbourSchema).default([]), 'The neighbour (ARP/NDP) table.'),
  firewall: doc(firewallSchema.optional(), 'iptables tables, ufw state and native nftables.'),
  files: doc(
    z.array(fileSchema).default([]),
    'Files on the host, beyond those generated (passwd, crontabs).',
  ),
  cron: doc(z.array(cronSchema).default([]), 'Cron jobs: user crontabs and /etc/cron.d entries.'),
  services: doc(
    z.array(serviceSchema).optional(),
    "Baseline services. Leave out for the profile's defaults (with baseline: standard); [] for none.",
  ),
  ntp: doc(
    ntpSchema.optional(),
    'The time source the time service logs; the default gateway by default.',
  ),
  dns: doc(
    dnsSchema.optional(),
    'The resolver the host uses (systemd-resolved with its stub on 127.0.0.53); ' +
      'the default gateway, with no search domain, by default.',
  ),
});

export type HostDoc = z.output<typeof hostSchema>;

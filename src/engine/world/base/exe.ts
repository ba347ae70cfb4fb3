/**
 * Where common programs live on these distributions (/proc/PID/exe is the
 * resolved binary: `nc` is /usr/bin/nc.openbsd, `python3` the versioned
 * interpreter, `sh` is dash), and the kernel command name of a process.
 */
import type { DistroId } from '../types';

const PYTHON: Record<DistroId, string> = {
  'ubuntu-24.04': '/usr/bin/python3.12',
  'ubuntu-22.04': '/usr/bin/python3.10',
  'debian-12': '/usr/bin/python3.11',
};

const KNOWN: Record<string, string> = {
  bash: '/usr/bin/bash',
  sh: '/usr/bin/dash',
  dash: '/usr/bin/dash',
  nc: '/usr/bin/nc.openbsd',
  netcat: '/usr/bin/nc.openbsd',
  ncat: '/usr/bin/ncat',
  socat: '/usr/bin/socat',
  curl: '/usr/bin/curl',
  wget: '/usr/bin/wget',
  sleep: '/usr/bin/sleep',
  tar: '/usr/bin/tar',
  gzip: '/usr/bin/gzip',
  ssh: '/usr/bin/ssh',
  sshd: '/usr/sbin/sshd',
  perl: '/usr/bin/perl',
  php: '/usr/bin/php8.3',
  cron: '/usr/sbin/cron',
  nginx: '/usr/sbin/nginx',
  base64: '/usr/bin/base64',
  cat: '/usr/bin/cat',
  dd: '/usr/bin/dd',
  openssl: '/usr/bin/openssl',
  scp: '/usr/bin/scp',
  rsync: '/usr/bin/rsync',
  sudo: '/usr/bin/sudo',
  su: '/usr/bin/su',
  top: '/usr/bin/top',
  vim: '/usr/bin/vim.basic',
};

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** The binary a process runs, from argv[0]. */
export function exeFor(argv0: string, distro: DistroId): string {
  const name = basename(argv0.replace(/^-/, ''));
  if (/^python3(\.\d+)?$/.test(name))
    return argv0.includes('/') && name !== 'python3' ? argv0 : PYTHON[distro];
  if (argv0.startsWith('/'))
    return KNOWN[name] && argv0 === `/bin/${name}` ? (KNOWN[name] as string) : argv0;
  return KNOWN[name] ?? `/usr/bin/${name}`;
}

/** /proc/PID/comm: argv[0]'s base name (the binary's for a retitled process), 15 characters. */
export function commFor(argv0: string, exe: string): string {
  const fromArgv = basename(argv0.replace(/^-/, ''));
  const name = /[\s:]/.test(argv0) ? basename(exe) : fromArgv;
  return name.slice(0, 15);
}

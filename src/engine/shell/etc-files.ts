/**
 * Configuration files a distribution installs, as views of the world: the
 * resolver (systemd-resolved's stub file, which /etc/resolv.conf links to,
 * with the host's search domains) and the package sources (Ubuntu 24.04's
 * deb822 ubuntu.sources, the one-line sources.list before it and on Debian).
 */
import type { HostState } from '../world/types';

/** Where Ubuntu and Debian point /etc/resolv.conf (a relative link, as installed). */
export const RESOLV_LINK = { path: '/etc/resolv.conf', target: '../run/systemd/resolve/stub-resolv.conf' };

const STUB_HEADER = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.
`;

/** The stub file: the local stub resolver, and the search domains ("." for none). */
export function stubResolvConf(world: HostState): string {
  const search = world.host.dns?.search.length ? world.host.dns.search.join(' ') : '.';
  return `${STUB_HEADER}\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch ${search}\n`;
}

const KEYRING = '/usr/share/keyrings/ubuntu-archive-keyring.gpg';
const COMPONENTS = 'main restricted universe multiverse';

function ubuntuSources(codename: string): string {
  const stanza = (uri: string, suites: string) =>
    `Types: deb\nURIs: ${uri}\nSuites: ${suites}\nComponents: ${COMPONENTS}\nSigned-By: ${KEYRING}\n`;
  return stanza('http://archive.ubuntu.com/ubuntu/', `${codename} ${codename}-updates ${codename}-backports`) +
    '\n' + stanza('http://security.ubuntu.com/ubuntu/', `${codename}-security`);
}

function oneLineUbuntu(codename: string): string {
  const line = (uri: string, suite: string) => `deb ${uri} ${suite} ${COMPONENTS}\n`;
  return line('http://archive.ubuntu.com/ubuntu/', codename) +
    line('http://archive.ubuntu.com/ubuntu/', `${codename}-updates`) +
    line('http://archive.ubuntu.com/ubuntu/', `${codename}-backports`) +
    line('http://security.ubuntu.com/ubuntu/', `${codename}-security`);
}

const DEBIAN_12 = 'deb http://deb.debian.org/debian bookworm main\n' +
  'deb http://deb.debian.org/debian-security bookworm-security main\n' +
  'deb http://deb.debian.org/debian bookworm-updates main\n';

/** The apt sources files of the host's distribution, by path. */
export function aptSources(world: HostState): Map<string, string> {
  const files = new Map<string, string>();
  switch (world.host.distro) {
    case 'ubuntu-24.04':
      files.set('/etc/apt/sources.list', '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n');
      files.set('/etc/apt/sources.list.d/ubuntu.sources', ubuntuSources('noble'));
      break;
    case 'ubuntu-22.04':
      files.set('/etc/apt/sources.list', oneLineUbuntu('jammy'));
      break;
    case 'debian-12':
      files.set('/etc/apt/sources.list', DEBIAN_12);
      break;
  }
  return files;
}

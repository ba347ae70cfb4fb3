/**
 * System accounts and groups of a default install, with the ids the
 * distributions give them (/etc/passwd and /etc/group of a fresh server or
 * cloud image). Dynamic system ids (998, 997, ...) follow the order the
 * packages are installed in, so they differ between releases.
 */
import type { DistroId } from './types';

/** name:uid:gid:gecos:home:shell, as in /etc/passwd. */
export interface SystemAccount {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface SystemGroup {
  name: string;
  gid: number;
  members: string[];
}

const NOLOGIN = '/usr/sbin/nologin';

const COMMON = `root:0:0:root:/root:/bin/bash
daemon:1:1:daemon:/usr/sbin:${NOLOGIN}
bin:2:2:bin:/bin:${NOLOGIN}
sys:3:3:sys:/dev:${NOLOGIN}
sync:4:65534:sync:/bin:/bin/sync
games:5:60:games:/usr/games:${NOLOGIN}
man:6:12:man:/var/cache/man:${NOLOGIN}
lp:7:7:lp:/var/spool/lpd:${NOLOGIN}
mail:8:8:mail:/var/mail:${NOLOGIN}
news:9:9:news:/var/spool/news:${NOLOGIN}
uucp:10:10:uucp:/var/spool/uucp:${NOLOGIN}
proxy:13:13:proxy:/bin:${NOLOGIN}
www-data:33:33:www-data:/var/www:${NOLOGIN}
backup:34:34:backup:/var/backups:${NOLOGIN}
list:38:38:Mailing List Manager:/var/list:${NOLOGIN}
irc:39:39:ircd:/run/ircd:${NOLOGIN}`;

const PASSWD: Record<DistroId, string> = {
  'ubuntu-24.04': `${COMMON}
_apt:42:65534::/nonexistent:${NOLOGIN}
nobody:65534:65534:nobody:/nonexistent:${NOLOGIN}
systemd-network:998:998:systemd Network Management:/:${NOLOGIN}
systemd-timesync:996:996:systemd Time Synchronization:/:${NOLOGIN}
dhcpcd:100:65534:DHCP Client Daemon,,,:/usr/lib/dhcpcd:/bin/false
messagebus:101:101::/nonexistent:${NOLOGIN}
systemd-resolve:991:991:systemd Resolver:/:${NOLOGIN}
pollinate:102:1::/var/cache/pollinate:/bin/false
polkitd:990:990:User for polkitd:/:${NOLOGIN}
syslog:103:104::/nonexistent:${NOLOGIN}
uuidd:104:105::/run/uuidd:${NOLOGIN}
tcpdump:105:107::/nonexistent:${NOLOGIN}
tss:106:108:TPM software stack,,,:/var/lib/tpm:/bin/false
landscape:107:109::/var/lib/landscape:${NOLOGIN}
fwupd-refresh:989:989:Firmware update daemon:/var/lib/fwupd:${NOLOGIN}
usbmux:108:46:usbmux daemon,,,:/var/lib/usbmux:${NOLOGIN}
sshd:109:65534::/run/sshd:${NOLOGIN}`,
  'ubuntu-22.04': `${COMMON}
gnats:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:${NOLOGIN}
nobody:65534:65534:nobody:/nonexistent:${NOLOGIN}
_apt:100:65534::/nonexistent:${NOLOGIN}
systemd-network:101:102:systemd Network Management,,,:/run/systemd:${NOLOGIN}
systemd-resolve:102:103:systemd Resolver,,,:/run/systemd:${NOLOGIN}
messagebus:103:104::/nonexistent:${NOLOGIN}
systemd-timesync:104:105:systemd Time Synchronization,,,:/run/systemd:${NOLOGIN}
pollinate:105:1::/var/cache/pollinate:/bin/false
sshd:106:65534::/run/sshd:${NOLOGIN}
syslog:107:113::/home/syslog:${NOLOGIN}
uuidd:108:114::/run/uuidd:${NOLOGIN}
tcpdump:109:115::/nonexistent:${NOLOGIN}
tss:110:116:TPM software stack,,,:/var/lib/tpm:/bin/false
landscape:111:117::/var/lib/landscape:${NOLOGIN}
fwupd-refresh:112:118:fwupd-refresh user,,,:/run/systemd:${NOLOGIN}
lxd:999:100::/var/snap/lxd/common/lxd:/bin/false`,
  'debian-12': `${COMMON}
_apt:42:65534::/nonexistent:${NOLOGIN}
nobody:65534:65534:nobody:/nonexistent:${NOLOGIN}
systemd-network:998:998:systemd Network Management:/:${NOLOGIN}
systemd-timesync:997:997:systemd Time Synchronization:/:${NOLOGIN}
messagebus:100:107::/nonexistent:${NOLOGIN}
sshd:101:65534::/run/sshd:${NOLOGIN}`,
};

const COMMON_GROUPS = `root:0:
daemon:1:
bin:2:
sys:3:
adm:4:ADM
tty:5:
disk:6:
lp:7:
mail:8:
news:9:
uucp:10:
man:12:
proxy:13:
kmem:15:
dialout:20:
fax:21:
voice:22:
cdrom:24:
floppy:25:
tape:26:
sudo:27:
audio:29:
dip:30:
www-data:33:
backup:34:
operator:37:
list:38:
irc:39:
src:40:
shadow:42:
utmp:43:
video:44:
sasl:45:
plugdev:46:
staff:50:
games:60:
users:100:
nogroup:65534:`;

const GROUPS: Record<DistroId, string> = {
  'ubuntu-24.04': `${COMMON_GROUPS}
systemd-journal:999:
systemd-network:998:
systemd-timesync:996:
input:995:
sgx:994:
kvm:993:
render:992:
systemd-resolve:991:
polkitd:990:
messagebus:101:
crontab:102:
syslog:104:
uuidd:105:
_ssh:106:
tcpdump:107:
tss:108:
landscape:109:
fwupd-refresh:989:`,
  'ubuntu-22.04': `${COMMON_GROUPS}
gnats:41:
systemd-journal:101:
systemd-network:102:
systemd-resolve:103:
messagebus:104:
systemd-timesync:105:
input:106:
sgx:107:
kvm:108:
render:109:
lxd:110:
_ssh:111:
crontab:112:
syslog:113:
uuidd:114:
tcpdump:115:
tss:116:
landscape:117:
fwupd-refresh:118:`,
  'debian-12': `${COMMON_GROUPS}
systemd-journal:999:
systemd-network:998:
systemd-timesync:997:
input:101:
sgx:102:
kvm:103:
render:104:
crontab:105:
netdev:106:
messagebus:107:
_ssh:108:`,
};

function parsePasswd(text: string): SystemAccount[] {
  return text.split('\n').map((line) => {
    const [name = '', uid = '0', gid = '0', gecos = '', home = '', shell = ''] = line.split(':');
    return { name, uid: Number(uid), gid: Number(gid), gecos, home, shell };
  });
}

function parseGroups(text: string, adm: string[]): SystemGroup[] {
  return text.split('\n').map((line) => {
    const [name = '', gid = '0', members = ''] = line.split(':');
    const list = members === 'ADM' ? adm : members === '' ? [] : members.split(',');
    return { name, gid: Number(gid), members: list };
  });
}

/** System accounts of a default install, in /etc/passwd order. */
export function systemAccounts(distro: DistroId): SystemAccount[] {
  return parsePasswd(PASSWD[distro]);
}

/** System groups of a default install, in /etc/group order. */
export function systemGroups(distro: DistroId): SystemGroup[] {
  const adm = distro === 'debian-12' ? [] : ['syslog'];
  return parseGroups(GROUPS[distro], adm);
}

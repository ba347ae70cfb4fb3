/**
 * /etc/ssh as Ubuntu 24.04's openssh-server leaves it (sshd_config with its
 * stock directives, a drop-in that allows passwords, the host keys made at
 * install), and each user's ~/.ssh/authorized_keys: the keys of the key
 * logins the behaviours recorded, and the trainee's own.
 */
import type { HostState, VirtualFile } from '../world/types';
import { accountCreatedAt, installedAt } from '../world/disk';
import type { FileSpec } from './view-files';
import { keyLine, publicKeyLine, seededBase64, traineeKey } from '../world/ssh-keys';

const SSHD_CONFIG = `
# This is the sshd server system-wide configuration file.  See
# sshd_config(5) for more information.

# Lines starting with # are comments; a commented option shows the value
# sshd uses when the option is not set. The first value sshd reads for an
# option wins, so the drop-ins included below take precedence.

Include /etc/ssh/sshd_config.d/*.conf

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0
#ListenAddress ::

#HostKey /etc/ssh/ssh_host_rsa_key
#HostKey /etc/ssh/ssh_host_ecdsa_key
#HostKey /etc/ssh/ssh_host_ed25519_key

# Logging
#SyslogFacility AUTH
#LogLevel INFO

# Authentication:

#LoginGraceTime 2m
#PermitRootLogin prohibit-password
#StrictModes yes
#MaxAuthTries 6
#MaxSessions 10

#PubkeyAuthentication yes

#AuthorizedKeysFile	.ssh/authorized_keys .ssh/authorized_keys2

# To turn off tunnelled clear text passwords, set this to no:
#PasswordAuthentication yes
#PermitEmptyPasswords no

# Keyboard-interactive authentication (through PAM on this host) is off:
KbdInteractiveAuthentication no

# With UsePAM yes, PAM runs the account and session modules for every
# login, whatever the authentication method.
UsePAM yes

#AllowAgentForwarding yes
#AllowTcpForwarding yes
#GatewayPorts no
X11Forwarding yes
#X11DisplayOffset 10
#X11UseLocalhost yes
#PermitTTY yes
PrintMotd no
#PrintLastLog yes
#TCPKeepAlive yes
#PermitUserEnvironment no
#Compression delayed
#ClientAliveInterval 0
#ClientAliveCountMax 3
#UseDNS no
#PidFile /run/sshd.pid
#MaxStartups 10:30:100
#PermitTunnel no
#ChrootDirectory none
#VersionAddendum none

# No banner by default
#Banner none

# Let clients pass their locale
AcceptEnv LANG LC_*

# The SFTP subsystem
Subsystem	sftp	/usr/lib/openssh/sftp-server

# Per-user overrides, for example:
#Match User anoncvs
#	X11Forwarding no
#	AllowTcpForwarding no
#	PermitTTY no
#	ForceCommand cvs server
`.slice(1);

/** Password logins reach sshd here, so the cloud image's drop-in allows them. */
const CLOUD_INIT_CONF = 'PasswordAuthentication yes\n';

const HOST_KEYS: [string, string][] = [['ecdsa', 'ECDSA'], ['ed25519', 'ED25519'], ['rsa', 'RSA']];

/** Base64 characters in each private key file (399, 505 and 2590 bytes with the armour). */
const PRIVATE_CHARS: Record<string, number> = { ed25519: 324, ecdsa: 428, rsa: 2484 };

function etcSsh(world: HostState): FileSpec[] {
  const at = installedAt(world);
  const root = (path: string, content: string, mode = 0o644): FileSpec =>
    ({ path, content: () => content, mode, uid: 0, gid: 0, mtime: at });
  const out = [
    root('/etc/ssh/sshd_config', SSHD_CONFIG),
    root('/etc/ssh/sshd_config.d/50-cloud-init.conf', CLOUD_INIT_CONF, 0o600),
  ];
  for (const [name, type] of HOST_KEYS) {
    const seed = `${world.host.hostname}:host:${name}`;
    const pub = `${publicKeyLine(type, seed, `root@${world.host.hostname}`)}\n`;
    const body = seededBase64(`${seed}:private`, PRIVATE_CHARS[name]!).replace(/(.{70})(?=.)/g, '$1\n');
    const key = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`;
    out.push(root(`/etc/ssh/ssh_host_${name}_key.pub`, pub));
    out.push(root(`/etc/ssh/ssh_host_${name}_key`, key, 0o600));
  }
  return out;
}

/** ~/.ssh/authorized_keys: the lines the world's files give for it, joined, and the trainee's key. */
function authorizedKeys(world: HostState): FileSpec[] {
  const byHome = new Map<string, { lines: string[]; first: VirtualFile }>();
  for (const f of world.files) {
    if (!f.path.endsWith('/.ssh/authorized_keys')) continue;
    const entry = byHome.get(f.path) ?? { lines: [], first: f };
    for (const line of f.content.split('\n')) if (line && !entry.lines.includes(line)) entry.lines.push(line);
    byHome.set(f.path, entry);
  }
  const self = world.logins.find((l) => l.self);
  const trainee = self && world.accounts.find((a) => a.name === self.user);
  if (trainee) {
    const path = `${trainee.home}/.ssh/authorized_keys`;
    const line = keyLine(traineeKey(trainee.name, self!.host), `${trainee.name}@soc-jump`);
    const entry = byHome.get(path) ?? { lines: [], first: { path, content: '', mode: 0o600, uid: trainee.uid, gid: trainee.gid, mtime: 0 } };
    entry.lines.unshift(line);
    byHome.set(path, entry);
  }
  return [...byHome].map(([path, { lines, first }]) => {
    const content = lines.map((l) => `${l}\n`).join('');
    const mtime = accountCreatedAt(world, first.uid) + 2 * 3_600_000;
    return { path, content: () => content, mode: 0o600, uid: first.uid, gid: first.gid, mtime };
  });
}

export function sshFiles(world: HostState): FileSpec[] {
  return [...etcSsh(world), ...authorizedKeys(world)];
}

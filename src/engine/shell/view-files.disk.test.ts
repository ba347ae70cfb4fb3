import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

const root = async () => {
  const s = createLabSession({ scenario: web01Scenario() });
  await s.exec('sudo -i');
  return s;
};

describe('the installed system on disk', () => {
  it('has the programs processes run, with package sizes and dates, and /bin is /usr/bin', async () => {
    const s = await root();
    expect(await s.exec('ls -l /usr/bin/bash /usr/sbin/sshd /usr/bin/nc.openbsd /bin')).toEqual({
      stdout: 'lrwxrwxrwx 1 root root       7 Jul  7 10:14 /bin -> usr/bin\n'
        + '-rwxr-xr-x 1 root root 1265648 Mar 31  2024 /usr/bin/bash\n'
        + '-rwxr-xr-x 1 root root   47304 Mar 31  2024 /usr/bin/nc.openbsd\n'
        + '-rwxr-xr-x 1 root root  921992 Sep 19  2024 /usr/sbin/sshd\n',
      stderr: '', exitCode: 0,
    });
  });

  it('gives a program the device and inode lsof gives it, by either path', async () => {
    const s = await root();
    expect((await s.exec("stat -c '%Hd,%Ld %i %s %n' /usr/bin/bash /bin/bash")).stdout)
      .toBe('254,0 260104 1265648 /usr/bin/bash\n254,0 260104 1265648 /bin/bash\n');
    expect((await s.exec('ls -i /bin/bash')).stdout).toBe('260104 /bin/bash\n');
  });

  it('keeps builtins out of /usr/bin and hashes programs apart', async () => {
    const s = await root();
    expect((await s.exec('ls /usr/bin | grep -c -x -e alias -e unalias -e history')).stdout).toBe('0\n');
    const sums = (await s.exec('sha256sum /usr/bin/bash /usr/bin/tar | cut -c1-64 | sort -u | wc -l')).stdout;
    expect(sums).toBe('2\n');
  });

  it('shows the devices as character devices with their numbers', async () => {
    const s = await root();
    // The captured host has no tty group; devtmpfs dates its nodes at boot.
    expect((await s.exec('ls -l /dev')).stdout).toBe('total 4\n'
      + 'crw-rw-rw- 1 root root 1, 3 Dec  4 13:11 null\n'
      + 'drwxr-xr-x 2 root root 4096 Dec  4 13:11 pts\n'
      + 'crw-rw-rw- 1 root root 1, 8 Dec  4 13:11 random\n'
      + 'crw-rw-rw- 1 root root 5, 0 Dec  4 13:11 tty\n'
      + 'crw-rw-rw- 1 root root 1, 9 Dec  4 13:11 urandom\n'
      + 'crw-rw-rw- 1 root root 1, 5 Dec  4 13:11 zero\n');
  });

  it('counts a directory\'s subdirectories in its links and dates it by its entries', async () => {
    const s = await root();
    // /home holds deploy's home; /etc/ssh its sshd_config.d; both as their last entry was made.
    expect((await s.exec('ls -ld /home /etc/ssh')).stdout).toBe('drwxr-xr-x 3 root root 4096 Jul  7 10:14 /etc/ssh\n'
      + 'drwxr-xr-x 3 root root 4096 Jul  8 09:30 /home\n');
  });

  it('has sshd_config and the host keys with their owners and modes', async () => {
    const s = await root();
    expect((await s.exec('ls -l /etc/ssh')).stdout).toBe('total 32\n'
      + '-rw------- 1 root root  505 Jul  7 10:14 ssh_host_ecdsa_key\n'
      + '-rw-r--r-- 1 root root  172 Jul  7 10:14 ssh_host_ecdsa_key.pub\n'
      + '-rw------- 1 root root  399 Jul  7 10:14 ssh_host_ed25519_key\n'
      + '-rw-r--r-- 1 root root   92 Jul  7 10:14 ssh_host_ed25519_key.pub\n'
      + '-rw------- 1 root root 2590 Jul  7 10:14 ssh_host_rsa_key\n'
      + '-rw-r--r-- 1 root root  564 Jul  7 10:14 ssh_host_rsa_key.pub\n'
      + '-rw-r--r-- 1 root root 1843 Jul  7 10:14 sshd_config\n'
      + 'drwxr-xr-x 2 root root 4096 Jul  7 10:14 sshd_config.d\n');
    expect((await s.exec('grep -v "^#" /etc/ssh/sshd_config | grep .')).stdout).toBe('Include /etc/ssh/sshd_config.d/*.conf\n'
      + 'KbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\nPrintMotd no\nAcceptEnv LANG LC_*\n'
      + 'Subsystem\tsftp\t/usr/lib/openssh/sftp-server\n');
  });
});

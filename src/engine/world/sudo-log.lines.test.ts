import { describe, expect, it } from 'vitest';
import { sudoCommandOf, sudoEntries } from './sudo-log';

const use = {
  at: 1_000, pid: 4242, user: 'ops', uid: 1000, tty: 'pts/1', pwd: '/home/ops',
  command: '/usr/bin/systemctl status nginx', allowed: true, unit: 'session-9.scope',
};
const lines = (u: Parameters<typeof sudoEntries>[0]) =>
  sudoEntries(u).map((e) => `${e.time} ${e.ident}[${e.pid}] ${e.facility} ${e.noPidTag} ${e.unit}: ${e.message}`);

describe("sudo's trace", () => {
  it('a command: its line (user right-aligned in 8 columns), then the PAM session around it', () => {
    expect(lines({ ...use, openDelay: 3, end: 2_250 })).toEqual([
      '1000 sudo[4242] authpriv true session-9.scope:      ops : TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/systemctl status nginx',
      '1003 sudo[4242] authpriv true session-9.scope: pam_unix(sudo:session): session opened for user root(uid=0) by ops(uid=1000)',
      '2250 sudo[4242] authpriv true session-9.scope: pam_unix(sudo:session): session closed for user root',
    ]);
  });

  it('still running: the session is open; a long name is not cut', () => {
    expect(lines({ ...use, user: 'webdeployer', tty: null, unit: undefined })).toEqual([
      '1000 sudo[4242] authpriv true undefined: webdeployer : TTY=unknown ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/systemctl status nginx',
      '1000 sudo[4242] authpriv true undefined: pam_unix(sudo:session): session opened for user root(uid=0) by webdeployer(uid=1000)',
    ]);
  });

  it('outside sudoers, and sudo -l: one line, no session', () => {
    expect(lines({ ...use, user: 'build', command: 'list', allowed: false, end: 3_000 })).toEqual([
      '1000 sudo[4242] authpriv true session-9.scope:    build : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=list',
    ]);
    expect(lines({ ...use, command: 'list', end: 3_000 })).toHaveLength(1);
  });

  it('reads the command sudo logs from a typed line (secure_path finds iptables in /usr/sbin)', () => {
    expect(['sudo systemctl status nginx', 'sudo -l', 'sudo -i', 'sudo iptables -L -n', 'sudo -u root ss -tnp',
      'uptime', 'sudo', 'sudo ./run.sh x'].map((l) => sudoCommandOf(l))).toEqual([
      '/usr/bin/systemctl status nginx', 'list', '/bin/bash', '/usr/sbin/iptables -L -n', '/usr/bin/ss -tnp',
      undefined, undefined, './run.sh x',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

const session = () => createLabSession({ scenario: web01Scenario() });
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('sudo', () => {
  it('sudo -l lists Ubuntu\'s Defaults and the %sudo rule for the user and host', async () => {
    expect(await session().exec('sudo -l')).toEqual(ok(
      'Matching Defaults entries for deploy on web01:\n'
      + '    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin\\:/snap/bin, use_pty\n'
      + '\n'
      + 'User deploy may run the following commands on web01:\n'
      + '    (ALL : ALL) ALL\n',
    ));
  });

  it('a command run by sudo sees root\'s HOME, USER, LOGNAME and who ran it', async () => {
    expect(await session().exec('sudo printenv HOME USER LOGNAME SUDO_USER SUDO_UID SUDO_COMMAND')).toEqual(ok(
      '/root\nroot\nroot\ndeploy\n1001\n/usr/bin/printenv HOME USER LOGNAME SUDO_USER SUDO_UID SUDO_COMMAND\n',
    ));
  });

  it('sudo -i and sudo su give a root shell with root\'s environment; exit gives the user\'s back', async () => {
    for (const enter of ['sudo -i', 'sudo su', 'sudo -i; echo $HOME']) {
      const s = session();
      await s.exec(enter);
      expect(await s.exec('echo $HOME $USER $LOGNAME')).toEqual(ok('/root root root\n'));
      await s.exec('exit');
      expect(await s.exec('echo $HOME $USER $LOGNAME')).toEqual(ok('/home/deploy deploy deploy\n'));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

const BOOT = 'reboot   system boot  6.8.0-49-generic Wed Nov 25 13:28   still running\n';
const LOGINS =
  'analyst  pts/0        192.0.2.10       Fri Dec  4 13:24   still logged in\n' +
  'deploy   pts/1        203.0.113.192    Fri Dec  4 11:27 - 11:44  (00:17)\n' +
  'ops      pts/1        192.0.2.10       Fri Dec  4 08:26 - 08:32  (00:06)\n';
const BEGINS = '\nwtmp begins Wed Nov 25 13:28:56 2026\n';

describe('last on the flagship (up 9 days)', () => {
  it('begins wtmp at the boot record, which who -b and uptime -s agree with', async () => {
    const s = await flagshipRootShell();
    expect((await s.exec('last')).stdout).toBe(LOGINS + BOOT + BEGINS);
    expect((await s.exec('last reboot')).stdout).toBe(BOOT + BEGINS);
    expect((await s.exec('who -b')).stdout).toBe('         system boot  2026-11-25 13:28\n');
    expect((await s.exec('uptime -s')).stdout).toBe('2026-11-25 13:28:56\n');
  });

  it('adds the run-level record with -x, and reads -F, -i -a, -n, USER and -s/-t', async () => {
    const s = await flagshipRootShell();
    expect((await s.exec('last -x')).stdout).toBe(LOGINS +
      'runlevel (to lvl 5)   6.8.0-49-generic Wed Nov 25 13:28   still running\n' + BOOT + BEGINS);
    expect((await s.exec('last -F -n 2')).stdout).toBe(
      'analyst  pts/0        192.0.2.10       Fri Dec  4 13:24:56 2026   still logged in\n' +
      'deploy   pts/1        203.0.113.192    Fri Dec  4 11:27:56 2026 - Fri Dec  4 11:44:56 2026  (00:17)\n' +
      BEGINS);
    expect((await s.exec('last -ia reboot')).stdout).toBe(
      'reboot   system boot  Wed Nov 25 13:28   still running      0.0.0.0\n' + BEGINS);
    expect((await s.exec('last -2 deploy ops')).stdout).toBe(LOGINS.split('\n').slice(1).join('\n') + BEGINS);
    expect((await s.exec("last -s '2026-12-04 08:30' -t 12:00")).stdout).toBe(LOGINS.split('\n')[1] + '\n' + BEGINS);
  });

  it('answers bad arguments and missing files as util-linux does', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('last -n x')).toEqual({ stdout: '', stderr: "last: failed to parse number: 'x'\n", exitCode: 1 });
    expect(await s.exec('last -s soon')).toEqual({ stdout: '', stderr: 'last: invalid time value "soon"\n', exitCode: 1 });
    expect(await s.exec('last -f /var/log/wtmp.1')).toEqual(
      { stdout: '', stderr: 'last: cannot open /var/log/wtmp.1: No such file or directory\n', exitCode: 1 });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';
import { createLabSession } from '../../session/session';
import { flagshipRootShell } from '../../shell/testkit';

const spray = [
  ['test', '11:27'], ['test', '11:27'], ['deploy', '11:27'], ['oracle', '11:26'], ['oracle', '11:26'],
  ['deploy', '11:26'], ['ubuntu', '11:25'], ['ubuntu', '11:25'], ['admin', '11:25'], ['admin', '11:25'],
  ['root', '11:24'], ['test', '11:24'], ['test', '11:24'], ['deploy', '11:24'], ['oracle', '11:23'],
  ['oracle', '11:23'], ['deploy', '11:23'], ['ubuntu', '11:22'], ['ubuntu', '11:22'], ['admin', '11:22'],
  ['admin', '11:22'], ['root', '11:21'],
];
const row = ([user, at]: string[]) =>
  `${user!.padEnd(8)} ssh:notty    203.0.113.192    Fri Dec  4 ${at} - ${at}  (00:00)\n`;

describe('lastb and the record files', () => {
  it('lists the password spray from btmp, newest first: invalid users twice (lookup and password)', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('lastb')).toEqual({
      stdout: spray.map(row).join('') + '\nbtmp begins Fri Dec  4 11:21:59 2026\n', stderr: '', exitCode: 0,
    });
    expect((await s.exec('last -f /var/log/btmp -n 2')).stdout).toBe(
      'test     ssh:notty    203.0.113.192    Fri Dec  4 11:27    gone - no logout\n' + row(spray[1]!) +
      '\nbtmp begins Fri Dec  4 11:21:59 2026\n');
  });

  it('sizes wtmp, btmp and utmp at 384 bytes a record, root:utmp, changed at their last record', async () => {
    const s = await flagshipRootShell();
    expect((await s.exec('ls -l /var/log/wtmp /var/log/btmp /run/utmp')).stdout).toBe(
      '-rw-rw-r-- 1 root utmp 1920 Dec  4 13:24 /run/utmp\n' +
      `-rw-rw---- 1 root utmp ${spray.length * 384} Dec  4 11:27 /var/log/btmp\n` +
      `-rw-rw-r-- 1 root utmp ${7 * 384} Dec  4 13:24 /var/log/wtmp\n`);
  });

  it('refuses btmp to the trainee', async () => {
    const loaded = loadScenario(readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8'), { seed: 7 });
    if (!loaded.ok) throw new Error('the flagship does not load');
    const s = createLabSession({ scenario: loaded.scenario });
    expect(await s.exec('lastb')).toEqual(
      { stdout: '', stderr: 'lastb: cannot open /var/log/btmp: Permission denied\n', exitCode: 1 });
  });
});

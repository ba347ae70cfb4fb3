import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

describe('pstree -s shows the ancestors of a pid, -g the process groups', () => {
  it('prints the one branch from systemd down to the shell and its children', async () => {
    const s = await flagshipRootShell();
    const pid = (await s.exec('echo $$')).stdout.trim();
    expect(await s.exec(`pstree -s ${pid}`)).toEqual({ stdout:
      'systemd───sshd───sshd───sshd───bash───sudo───sudo───bash───pstree\n', stderr: '', exitCode: 0 });
    expect(await s.exec(`pstree -sa ${pid}`)).toEqual({ stdout: ['systemd', '  └─sshd', '      └─sshd',
      '          └─sshd', '              └─bash', '                  └─sudo -i', '                      └─sudo -i',
      '                          └─bash', `                              └─pstree -sa ${pid}`, ''].join('\n'),
    stderr: '', exitCode: 0 });
    const ps = (await s.exec(`ps -o pgid= -p ${pid}`)).stdout.trim();
    expect(await s.exec(`pstree -pg ${pid}`)).toEqual({
      stdout: `bash(${pid},${ps})───pstree(${Number(pid) + 4},${Number(pid) + 4})\n`, stderr: '', exitCode: 0 });
  });

  it('says which options are not simulated, without the usage', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('pstree -S')).toEqual({ stdout: '', stderr: 'pstree: option -S is not simulated in this lab\n', exitCode: 1 });
  });
});

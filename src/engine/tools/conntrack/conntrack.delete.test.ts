import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

const SSH = 'tcp      6 431999 ESTABLISHED src=192.0.2.10 dst=10.10.0.5 sport=54513 dport=22 ' +
  'src=10.10.0.5 dst=192.0.2.10 sport=22 dport=54513 [ASSURED] mark=0 use=1\n';

describe('conntrack -D and -F change the table as conntrack 1.4.8 does', () => {
  it('-D prints the entries it deleted and their count; -L no longer lists them', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('conntrack -C')).toEqual({ stdout: '5\n', stderr: '', exitCode: 0 });
    expect(await s.exec('conntrack -D -p tcp --dport 22')).toEqual({
      stdout: SSH, stderr: 'conntrack v1.4.8 (conntrack-tools): 1 flow entries have been deleted.\n', exitCode: 0,
    });
    expect(await s.exec('conntrack -L --dport 22')).toEqual({
      stdout: '', stderr: 'conntrack v1.4.8 (conntrack-tools): 0 flow entries have been shown.\n', exitCode: 0,
    });
    expect(await s.exec('conntrack -C')).toEqual({ stdout: '4\n', stderr: '', exitCode: 0 });
    expect((await s.exec('ss -tn state established | grep -c :22')).stdout).toBe('1\n');
  });

  it('-F empties the table', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('conntrack -F')).toEqual({
      stdout: '', stderr: 'conntrack v1.4.8 (conntrack-tools): connection tracking table has been emptied.\n', exitCode: 0,
    });
    expect(await s.exec('conntrack -C')).toEqual({ stdout: '0\n', stderr: '', exitCode: 0 });
  });
});

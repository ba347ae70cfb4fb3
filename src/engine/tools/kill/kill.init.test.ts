import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

describe('signals init and kernel threads do not take', () => {
  it('kill -9 1 and kill -9 2 print nothing, exit 0 and change nothing', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('kill -9 1; echo $?; kill -STOP 2 3; echo $?')).toEqual({
      stdout: '0\n0\n', stderr: '', exitCode: 0,
    });
    expect((await s.exec('ps -p 1,2,3 -o pid,stat,cmd')).stdout).toBe(
      '  PID STAT CMD\n    1 Ss   /sbin/init\n    2 S    [kthreadd]\n    3 I<   [rcu_gp]\n',
    );
    expect((await s.exec('pstree | head -1')).stdout).toBe('systemd─┬─agetty\n');
    expect((await s.exec("ss -tlnpH 'sport = :22' | grep -c sshd")).stdout).toBe('2\n');
  });

  it('pkill and killall matching them succeed without effect', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('pkill -9 -x systemd; echo $?; killall -9 kthreadd; echo $?')).toEqual({
      stdout: '0\n0\n', stderr: '', exitCode: 0,
    });
    expect((await s.exec('pgrep -x kthreadd; ps -p 1 -o comm=')).stdout).toBe('2\nsystemd\n');
  });
});

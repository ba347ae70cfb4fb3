import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../shell/testkit';

const sent = async (s: Awaited<ReturnType<typeof flagshipRootShell>>, pid: string): Promise<number> => {
  const out = (await s.exec(`ss -tinpH | grep -A1 'pid=${pid},fd=3' | grep -o 'bytes_sent:[0-9]*'`)).stdout;
  return Number(out.trim().split(':')[1]);
};

describe('SIGSTOP and SIGCONT', () => {
  it('stop nc: STAT T, State T (stopped), no bytes move until SIGCONT', async () => {
    const s = await flagshipRootShell();
    const nc = (await s.exec('pgrep -x nc')).stdout.trim();
    const before = await sent(s, nc);
    expect(await s.exec(`kill -STOP ${nc}; sleep 5; ps -o stat= -p ${nc}; grep State /proc/${nc}/status`))
      .toEqual({ stdout: 'T\nState:\tT (stopped)\n', stderr: '', exitCode: 0 });
    const stopped = await sent(s, nc);
    await s.exec('sleep 5');
    expect(await sent(s, nc)).toBe(stopped);
    expect(stopped - before).toBeLessThan(700_000);
    expect((await s.exec(`kill -CONT ${nc}; sleep 5; ps -o stat= -p ${nc}`)).stdout).toBe('S\n');
    expect(await sent(s, nc)).toBeGreaterThan(stopped + 2_000_000);
  });

  it('a stopped process keeps a SIGTERM pending until SIGCONT; SIGKILL ends it at once', async () => {
    const s = await flagshipRootShell();
    const [tar, nc] = (await s.exec('pgrep -x tar; pgrep -x nc')).stdout.trim().split('\n');
    expect((await s.exec(`kill -TSTP ${tar}; kill ${tar}; sleep 1; ps -o stat= -p ${tar}`)).stdout).toBe('T\n');
    expect((await s.exec(`kill -CONT ${tar}; ps -o stat= -p ${tar}; echo $?`)).stdout).toBe('1\n');
    expect((await s.exec(`kill -STOP ${nc}; kill -9 ${nc}; ps -o stat= -p ${nc}; echo $?`)).stdout).toBe('1\n');
  });
});

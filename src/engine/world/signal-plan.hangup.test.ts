import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../shell/testkit';

describe('SIGHUP to an interactive shell', () => {
  it('bash -i resends SIGHUP to its jobs: tar and nc end with it, and the upload socket goes', async () => {
    const s = await flagshipRootShell();
    const shell = (await s.exec("pgrep -fx 'bash -i'")).stdout.trim();
    const jobs = (await s.exec('pgrep -x tar; pgrep -x nc')).stdout.trim().replace('\n', ',');
    expect((await s.exec(`ps -o ppid= -o comm= -p ${jobs}`)).stdout).toBe(`${shell} tar\n${shell} nc\n`);
    expect(await s.exec(`kill -HUP ${shell}; ps -o comm= -p ${shell},${jobs}; echo $?; ss -tnpH | grep -c '"nc"'`))
      .toEqual({ stdout: '1\n0\n', stderr: '', exitCode: 1 });
  });

  it('SIGTERM, which an interactive bash ignores, leaves the jobs running', async () => {
    const s = await flagshipRootShell();
    const shell = (await s.exec("pgrep -fx 'bash -i'")).stdout.trim();
    expect((await s.exec(`kill ${shell}; sleep 1; pgrep -x 'tar|nc' | wc -l`)).stdout).toBe('2\n');
  });
});

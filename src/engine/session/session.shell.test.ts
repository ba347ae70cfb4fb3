import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

describe('lab session shell', () => {
  it('keeps cwd and environment from one command line to the next', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(s.prompt()).toBe('deploy@web01:~$ ');
    await s.exec('cd /tmp; export MARK=kept');
    expect(s.prompt()).toBe('deploy@web01:/tmp$ ');
    const r = await s.exec('pwd; echo $MARK');
    expect(r).toEqual({ stdout: '/tmp\nkept\n', stderr: '', exitCode: 0 });
  });

  it('answers an unknown program as bash does', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('nmap -sS 10.0.0.1')).toEqual({ stdout: '', stderr: 'bash: nmap: command not found\n', exitCode: 127 });
  });

  it('reads the world through /etc and refuses writes outside home for a user', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const r = await s.exec('grep deploy /etc/passwd; echo x > /etc/evil');
    expect(r.stdout).toBe('deploy:x:1001:1001::/home/deploy:/bin/bash\n');
    expect(r.stderr).toBe('bash: /etc/evil: Permission denied\n');
    expect((await s.exec('echo note > ~/n.txt; cat ~/n.txt')).stdout).toBe('note\n');
  });

  it('sudo runs one command as root, sudo -i opens a root shell until exit', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect((await s.exec('sudo sh -c "echo ok > /etc/marker"; cat /etc/marker')).stdout).toBe('ok\n');
    await s.exec('sudo -i');
    expect(s.prompt()).toBe('root@web01:~# ');
    await s.exec('exit');
    expect(s.prompt()).toBe('deploy@web01:~$ ');
  });

  it('ends a runaway loop with a message and keeps working', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const r = await s.exec('while true; do :; done');
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toBe('bash: too many commands executed (>100000) (the lab stops runaway commands)\n');
    expect((await s.exec('echo alive')).stdout).toBe('alive\n');
  });

  it('runs a loop of twenty thousand commands to its end', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('for i in {1..20000}; do :; done; echo $i')).toEqual({ stdout: '20000\n', stderr: '', exitCode: 0 });
  });

  it('sleeps on the simulated clock', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const t0 = s.clock.now();
    await s.exec('sleep 90');
    expect(s.clock.now() - t0).toBe(90_000);
  });

  it('lists history as bash does and restores it from the log', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('cd /var');
    await s.exec('echo one > /tmp/one');
    const saved = s.log();
    const restored = createLabSession({ scenario: web01Scenario(), restore: saved });
    expect((await restored.exec('history')).stdout).toBe('    1  cd /var\n    2  echo one > /tmp/one\n    3  history\n');
    expect((await restored.exec('cat /tmp/one')).stdout).toBe('one\n');
  });
});

describe('the filesystem as a view of the world', () => {
  it('shows a process fd table with ls -l, as in the capture (not a terminal: no quotes)', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const r = await s.exec('ls -l /proc/22713/fd | cat');
    expect(r.stdout).toBe([
      'total 0',
      'lrwx------ 1 deploy deploy 64 Dec  4 13:28 0 -> socket:[47830]',
      'lrwx------ 1 deploy deploy 64 Dec  4 13:28 1 -> socket:[47830]',
      'lrwx------ 1 deploy deploy 64 Dec  4 13:28 2 -> socket:[47830]',
      'lrwx------ 1 deploy deploy 64 Dec  4 13:28 255 -> /dev/tty',
      '',
    ].join('\n'));
  });

  it('lists a link named on the command line as a link with -l, and reads pipe ends by their mode', async () => {
    const s = createLabSession({
      scenario: web01Scenario((w) => {
        const nc = w.processes.find((p) => p.pid === 22719)!;
        nc.fds = [{ fd: 0, kind: 'pipe', target: 47970, mode: 'r' }, ...nc.fds];
      }),
    });
    await s.exec('sudo -i');
    expect((await s.exec('ls -l /proc/22713/cwd')).stdout).toBe('lrwxrwxrwx 1 deploy deploy 0 Dec  4 13:28 /proc/22713/cwd -> /home/deploy\n');
    expect((await s.exec('ls -l /proc/22719/fd')).stdout).toBe([
      'total 0',
      "lr-x------ 1 root root 64 Dec  4 13:28 0 -> 'pipe:[47970]'",
      "lrwx------ 1 root root 64 Dec  4 13:28 3 -> 'socket:[47975]'",
      '',
    ].join('\n'));
  });

  it('reads cmdline, exe and environ through the shell', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect((await s.exec("tr '\\0' ' ' < /proc/22713/cmdline; echo")).stdout).toBe('bash -i \n');
    expect((await s.exec('readlink /proc/22713/exe')).stdout).toBe('/usr/bin/bash\n');
    expect((await s.exec("tr '\\0' '\\n' < /proc/22713/environ | head -2")).stdout).toBe('SHELL=/bin/bash\nPWD=/home/deploy\n');
  });

  it("keeps another user's fd table private", async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const r = await s.exec('ls /proc/22570/fd');
    expect(r).toEqual({ stdout: '', stderr: "ls: cannot open directory '/proc/22570/fd': Permission denied\n", exitCode: 2 });
    expect((await s.exec('sudo ls /proc/22570/fd')).stdout).toBe('4\n5\n');
  });
});

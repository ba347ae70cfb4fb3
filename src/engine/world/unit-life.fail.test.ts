import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../shell/testkit';

describe('systemd after the trainee kills or stops a service', () => {
  it('SIGKILL to nginx master fails the unit: workers killed, ports closed, journal says so', async () => {
    const s = await flagshipRootShell();
    const master = (await s.exec('systemctl show -p MainPID --value nginx')).stdout.trim();
    const workers = (await s.exec(`pgrep -x nginx | grep -vx ${master}`)).stdout.trim().split('\n');
    await s.exec(`kill -9 ${master}; sleep 3`);
    expect(await s.exec("pgrep -c nginx; ss -tlnH 'sport = :80'; systemctl is-active nginx"))
      .toEqual({ stdout: '0\nfailed\n', stderr: '', exitCode: 3 });
    const status = (await s.exec('systemctl status nginx | sed -n 3p')).stdout;
    expect(status).toMatch(/^ {5}Active: failed \(Result: signal\) since .* 13:\d\d:\d\d UTC; 3s ago\n$/);
    const journal = (await s.exec('journalctl -u nginx -n 4 -o cat')).stdout;
    expect(journal).toBe('nginx.service: Main process exited, code=killed, status=9/KILL\n'
      + workers.map((w) => `nginx.service: Killing process ${w} (nginx) with signal SIGKILL.\n`).join('')
      + "nginx.service: Failed with result 'signal'.\n");
  });

  it('systemctl stop: inactive (dead) since the stop', async () => {
    const s = await flagshipRootShell();
    const at = (await s.exec("systemctl stop cron; date '+%a %Y-%m-%d %H:%M:%S UTC'; sleep 2")).stdout.trim();
    expect((await s.exec('systemctl status cron | sed -n 3p')).stdout)
      .toBe(`     Active: inactive (dead) since ${at}; 2s ago\n`);
  });
});

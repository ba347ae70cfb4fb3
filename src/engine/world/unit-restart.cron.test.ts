import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../shell/testkit';

const DESC = 'Regular background program processing daemon';

describe('systemd restarts cron after its main process is killed', () => {
  it('a new main pid 100 ms later: journal, status, ps and the next runs agree', async () => {
    const s = await flagshipRootShell();
    const old = Number((await s.exec('pgrep -xo cron')).stdout);
    const at = (await s.exec("date '+%a %Y-%m-%d %H:%M:%S UTC'")).stdout.trim();
    const before = Number((await s.exec('cut -d" " -f5 /proc/loadavg | cut -d/ -f2')).stdout);
    await s.exec(`kill -9 ${old}; sleep 64`);
    const pid = Number((await s.exec('systemctl show -p MainPID --value cron')).stdout);
    expect(pid).toBeGreaterThan(Math.max(old, before));
    expect(await s.exec(`journalctl -u cron -o cat --since '${at.slice(4, 23)}' | grep -v '^pam_unix\\|CMD'`))
      .toEqual({ exitCode: 0, stderr: '', stdout: [
        'cron.service: Main process exited, code=killed, status=9/KILL',
        "cron.service: Failed with result 'signal'.",
        'cron.service: Scheduled restart job, restart counter is at 1.',
        `Stopped cron.service - ${DESC}.`,
        `Started cron.service - ${DESC}.`,
        '(CRON) INFO (pidfile fd = 3)',
        '(CRON) INFO (Skipping @reboot jobs -- not system startup)', ''].join('\n') });
    // The beacon's check-in a minute after the restart is the new cron's child.
    const child = (await s.exec(`ps -o ppid= -o cmd= --ppid ${pid}`)).stdout;
    expect(child).toBe(`${pid} /usr/sbin/CRON -f -P\n`);
    await s.exec('sleep 10');
    expect((await s.exec('systemctl status cron | head -9')).stdout).toBe([
      `● cron.service - ${DESC}`,
      '     Loaded: loaded (/usr/lib/systemd/system/cron.service; enabled; preset: enabled)',
      `     Active: active (running) since ${at}; 1min 13s ago`,
      `   Main PID: ${pid} (cron)`,
      '      Tasks: 1 (limit: 4693)',
      '     Memory: 2.6M (peak: 2.6M)',
      '        CPU: 4ms',
      '     CGroup: /system.slice/cron.service',
      `             └─${pid} /usr/sbin/cron -f -P`, ''].join('\n'));
    expect(await s.exec('systemctl is-active cron; ps -o pid,ppid,cmd -p $(pgrep -xo cron)')).toEqual({
      exitCode: 0, stderr: '',
      stdout: `active\n  PID  PPID CMD\n${pid}     1 /usr/sbin/cron -f -P\n` });
    // The restarted cron can be killed again: restart counter 2, a larger pid.
    await s.exec(`kill -9 ${pid}; sleep 1`);
    const next = Number((await s.exec('systemctl show -p MainPID --value cron')).stdout);
    expect(next).toBeGreaterThan(pid);
    expect((await s.exec('journalctl -u cron -o cat -g restart | tail -1')).stdout)
      .toBe('cron.service: Scheduled restart job, restart counter is at 2.\n');
  });

  it('between the kill and the restart the unit is activating (auto-restart)', async () => {
    const s = await flagshipRootShell();
    const old = (await s.exec('pgrep -xo cron')).stdout.trim();
    const since = 'Wed 2026-11-25 13:29:01 UTC';
    expect(await s.exec(`kill -9 ${old}; systemctl is-active cron; systemctl status cron | head -5`)).toEqual({
      exitCode: 0, stderr: '', stdout: ['activating',
        `● cron.service - ${DESC}`,
        '     Loaded: loaded (/usr/lib/systemd/system/cron.service; enabled; preset: enabled)',
        `     Active: activating (auto-restart) (Result: signal) since ${since}; 1 week 1 day ago`,
        `   Main PID: ${old} (code=killed, signal=KILL)`,
        '        CPU: 9.71s', ''].join('\n') });
  });

  it('a sixth start within 10 s hits the start limit: failed, no cron, no more runs', async () => {
    const s = await flagshipRootShell();
    const killed = (await s.exec('for i in 1 2 3 4 5 6; do p=$(systemctl show -p MainPID --value cron); '
      + 'echo $p; kill -9 $p; sleep 1; done')).stdout.trim().split('\n');
    const last = (await s.exec("journalctl -u cron -o cat -g 'Main process' | wc -l")).stdout;
    expect(last).toBe('6\n');
    const runs = (await s.exec('grep -c CMD /var/log/syslog')).stdout;
    expect(await s.exec('sleep 120; grep -c CMD /var/log/syslog; pgrep -x cron; systemctl is-failed cron'))
      .toEqual({ exitCode: 0, stderr: '', stdout: `${runs}failed\n` });
    expect((await s.exec('journalctl -u cron -o cat | tail -5')).stdout).toBe([
      'cron.service: Scheduled restart job, restart counter is at 6.',
      `Stopped cron.service - ${DESC}.`,
      'cron.service: Start request repeated too quickly.',
      "cron.service: Failed with result 'start-limit-hit'.",
      `Failed to start cron.service - ${DESC}.`, ''].join('\n'));
    const status = (await s.exec('systemctl status cron | head -6')).stdout.split('\n');
    expect(status[0]).toBe(`× cron.service - ${DESC}`);
    expect(status[2]).toMatch(/^ {5}Active: failed \(Result: start-limit-hit\) since .* UTC; 2min 0s ago$/);
    expect(status.slice(3)).toEqual(['   Duration: 899ms',
      `   Main PID: ${killed[5]} (code=killed, signal=KILL)`,
      '        CPU: 4ms', '']);
  });
});

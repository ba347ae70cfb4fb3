import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../shell/testkit';

describe('systemctl status of a unit whose main process was killed', () => {
  it('failed: Duration of its run, Main PID with the signal, the CPU its cgroup used', async () => {
    const s = await flagshipRootShell();
    const master = (await s.exec('systemctl show -p MainPID --value nginx')).stdout.trim();
    const cpu = (await s.exec("systemctl status nginx | grep '  CPU:'")).stdout;
    const since = (await s.exec("systemctl status nginx | sed -n 3p | sed 's/.*since //; s/;.*//'")).stdout.trim();
    const killedAt = (await s.exec("date '+%a %Y-%m-%d %H:%M:%S UTC'")).stdout.trim();
    await s.exec(`kill -9 ${master}; sleep 3`);
    const run = (Date.parse(killedAt.slice(4, 23).replace(' ', 'T') + 'Z') - Date.parse(
      since.slice(4, 23).replace(' ', 'T') + 'Z')) / 1000;
    expect(run).toBeGreaterThan(8 * 86_400);
    const left = run - 8 * 86_400;
    const span = `1w 1d ${Math.floor(left / 3600)}h ${Math.floor((left % 3600) / 60)}min ${left % 60}s`;
    expect((await s.exec('systemctl status nginx')).stdout.split('\n').slice(0, 7).join('\n')).toBe([
      '× nginx.service - A high performance web server and a reverse proxy server',
      '     Loaded: loaded (/usr/lib/systemd/system/nginx.service; enabled; preset: enabled)',
      `     Active: failed (Result: signal) since ${killedAt}; 3s ago`,
      `   Duration: ${span}`,
      `   Main PID: ${master} (code=killed, signal=KILL)`,
      cpu.trimEnd(),
      '',
    ].join('\n'));
  });
});

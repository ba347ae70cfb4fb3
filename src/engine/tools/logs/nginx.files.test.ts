import { describe, expect, it } from 'vitest';
import { createLabSession } from '../../session/session';
import { flagship } from '../../session/forks.test-support';
import { web01Scenario } from '../../../../test/fixtures/web01-scenario';
import { nginxLog } from './nginx';

describe("nginx's logs under /var/log/nginx", () => {
  it('are www-data:adm 640, readable by the trainee (adm); the rotation starts the day at midnight', async () => {
    const s = createLabSession({ scenario: flagship() });
    const r = await s.exec("stat -c '%A %U %G %n' /var/log/nginx/*; " +
      'head -1 /var/log/nginx/access.log | cut -d[ -f2 | cut -c1-17; head -1 /var/log/nginx/error.log | cut -c1-28');
    expect(r).toEqual({ stdout: '-rw-r----- www-data adm /var/log/nginx/access.log\n' +
      '-rw-r----- www-data adm /var/log/nginx/access.log.1\n-rw-r----- www-data adm /var/log/nginx/error.log\n' +
      '04/Dec/2026:00:00\n2026/12/04 00:00:01 [notice]\n', stderr: '', exitCode: 0 });
  });

  it("a 404 in access.log is an open() error of a worker ps shows; clients are none of the scenario's", () => {
    const sc = flagship();
    const w = sc.worldAt(sc.now);
    const access = nginxLog(w, '/var/log/nginx/access.log')!.split('\n').filter(Boolean);
    const errors = nginxLog(w, '/var/log/nginx/error.log')!.split('\n').filter(Boolean);
    const workers = w.processes.filter((p) => p.comm === 'nginx' && p.uid !== 0).map((p) => p.pid);
    const misses = access.filter((l) => / 404 162 /.test(l));
    const opened = errors.filter((l) => l.includes(' [error] '));
    expect(opened.length).toBe(misses.length);
    expect(new Set(opened.map((l) => Number(/\] (\d+)#/.exec(l)![1])).filter((p) => !workers.includes(p))).size).toBe(0);
    const scenario = new Set([...w.sockets.map((x) => x.remote.addr), ...w.logins.map((l) => l.host)]);
    expect(access.filter((l) => scenario.has(l.split(' ')[0]!))).toEqual([]);
    expect(access.every((l) => /^\S+ - - \[04\/Dec\/2026:\d\d:\d\d:\d\d \+0000\] "GET \S+ HTTP\/1\.1" \d{3} \d+ "-" ".+"$/.test(l)))
      .toBe(true);
  });

  it('are not there on a host that does not run nginx', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('ls /var/log/nginx')).toEqual({ stdout: '',
      stderr: "ls: cannot access '/var/log/nginx': No such file or directory\n", exitCode: 2 });
  });
});

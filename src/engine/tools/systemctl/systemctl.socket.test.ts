import { describe, expect, it } from 'vitest';
import { systemctlTool } from './systemctl';
import { systemctlWorld } from './systemctl.fixture';
import type { HostState } from '../../world/types';

const run = (argv: string[], w: HostState = systemctlWorld()) => systemctlTool.run({
  argv, stdin: '', world: w, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 30000,
});

describe('socket-activated ssh', () => {
  it('ssh.socket is listening on what systemd holds for ssh, and triggers ssh.service', () => {
    expect(run(['systemctl', 'status', 'ssh.socket'])).toEqual({ stderr: '', exitCode: 0, stdout: `\
● ssh.socket - OpenBSD Secure Shell server socket
     Loaded: loaded (/usr/lib/systemd/system/ssh.socket; enabled; preset: enabled)
     Active: active (listening) since Fri 2026-12-04 13:11:50 UTC; 17min ago
   Triggers: ● ssh.service
     Listen: 0.0.0.0:22 (Stream)
             [::]:22 (Stream)
      Tasks: 0 (limit: 4693)
     Memory: 8.0K
        CPU: 1ms
     CGroup: /system.slice/ssh.socket
` });
  });

  it('ssh.service names its socket; Ubuntu 24.04 prints the memory peak of the socket too', () => {
    expect(run(['systemctl', 'status', 'ssh']).stdout.split('\n')[3]).toBe('TriggeredBy: ● ssh.socket');
    const w = systemctlWorld();
    w.host = { ...w.host, distro: 'ubuntu-24.04' };
    expect(run(['systemctl', 'status', 'ssh.socket'], w).stdout.split('\n')[7]).toBe('     Memory: 8.0K (peak: 256.0K)');
    expect(run(['systemctl', 'list-units', '--type=socket,service', '--no-legend']).stdout).toBe(`\
  ssh.service loaded active running   OpenBSD Secure Shell server
  ssh.socket  loaded active listening OpenBSD Secure Shell server socket
`);
  });

  it('a service without a socket unit has no TriggeredBy line', () => {
    const w = systemctlWorld();
    w.units = w.units.filter((u) => u.name !== 'ssh.socket');
    expect(run(['systemctl', 'status', 'ssh'], w).stdout).not.toContain('TriggeredBy');
  });
});

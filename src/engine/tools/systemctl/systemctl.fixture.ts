/**
 * The captured host (web01) with what systemctl's tests need: ssh started
 * by its socket (pid 1 holds :22 at fds 78 and 79), logind's session lines
 * for both of deploy's logins, the first logged out while its detached
 * tar and nc (which carry its XDG_SESSION_ID) still run.
 */
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState, LogEntry, Process } from '../../world/types';

export const at = (hms: string): number => Date.parse(`2026-12-04T${hms}Z`);

const PID1: Process = {
  pid: 1, ppid: 0, uid: 0, gid: 0, comm: 'systemd', argv: ['/sbin/init'], exe: '/usr/lib/systemd/systemd',
  cwd: '/', env: [], tty: null, stat: 'Ss', startTime: at('13:10:00'), vsz: 22_000, rss: 13_000,
  cpuSeconds: 95.37, unit: 'init.scope',
  fds: [{ fd: 78, kind: 'socket', target: 46622, mode: 'u' }, { fd: 79, kind: 'socket', target: 46621, mode: 'u' }],
};

export function systemctlWorld(): HostState {
  const w = web01();
  w.units = [
    { name: 'ssh.service', description: 'OpenBSD Secure Shell server', path: '/usr/lib/systemd/system/ssh.service', active: 'active', sub: 'running', enabled: 'disabled', mainPid: 22570, since: at('13:11:52') },
    { name: 'ssh.socket', description: 'OpenBSD Secure Shell server socket', path: '/usr/lib/systemd/system/ssh.socket', active: 'active', sub: 'listening', enabled: 'enabled', since: at('13:11:50') },
  ];
  const session = (id: string): [string, string][] => [['USER', 'deploy'], ['XDG_SESSION_ID', id]];
  w.processes = [PID1, ...w.processes.map((p) => {
    if (p.pid === 22570) return { ...p, cpuSeconds: 3.88 };
    return p.pid === 22718 || p.pid === 22719 ? { ...p, env: session('4') } : p;
  })];
  const logind = (time: number, message: string): LogEntry =>
    ({ time, ident: 'systemd-logind', pid: 452, facility: 'auth', unit: 'systemd-logind.service', message });
  const logs: LogEntry[] = [
    logind(at('13:18:40') + 38, 'New session 4 of user deploy.'),
    { time: at('13:18:40') + 193, ident: 'systemd', pid: 1, facility: 'daemon', message: 'Started session-4.scope - Session 4 of User deploy.' },
    logind(at('13:28:30') + 9, 'Session 4 logged out. Waiting for processes to exit.'),
    logind(at('13:28:35') + 38, 'New session 5 of user deploy.'),
  ];
  w.logs = (from, to) => logs.filter((e) => e.time >= from && e.time <= to);
  return w;
}

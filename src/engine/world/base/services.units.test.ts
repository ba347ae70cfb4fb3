/**
 * The flagship (Ubuntu 24.04): ssh is socket-activated, so the units
 * agree with pid 1 holding :22, and every daemon has used the CPU time an
 * idle server's daemons use in nine days, which ps, /proc and systemctl
 * read alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';
import { systemctlTool } from '../../tools/systemctl/systemctl';
import { psTool } from '../../tools/ps/ps';
import { daemonCpuSeconds } from './cpu-time';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe('base host: service units and CPU time', () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const world = r.scenario.worldAt(r.scenario.now);
  const ctx = (argv: string[]) => ({
    argv, stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map<string, string>(), shellPid: 1,
  });

  it('has ssh.socket listening and ssh.service disabled, as Ubuntu 24.04 ships them', () => {
    const units = world.units.filter((u) => u.name.startsWith('ssh.'))
      .map((u) => [u.name, u.active, u.sub, u.enabled]);
    expect(units).toEqual([
      ['ssh.service', 'active', 'running', 'disabled'], ['ssh.socket', 'active', 'listening', 'enabled'],
    ]);
  });

  it('gives sshd the CPU time ps shows in TIME and systemctl in CPU', () => {
    const sshd = world.processes.find((p) => p.unit === 'ssh.service' && p.ppid === 1);
    if (!sshd) throw new Error('no sshd listener');
    expect(sshd.cpuSeconds).toBe(daemonCpuSeconds('sshd', sshd.startTime, world.now));
    expect(sshd.cpuSeconds).toBeCloseTo(3.88, 2);
    expect(psTool.run(ctx(['ps', '-o', 'time=', '-p', String(sshd.pid)])).stdout).toBe('00:00:03\n');
    const status = systemctlTool.run(ctx(['systemctl', 'status', 'ssh'])).stdout.split('\n');
    expect(status.find((l) => l.includes('CPU:'))).toBe('        CPU: 3.88s');
  });

  it('daemonCpuSeconds grows with uptime at the program\'s rate and never runs backwards', () => {
    const day = 86_400_000;
    expect(daemonCpuSeconds('systemd', 0, 9 * day)).toBe(90.72);
    expect(daemonCpuSeconds('unknown-daemon', 0, day)).toBe(0.24);
    expect(daemonCpuSeconds('sshd', day, 0)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState, Process } from '../../world/types';
import { ufwTool } from './ufw';

const PROMPT = 'Command may disrupt existing ssh connections. Proceed with operation (y|n)? ';

/** web01 with ufw off and the caller (pid 30) a child of bash under sshd, or not. */
function world(viaSsh: boolean): HostState {
  const w = web01();
  const proto = w.processes[0]!;
  const proc = (pid: number, ppid: number, comm: string): Process => ({ ...proto, pid, ppid, comm });
  return {
    ...w,
    firewall: { ...w.firewall, ufw: { ...w.firewall.ufw!, enabled: false } },
    processes: [proc(10, 1, viaSsh ? 'sshd' : 'agetty'), proc(20, 10, 'bash'), proc(30, 20, 'ufw')],
    self: 30,
  };
}

function ufw(w: HostState, argv: string[], stdin = '') {
  return ufwTool.run({ argv: ['ufw', ...argv], stdin, world: w, uid: 0, user: 'root', cwd: '/root',
    env: new Map(), shellPid: 20 });
}

describe('ufw enable over ssh', () => {
  it('asks, and with no answer aborts without a change', () => {
    expect(ufw(world(true), ['enable'])).toEqual({
      stdout: `${PROMPT}Aborted\n`, stderr: '', exitCode: 0, events: undefined,
    });
    expect(ufw(world(true), ['enable'], 'n\n').stdout).toBe(`${PROMPT}Aborted\n`);
  });

  it('goes on for y or yes, and asks nothing with --force or off ssh', () => {
    const yes = ufw(world(true), ['enable'], 'YES\n');
    expect(yes.stdout).toBe(`${PROMPT}Firewall is active and enabled on system startup\n`);
    expect(yes.events?.map((e) => e.type)).toEqual(['ufw']);
    expect(ufw(world(true), ['--force', 'enable']).stdout)
      .toBe('Firewall is active and enabled on system startup\n');
    expect(ufw(world(false), ['enable']).stdout).toBe('Firewall is active and enabled on system startup\n');
  });
});

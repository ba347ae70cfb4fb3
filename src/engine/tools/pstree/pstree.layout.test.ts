import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { pstreeTool } from './pstree';
import type { HostState } from '../../world/types';
import type { ToolContext } from '../types';

const run = (argv: string[], env: [string, string][] = [], w: HostState = web01()) => {
  const ctx: ToolContext = { argv, stdin: '', world: w, uid: 0, user: 'root', cwd: '/', env: new Map(env), shellPid: 1 };
  return pstreeTool.run(ctx);
};

describe('pstree layouts', () => {
  it('compact form with pids', () => {
    expect(run(['pstree', '-p', '22570']).stdout).toBe(
      'sshd(22570)-+-sshd(22704)---sshd(22708)\n' +
      '            `-sshd(22705)---sshd(22709)---bash(22710)-+-bash(22711)---bash(22713)\n' +
      '                                                      `-sleep(22712)\n');
  });

  it('merges identical leaves without -p, UTF-8 art by locale, -u marks uid changes', () => {
    const w = web01();
    const base = w.processes.find((p) => p.pid === 22712);
    if (base) w.processes.push({ ...base, pid: 22714 }, { ...base, pid: 22715 });
    expect(run(['pstree', '22710'], [], w).stdout).toBe('bash-+-bash---bash\n     `-3*[sleep]\n');
    expect(run(['pstree', '22710'], [['LANG', 'C.UTF-8']], w).stdout).toBe('bash─┬─bash───bash\n     └─3*[sleep]\n');
    expect(run(['pstree', '-u', '22704']).stdout).toBe('sshd---sshd(deploy)\n');
  });

  it('missing pid and bad options', () => {
    expect(run(['pstree', '99999'])).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run(['pstree', '-Q']).stderr.split('\n')[0]).toBe("pstree: invalid option -- 'Q'");
  });
});

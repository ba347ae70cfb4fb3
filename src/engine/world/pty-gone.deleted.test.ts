import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { procPidEntry } from '../tools/procfs/pid';
import { compiledOnce } from './behaviours/flagship.fixture';
import type { HostState } from './types';

const links = (w: HostState, pid: number) => {
  const dir = procPidEntry(w, pid, 'fd');
  if (dir?.kind !== 'dir') throw new Error(`no /proc/${pid}/fd`);
  return dir.entries.map((e) => [e.name, e.target]);
};

describe('a pty whose session ended: the fds left on it read as deleted', () => {
  const c = compiledOnce(flagship);
  const login = c.byId('attacker-login', 'ssh-login');
  const rs = c.byId('revshell', 'reverse-shell');
  const tty = `/dev/${login.tty}`;

  it('shows /dev/pts/N while the login is open, "/dev/pts/N (deleted)" once its sshd is gone', () => {
    expect(links(c.at(login.until! - 1_000), rs.pids[0]!)).toEqual([['0', tty], ['1', tty], ['2', tty]]);
    const gone = `${tty} (deleted)`;
    expect(links(c.at(login.until! + 1_000), rs.pids[0]!)).toEqual([['0', gone], ['1', gone], ['2', gone]]);
    expect(procPidEntry(c.at(c.base.now), rs.pids[1]!, 'fd/2')?.target).toBe(gone);
  });

  it('leaves the trainee\'s own terminal and the sockets as they are', () => {
    const w = c.at(c.base.now);
    const shell = w.processes.find((p) => p.pid === c.base.trainee.shellPid)!;
    expect(links(w, shell.pid).map(([, t]) => t)).toEqual(Array(4).fill(`/dev/${c.base.trainee.tty}`));
    expect(links(w, rs.pids[rs.shellIndex]!)).toEqual([
      ['0', `socket:[${rs.inode}]`], ['1', `socket:[${rs.inode}]`], ['2', `socket:[${rs.inode}]`], ['255', '/dev/tty'],
    ]);
  });
});

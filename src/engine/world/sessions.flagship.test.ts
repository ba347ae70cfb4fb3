import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';
import { procPidEntry } from '../tools/procfs/pid';
import { procSession } from './sessions';
import type { HostState } from './types';

const statHead = (w: HostState, pid: number): string => {
  const e = procPidEntry(w, pid, 'stat');
  return e?.kind === 'file' ? e.content.split(' ').slice(0, 8).join(' ') : '';
};

describe('sessions on the flagship: the attacker\'s login, its reverse shell and the upload', () => {
  const c = compiledOnce(flagship);
  const rs = c.byId('revshell', 'reverse-shell');
  const ex = c.byId('exfil', 'exfil');
  const [outer, inner, shell] = rs.pids as [number, number, number];
  const login = rs.sid!;

  it('while the attacker is logged in: bash -i is its own group and the terminal\'s foreground', () => {
    const w = c.at(rs.at + 60_000);
    const view = (pid: number) => procSession(w, w.processes.find((p) => p.pid === pid)!);
    expect(view(login)).toMatchObject({ pgid: login, sid: login, tpgid: shell, stat: 'Ss' });
    expect(view(outer)).toMatchObject({ pgid: outer, sid: login, tpgid: shell, stat: 'S' });
    expect(view(inner)).toMatchObject({ pgid: outer, sid: login, stat: 'S' });
    expect(view(shell)).toMatchObject({ pgid: shell, sid: login, stat: 'S+', ttyNr: 34817 });
    expect(statHead(w, shell)).toBe(`${shell} (bash) S ${inner} ${shell} ${login} 34817 ${shell}`);
  });

  it('after the logout: no terminal, no +; the upload is one group in the dead leader\'s session', () => {
    const w = c.at(c.base.now);
    expect(w.processes.some((p) => p.pid === login)).toBe(false);
    const mine = w.processes.filter((p) => p.origin === 'revshell' || p.origin === 'exfil');
    expect(mine.map((p) => [p.pid, p.tty, procSession(w, p).stat])).toEqual([
      [inner, null, 'S'], [shell, null, 'S'], [ex.pids[0], null, 'S'], [ex.pids[1], null, 'S'],
    ]);
    expect(statHead(w, shell)).toBe(`${shell} (bash) S ${inner} ${shell} ${login} 0 -1`);
    expect(statHead(w, ex.pids[1]!)).toBe(`${ex.pids[1]} (nc) S ${shell} ${ex.pids[0]} ${login} 0 -1`);
    const status = procPidEntry(w, shell, 'status');
    expect(status?.kind === 'file' && status.content.match(/^NS(pgid|sid):.*$/gm)).toEqual([
      `NSpgid:\t${shell}`, `NSsid:\t${login}`,
    ]);
  });

  it('tar and nc inherit the shell\'s socket as their stdio: tar 0 and 2, nc 1 and 2', () => {
    const w = c.at(c.base.now);
    const fds = (pid: number) => w.processes.find((p) => p.pid === pid)!.fds
      .map((f) => `${f.fd}:${f.kind}:${f.kind === 'socket' || f.kind === 'pipe' ? f.target : ''}`);
    expect(fds(ex.pids[0]!)).toEqual([`0:socket:${rs.inode}`, `1:pipe:${ex.pipe}`, `2:socket:${rs.inode}`, '3:file:']);
    expect(fds(ex.pids[1]!)).toEqual([`0:pipe:${ex.pipe}`, `1:socket:${rs.inode}`, `2:socket:${rs.inode}`,
      `3:socket:${ex.inode}`]);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { FdEntry, HostState } from '../types';
import { compiledOnce } from './flagship.fixture';

/** The flagship with its beacon a loop typed into `parent` instead of a crontab line. */
const loopFrom = (parent: string) => flagship.replace('    via: cron\n', `    via: loop\n    parent: ${parent}\n`);
const io = (w: HostState, pid: number) =>
  w.processes.find((p) => p.pid === pid)!.fds.filter((f) => f.fd <= 2).map((f: FdEntry) => [f.fd, f.kind, f.target]);

describe('a beacon loop inherits the fds of the shell it was started from', () => {
  it('from the reverse shell: stdin /dev/null (no job control), stdout and stderr the socket', () => {
    const c = compiledOnce(loopFrom('revshell'));
    const b = c.byId('beacon', 'beacon');
    const rs = c.byId('revshell', 'reverse-shell');
    const t = b.first + 5 * b.interval + 1_000;
    const w = c.at(t);
    const expected = [[0, 'chr', '/dev/null'], [1, 'socket', rs.inode], [2, 'socket', rs.inode]];
    expect(io(w, b.loopPid)).toEqual(expected);
    const child = w.processes.find((p) => p.ppid === b.loopPid)!;
    expect(io(w, child.pid)).toEqual(expected);
  });

  it('keeps the reverse shell\'s socket open after the shell is killed', () => {
    const c = compiledOnce(loopFrom('revshell'));
    const b = c.byId('beacon', 'beacon');
    const rs = c.byId('revshell', 'reverse-shell');
    const t = b.at + 10 * 60_000;
    const kill = [{ type: 'kill' as const, at: t, pid: rs.pids[rs.shellIndex]!, signal: 9 }];
    const w = c.at(t + 60_000, kill);
    expect(w.processes.some((p) => p.pid === rs.pids[rs.shellIndex])).toBe(false);
    expect(w.sockets.find((s) => s.inode === rs.inode)?.state).toBe('ESTABLISHED');
  });

  it('from an SSH login with a pty: all three on the terminal', () => {
    const c = compiledOnce(loopFrom('attacker-login').replace('at: -1h52m', 'at: -1h55m'));
    const b = c.byId('beacon', 'beacon');
    const login = c.byId('attacker-login', 'ssh-login');
    const tty = `/dev/${login.tty}`;
    expect(io(c.at(b.at + 1_000), b.loopPid)).toEqual([[0, 'chr', tty], [1, 'chr', tty], [2, 'chr', tty]]);
  });
});

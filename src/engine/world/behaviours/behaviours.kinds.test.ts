import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compileText } from './testkit';

/** The flagship's host with another timeline. */
const withTimeline = (timeline: string) =>
  flagship.slice(0, flagship.indexOf('\ntimeline:\n')) + `\ntimeline:\n${timeline}\nquestions: []\n`;

const text = withTimeline(`
  - id: fwd
    kind: ssh-remote-forward
    at: -30m
    user: ops
    from: 203.0.113.45
    listen_port: 8080
  - id: door
    kind: firewall-change
    at: -20m
    user: ops
    parent: fwd
    chain: INPUT
    op: insert
    rule: { protocol: tcp, dport: 31337, target: ACCEPT }
  - id: bind
    kind: listener
    at: -19m
    tool: socat
    port: 31337
    exec: /bin/bash
  - id: miner
    kind: process
    at: -15m
    exit: -5m
    user: ops
    argv: [/tmp/.x/kworkerd, -o, pool.example:3333]
  - id: job
    kind: cron-job
    at: -12m
    user: ops
    schedule: "*/5 * * * *"
    command: /tmp/.x/run.sh
  - id: note
    kind: log
    at: -3m
    lines:
      - { ident: kernel, facility: kern, message: "TCP: request_sock_TCP: Possible SYN flooding on port 31337." }
  - id: loop
    kind: beacon
    at: -10m
    user: ops
    via: loop
    to: 198.51.100.23:8443
`);

describe('the other behaviour kinds', () => {
  const c = compileText(text);
  const now = c.base.now;
  const w = c.at(now);

  it('compiles without issues', () => {
    expect(c.issues).toEqual([]);
  });

  it('ssh-remote-forward: sshd as the user listens on 127.0.0.1 and ::1, fds 9 and 7', () => {
    const f = c.byId('fwd', 'ssh-login');
    const listens = w.sockets.filter((s) => s.state === 'LISTEN' && s.local.port === 8080)
      .map((s) => [s.local.addr, s.uid, s.sendQ]);
    expect(listens).toEqual([['::1', f.uid, 128], ['127.0.0.1', f.uid, 128]]);
    const user = w.processes.find((p) => p.pid === f.pids.user)!;
    expect(user.title).toBe('sshd: ops');
    expect(user.fds.filter((x) => x.kind === 'socket').map((x) => x.fd)).toEqual([4, 7, 9]);
    expect(w.logins.some((l) => l.id === 'fwd')).toBe(false);
  });

  it('firewall-change: the rule is in INPUT from its time, with a sudo trace', () => {
    const input = (t: number) => c.at(t).firewall.tables.find((x) => x.name === 'filter')!
      .chains.find((x) => x.name === 'INPUT')!.rules[0]!;
    expect(input(now).dport).toBe(31337);
    expect(input(now - 21 * 60_000).dport).not.toBe(31337);
    const sudo = w.logs(now - 21 * 60_000, now).filter((l) => l.ident === 'sudo').map((l) => l.message);
    expect(sudo).toEqual([
      '     ops : TTY=unknown ; PWD=/home/ops ; USER=root ; COMMAND=/usr/sbin/iptables -I INPUT 1 -p tcp --dport 31337 -j ACCEPT',
      'pam_unix(sudo:session): session opened for user root(uid=0) by ops(uid=1000)',
      'pam_unix(sudo:session): session closed for user root',
    ]);
  });

  it('listener: the capture\'s socat bind shell', () => {
    const b = c.byId('bind', 'listener');
    const p = w.processes.find((x) => x.pid === b.pid)!;
    expect(p.argv).toEqual(['socat', 'TCP-LISTEN:31337,reuseaddr,fork', 'EXEC:/bin/bash']);
    expect(p.fds.at(-1)).toEqual({ fd: 5, kind: 'socket', target: b.inode, mode: 'u' });
    const s = w.sockets.find((x) => x.inode === b.inode)!;
    expect([s.state, s.local, s.sendQ]).toEqual(['LISTEN', { addr: '0.0.0.0', port: 31337 }, 5]);
  });

  it('process: runs between its start and its exit', () => {
    const m = c.byId('miner', 'process');
    expect(c.at(now - 10 * 60_000).processes.find((p) => p.pid === m.pid)?.comm).toBe('kworkerd');
    expect(w.processes.some((p) => p.pid === m.pid)).toBe(false);
  });

  it('cron-job: in the crontab from its time, a CMD line every five minutes', () => {
    expect(w.cron).toContainEqual({ source: { kind: 'user', user: 'ops' }, schedule: '*/5 * * * *',
      user: 'ops', command: '/tmp/.x/run.sh' });
    const cmds = w.logs(now - 12 * 60_000, now).filter((l) => l.message === '(ops) CMD (/tmp/.x/run.sh)');
    expect(cmds.map((l) => new Date(l.time).getUTCMinutes() % 5)).toEqual([0, 0]);
  });

  it('log: the lines at their time', () => {
    expect(w.logs(now - 4 * 60_000, now).filter((l) => l.ident === 'kernel').map((l) => l.facility)).toEqual(['kern']);
  });

  it('beacon via loop: one looping bash, killed -> no more check-ins', () => {
    const b = c.byId('loop', 'beacon');
    expect(w.processes.find((p) => p.pid === b.loopPid)?.argv[2]).toContain('while :; do curl');
    const kill = [{ type: 'kill' as const, at: now, pid: b.loopPid, signal: 15 }];
    const later = c.at(now + 3 * 60_000, kill);
    expect(later.processes.some((p) => p.origin === 'loop')).toBe(false);
    expect(later.sockets.some((s) => s.remote.port === 8443)).toBe(false);
  });
});

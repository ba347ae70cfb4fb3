import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

const text = flagship;

describe('ssh-login: sshd processes, socket, utmp and auth.log', () => {
  const c = compiledOnce(text);
  const b = c.byId('attacker-login', 'ssh-login');
  const during = b.at + 60_000;

  it('has the [priv] and the session sshd both holding the socket on fd 4', () => {
    const w = c.at(during);
    const [priv, user, shell] = [b.pids.priv, b.pids.user, b.pids.shell]
      .map((pid) => w.processes.find((p) => p.pid === pid)!);
    expect([priv!.title, priv!.uid, priv!.ppid]).toEqual([`sshd: ${b.user} [priv]`, 0, b.listenerPid]);
    expect([user!.title, user!.uid, user!.ppid]).toEqual([`sshd: ${b.user}@${b.tty}`, b.uid, b.pids.priv]);
    expect([shell!.argv, shell!.tty, shell!.ppid]).toEqual([['-bash'], b.tty, b.pids.user]);
    const holders = w.processes
      .flatMap((p) => p.fds.filter((f) => f.kind === 'socket' && f.target === b.inode).map((f) => [p.pid, f.fd]));
    expect(holders).toEqual([[b.pids.priv, 4], [b.pids.user, 4]]);
    const s = w.sockets.find((x) => x.inode === b.inode)!;
    expect([s.state, s.local.port, s.remote.addr, s.remote.port, s.timer?.kind])
      .toEqual(['ESTABLISHED', 22, b.from, b.fromPort, 'keepalive']);
  });

  it('writes a utmp record while open and a wtmp record with its logout after', () => {
    expect(c.at(during).logins.find((l) => l.id === b.id)).toEqual(
      { id: b.id, user: b.user, tty: b.tty, host: b.from, loginAt: b.at, pid: b.pids.priv });
    expect(c.at(c.base.now).logins.find((l) => l.id === b.id)?.logoutAt).toBe(b.until);
    // only the user's service manager is left: the detached shell keeps the session closing
    expect(c.at(c.base.now).processes.filter((p) => p.origin === b.id).map((p) => [p.pid, p.argv.join(' ')]))
      .toEqual([[b.manager.pid, '/usr/lib/systemd/systemd --user'], [b.manager.sdPam, '(sd-pam)']]);
  });

  it('logs the spray, the accepted login, the PAM and logind lines, then the logout', () => {
    const lines = c.at(c.base.now).logs(b.at - 7 * 60_000, b.until! + 1000)
      .filter((l) => l.ident === 'sshd' || l.ident === 'systemd-logind')
      .map((l) => l.message);
    expect(lines.filter((m) => m.startsWith('Failed password'))).toHaveLength(14);
    const at = lines.findIndex((m) => m.startsWith('Accepted'));
    expect(lines.slice(at, at + 3)).toEqual([
      `Accepted password for ${b.user} from ${b.from} port ${b.fromPort} ssh2`,
      `pam_unix(sshd:session): session opened for user ${b.user}(uid=${b.uid}) by (uid=0)`,
      `New session ${b.session} of user ${b.user}.`,
    ]);
    expect(lines.slice(-4)).toEqual([
      `Received disconnect from ${b.from} port ${b.fromPort}:11: disconnected by user`,
      `Disconnected from user ${b.user} ${b.from} port ${b.fromPort}`,
      `pam_unix(sshd:session): session closed for user ${b.user}`,
      `Session ${b.session} logged out. Waiting for processes to exit.`,
    ]);
  });

  it('keeps the session open in logind while the detached shell lives', () => {
    const removed = c.at(c.base.now).logs(c.base.historyStart, c.base.now + 1)
      .filter((l) => l.message === `Removed session ${b.session}.`);
    expect(removed).toEqual([]);
  });

  it('writes ~/.bash_history on logout', () => {
    const f = c.at(c.base.now).files.find((x) => x.path === `${b.home}/.bash_history`);
    expect(f?.content.split('\n')[0]).toBe('id');
    expect(c.at(during).files.some((x) => x.path === `${b.home}/.bash_history`)).toBe(false);
  });

  it('stops the user manager 10 s after a session without leftovers', () => {
    const ci = c.byId('ci-deploy-1', 'ssh-login');
    const mine = (t: number) => c.at(t).processes.filter((p) => p.origin === ci.id).map((p) => p.comm);
    expect(mine(ci.at + 5_000)).toEqual(['sshd', 'sshd', 'systemd', '(sd-pam)']);
    expect(mine(ci.until! + 5_000)).toEqual(['systemd', '(sd-pam)']);
    expect(mine(ci.until! + 11_000)).toEqual([]);
    const lines = c.at(c.base.now).logs(ci.until!, ci.until! + 11_000).map((l) => l.message);
    expect(lines).toContain(`Removed session ${ci.session}.`);
    expect(lines.at(-1)).toBe(`Removed slice user-${ci.uid}.slice - User Slice of UID ${ci.uid}.`);
  });

  it('uses a publickey fingerprint drawn from the seed for key logins', () => {
    const ci = c.byId('ci-deploy-1', 'ssh-login');
    const line = c.at(c.base.now).logs(ci.at, ci.at + 1).find((l) => l.message.startsWith('Accepted'));
    expect(line?.message).toMatch(new RegExp(`^Accepted publickey for ${ci.user} from 192\\.0\\.2\\.25 ` +
      `port ${ci.fromPort} ssh2: ED25519 SHA256:[A-Za-z0-9+/]{43}$`));
    expect(ci.tty).toBeNull();
  });
});

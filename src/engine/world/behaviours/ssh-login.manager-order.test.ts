import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

const text = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');

describe('pam_systemd starts the user manager before the session shell', () => {
  const c = compiledOnce(text);
  it('every pty login: systemd --user and (sd-pam) take lower pids than -bash', () => {
    const logins = c.timeline.filter((b) => b.kind === 'ssh-login' && b.pty);
    expect(logins.map((b) => b.id)).toEqual(['ops-morning', 'attacker-login']);
    for (const b of logins) {
      if (b.kind !== 'ssh-login') continue;
      expect([b.manager.pid, b.manager.sdPam, b.pids.shell]).toEqual(
        [b.pids.user + 1, b.pids.user + 2, b.pids.user + 3]);
    }
  });
  it("the trainee's login too", () => {
    const w = c.at(c.base.now);
    const mine = w.processes.filter((p) => p.uid === c.base.trainee.uid);
    const order = mine.sort((a, b) => a.pid - b.pid).map((p) => p.argv[0]);
    expect(order).toEqual(['sshd: analyst@pts/0', '/usr/lib/systemd/systemd', '(sd-pam)', '-bash']);
  });
});

import { describe, expect, it } from 'vitest';
import { flagship } from '../session/forks.test-support';
import { logindSession } from './logind-session';

describe("logind's session numbers", () => {
  it('grow with time across the timeline and the trainee, as the session scopes are named', () => {
    for (const seed of [7, 20261204]) {
      const s = flagship(seed);
      const w = s.worldAt(s.now);
      const opened = w.logs(0, s.now).flatMap((e) => {
        const m = /^New session (\d+) of user (\S+)\.$/.exec(e.message);
        return m ? [[Number(m[1]), m[2]] as const] : [];
      });
      const numbers = opened.map(([n]) => n);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      const [last, user] = opened.at(-1)!;
      expect(user).toBe('analyst');
      const shell = w.processes.find((p) => p.pid === s.trainee.shellPid)!;
      expect([shell.unit, shell.env.find(([k]) => k === 'XDG_SESSION_ID')?.[1]])
        .toEqual([`session-${last}.scope`, String(last)]);
    }
  });

  it("the trainee's first login starts the user manager, logged as every first login is", () => {
    const s = flagship();
    const w = s.worldAt(s.now);
    const manager = w.processes.find((p) => p.unit === `user@${s.trainee.uid}.service` && p.comm === 'systemd')!;
    const from = s.now - 5 * 60_000;
    const lines = w.logs(from, s.now).filter((e) => e.message.includes('analyst') || e.message.includes('1002'))
      .map((e) => `${e.ident}[${e.pid}]: ${e.message.replace(/SHA256:\S+/, 'FP').replace(/port \d+/, 'port P')}`);
    const priv = w.processes.find((p) => p.argv[0] === 'sshd: analyst [priv]')!.pid;
    const logind = w.processes.find((p) => p.comm === 'systemd-logind')!.pid;
    const n = /session-(\d+)/.exec(w.processes.find((p) => p.pid === s.trainee.shellPid)!.unit!)![1];
    expect(lines).toEqual([
      `sshd[${priv}]: Accepted publickey for analyst from 192.0.2.10 port P ssh2: ED25519 FP`,
      `sshd[${priv}]: pam_unix(sshd:session): session opened for user analyst(uid=1002) by (uid=0)`,
      `systemd-logind[${logind}]: New session ${n} of user analyst.`,
      'systemd[1]: Created slice user-1002.slice - User Slice of UID 1002.',
      'systemd[1]: Starting user-runtime-dir@1002.service - User Runtime Directory /run/user/1002...',
      'systemd[1]: Finished user-runtime-dir@1002.service - User Runtime Directory /run/user/1002.',
      'systemd[1]: Starting user@1002.service - User Manager for UID 1002...',
      `(systemd)[${manager.pid}]: pam_unix(systemd-user:session): session opened for user analyst(uid=1002) by analyst(uid=0)`,
      'systemd[1]: Started user@1002.service - User Manager for UID 1002.',
      `systemd[1]: Started session-${n}.scope - Session ${n} of User analyst.`,
    ]);
  });

  it('count the unseen logins since boot, one every half hour, plus the scenario\'s earlier ones', () => {
    expect([logindSession(0, 0, 0), logindSession(0, 1_799_999, 2), logindSession(0, 3_600_000, 2)])
      .toEqual([1, 3, 5]);
  });
});

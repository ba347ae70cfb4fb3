import { describe, expect, it } from 'vitest';
import { flagship } from '../session/forks.test-support';

describe("the scenario's sessions leave sudo's trace", () => {
  it("ops's sudo systemctl (in sudoers) and the attacker's sudo -l (not), each its own pid", () => {
    const s = flagship(7);
    const w = s.worldAt(s.now);
    const login = s.now - 5 * 60_000;
    const traced = w.logs(0, login).filter((e) => e.ident === 'sudo');
    const [ops, attacker] = [traced[0]!.pid, traced[3]!.pid];
    expect(traced.map((e) => `${e.pid} ${e.unit} ${e.message}`)).toEqual([
      `${ops} session-423.scope      ops : TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/systemctl status nginx`,
      `${ops} session-423.scope pam_unix(sudo:session): session opened for user root(uid=0) by ops(uid=1000)`,
      `${ops} session-423.scope pam_unix(sudo:session): session closed for user root`,
      `${attacker} session-431.scope   deploy : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/deploy ; USER=root ; COMMAND=list`,
    ]);
    // The counter gave them pids nothing else on the host had.
    const others = w.logs(0, s.now).filter((e) => e.ident !== 'sudo').map((e) => e.pid);
    expect([others.includes(ops), others.includes(attacker), ops! < attacker!]).toEqual([false, false, true]);
  });
});

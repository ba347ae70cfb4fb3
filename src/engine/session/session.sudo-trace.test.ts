import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import { actionsOf, flagship, nextPids } from './forks.test-support';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
/** sudo's last lines in auth.log, without the time stamp (its microseconds are derived). */
const tail = (n: number) => `grep sudo: /var/log/auth.log | tail -${n} | cut -d' ' -f2-`;

describe("the trainee's own sudo is in the auth log and the journal", () => {
  it('sudo CMD: its line, the session opened and closed, before the next command reads the log', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const r = await session.exec(`sudo iptables -L INPUT -n >/dev/null; ${tail(3)}`);
    expect(r).toEqual(ok(
      'web01 sudo:  analyst : TTY=pts/0 ; PWD=/home/analyst ; USER=root ; COMMAND=/usr/sbin/iptables -L INPUT -n\n' +
      'web01 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)\n' +
      'web01 sudo: pam_unix(sudo:session): session closed for user root\n'));
  });

  it("the journal has sudo's pid, the one its process took from the counter", async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const [sudo] = nextPids(s, s.now, [], 1);
    await session.exec('sudo -l >/dev/null; sleep 5');
    const world = s.worldAt(s.now + 5_000, actionsOf(session.log()));
    const traced = world.logs(s.now, s.now + 5_000).filter((e) => e.ident === 'sudo')
      .map((e) => [e.pid, e.noPidTag, e.message]);
    expect(traced).toEqual([[sudo, true, ' analyst : TTY=pts/0 ; PWD=/home/analyst ; USER=root ; COMMAND=list']]);
  });

  it('sudo -i stays open until exit; a restored session writes the same trace', async () => {
    const s = flagship();
    const a = createLabSession({ scenario: s });
    await a.exec('sudo -i');
    await a.exec('sleep 30');
    const open = await a.exec(tail(2));
    expect(open).toEqual(ok(
      'web01 sudo:  analyst : TTY=pts/0 ; PWD=/home/analyst ; USER=root ; COMMAND=/bin/bash\n' +
      'web01 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)\n'));
    await a.exec('exit');
    await a.exec('sleep 1');
    const closed = await a.exec(tail(1));
    expect(closed).toEqual(ok('web01 sudo: pam_unix(sudo:session): session closed for user root\n'));
    const b = createLabSession({ scenario: s, restore: [...a.log()], at: a.clock.now() });
    expect(await b.exec(tail(3))).toEqual(ok(
      'web01 sudo:  analyst : TTY=pts/0 ; PWD=/home/analyst ; USER=root ; COMMAND=/bin/bash\n' +
      'web01 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)\n' +
      'web01 sudo: pam_unix(sudo:session): session closed for user root\n'));
    expect(actionsOf(b.log()).filter((e) => e.type.startsWith('sudo')).slice(0, 2))
      .toEqual(actionsOf(a.log()).filter((e) => e.type.startsWith('sudo')));
  });
});

import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import { actionsOf, flagship, nextPids } from './forks.test-support';

const M = 60_000;
const pidLine = (pid: number) => `${String(pid).padStart(5)}\n`;

describe('each program the trainee runs takes a pid of the host\'s counter', () => {
  it('ps shows itself with the next pid, and nothing forked later gets it again', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const [pid] = nextPids(s, s.now, [], 1);
    expect(await session.exec('ps -C ps -o pid=')).toEqual({ stdout: pidLine(pid!), stderr: '', exitCode: 0 });
    await session.exec('sleep 600');
    const later = s.worldAt(s.now + 10 * M, actionsOf(session.log()));
    const started = later.processes.filter((p) => p.startTime > s.now);
    const named = later.logs(s.now + 1, s.now + 10 * M).filter((l) => l.pid !== undefined);
    // The beacon checks in and cron runs it every minute: there is a later process to compare.
    expect(named.some((l) => l.ident === 'CRON')).toBe(true);
    expect(started.filter((p) => p.pid <= pid!)).toEqual([]);
    expect(named.filter((l) => l.pid === pid)).toEqual([]);
  });

  it('programs take pids in the order they run; builtins take none', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const pids = nextPids(s, s.now, [], 3);
    expect(await session.exec('echo hi; ps -C ps -o pid=; pwd >/dev/null; ps -C ps -o pid=; ps -C ps -o pid= | cat'))
      .toEqual({ stdout: `hi\n${pidLine(pids[0]!)}${pidLine(pids[1]!)}${pidLine(pids[2]!)}`, stderr: '', exitCode: 0 });
  });

  it('a program that changes the world is the process its event stands for: one pid, not two', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    // ps, sudo, iptables, ps.
    const pids = nextPids(s, s.now, [], 4);
    const r = await session.exec('ps -C ps -o pid=; sudo iptables -A OUTPUT -d 198.51.100.7 -j DROP; ps -C ps -o pid=');
    expect(r).toEqual({ stdout: pidLine(pids[0]!) + pidLine(pids[3]!), stderr: '', exitCode: 0 });
    // sudo's own trace is the event its pid stands for; its end forks nothing.
    expect(actionsOf(session.log()).map((e) => e.type)).toEqual(['spawn', 'sudo', 'firewall', 'sudo-end']);
  });

  it('pgrep never lists itself', async () => {
    const session = createLabSession({ scenario: flagship() });
    expect(await session.exec('pgrep -f pgrep; echo $?')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
  });

  it('a restored session takes the same pids, and its log has the same events', async () => {
    const s = flagship();
    const a = createLabSession({ scenario: s });
    for (const line of ['ps -C ps -o pid=', 'sleep 75', 'ls /tmp | wc -l', 'sudo iptables -F', 'sleep 130']) {
      await a.exec(line);
    }
    const b = createLabSession({ scenario: s, restore: [...a.log()], at: a.clock.now() });
    const next = 'ps -C ps -o pid=; sleep 61; ps -ef | tail -4';
    const fromA = await a.exec(next);
    expect(await b.exec(next)).toEqual(fromA);
    expect(actionsOf(b.log())).toEqual(actionsOf(a.log()));
    expect(actionsOf(a.log()).filter((e) => e.type === 'spawn').length).toBeGreaterThan(3);
  });
});

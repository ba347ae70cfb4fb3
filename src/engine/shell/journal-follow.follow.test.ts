import { describe, expect, it } from 'vitest';
import type { HostState, LogEntry } from '../world/types';
import { HINT } from '../tools/journalctl/journalctl';
import { ctrlCAfter, NOW, shellOn } from './testkit';

const MIN = 60_000;
/** 13:15:00, the first cron line; NOW is 13:28:56. */
const T0 = NOW - 13 * MIN - 56_000;

const cron = (m: number): LogEntry => ({
  time: T0 + (m - 15) * MIN, ident: 'CRON', pid: 900 + m, facility: 'cron', unit: 'cron.service',
  message: `(root) CMD (tick ${m})`,
});
const ENTRIES: LogEntry[] = [
  ...[15, 16, 17, 18].map(cron),
  { time: T0 + 3 * MIN + 40_000, ident: 'sshd', pid: 22704, facility: 'auth', unit: 'ssh.service',
    message: 'Accepted publickey for deploy' },
  ...Array.from({ length: 21 }, (_, i) => cron(19 + i)),
  { time: T0 + 14 * MIN + 30_000, ident: 'sshd', pid: 22800, facility: 'auth', unit: 'ssh.service',
    message: 'Failed password for root', priority: 5 },
];
const LOGS = ENTRIES.sort((x, y) => x.time - y.time);

const cronLine = (m: number): string =>
  `Dec 04 13:${m}:00 web01 CRON[${900 + m}]: (root) CMD (tick ${m})\n`;
const cronLines = (from: number, to: number): string => {
  let out = '';
  for (let m = from; m <= to; m++) out += cronLine(m);
  return out;
};
const LOGIN = 'Dec 04 13:18:40 web01 sshd[22704]: Accepted publickey for deploy\n';
const FAILED = 'Dec 04 13:29:30 web01 sshd[22800]: Failed password for root\n';

/** The journal grows with the clock; `adm` lets the trainee (deploy) read it. */
function journal(adm: boolean) {
  return (world: HostState): void => {
    world.logs = (from, to) => LOGS.filter((e) => e.time >= from && e.time <= to && e.time <= world.now);
    if (adm) world.groups.push({ name: 'adm', gid: 4, members: ['deploy'] });
  };
}

async function followed(line: string, pressAt: number, adm = true) {
  const { wall, signal } = ctrlCAfter(pressAt);
  return shellOn(journal(adm), wall).exec(line, { signal });
}

describe('journalctl -f follows the journal on the simulated clock', () => {
  it('the last 10 entries, then each new one, until Ctrl-C (130, nothing more)', async () => {
    // Ctrl-C 70 s in, at 13:30:06: the 13:29, 13:29:30 and 13:30 entries arrived.
    expect(await followed('journalctl -f', 70_000)).toEqual({
      stdout: cronLines(19, 28) + cronLine(29) + FAILED + cronLine(30),
      stderr: '', exitCode: 130,
    });
  });

  it('-fu cron, -u ssh -f, -n 2 -f and --follow keep their filters and count', async () => {
    expect(await followed('journalctl -fu cron', 70_000)).toEqual({
      stdout: cronLines(19, 30), stderr: '', exitCode: 130,
    });
    expect(await followed('journalctl -u ssh -f', 70_000)).toEqual({
      stdout: LOGIN + FAILED, stderr: '', exitCode: 130,
    });
    expect(await followed('journalctl -n 2 --follow -t CRON', 70_000)).toEqual({
      stdout: cronLines(27, 30), stderr: '', exitCode: 130,
    });
    expect(await followed('journalctl -f -n0 -p notice -o cat', 70_000)).toEqual({
      stdout: 'Failed password for root\n', stderr: '', exitCode: 130,
    });
  });

  it('--since without a count shows every entry since, then follows', async () => {
    expect(await followed('journalctl -f --since 13:17 -o short-iso -u cron', 61_000)).toEqual({
      stdout: [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
        .map((m) => `2026-12-04T13:${m}:00+0000 web01 CRON[${900 + m}]: (root) CMD (tick ${m})\n`).join(''),
      stderr: '', exitCode: 130,
    });
  });

  it('streams to the terminal: the first entries at once, then each poll', async () => {
    const { wall, signal } = ctrlCAfter(70_000);
    const s = shellOn(journal(true), wall);
    const chunks: string[] = [];
    const r = await s.exec('journalctl -f -n 1 -u cron', { signal, onOutput: (t) => chunks.push(t) });
    expect(chunks).toEqual([cronLine(28), cronLine(29), cronLine(30)]);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect(s.log().at(-1)).toMatchObject({ type: 'command', exitCode: 130, output: cronLines(28, 30) });
  });

  it('a pipe gets what it printed: grep prints its lines after Ctrl-C', async () => {
    const { wall, signal } = ctrlCAfter(130_000);
    const s = shellOn(journal(true), wall);
    expect(await s.exec("journalctl -f | grep -E 'tick (2[89]|30)'", { signal })).toEqual({
      stdout: cronLines(28, 30), stderr: '', exitCode: 130,
    });
    expect((await s.exec('echo next')).stdout).toBe('next\n');
  });

  it('sudo journalctl -f reads the system journal as root', async () => {
    expect(await followed('sudo journalctl -f -n 1', 70_000, false)).toEqual({
      stdout: cronLine(28) + cronLine(29) + FAILED + cronLine(30), stderr: '', exitCode: 130,
    });
  });

  it('a user outside adm gets the hint and nothing; -q drops the hint', async () => {
    expect(await followed('journalctl -f', 70_000, false)).toEqual({ stdout: '', stderr: HINT, exitCode: 130 });
    expect(await followed('journalctl -qf', 70_000, false)).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  });

  it('Ubuntu 22.04 (systemd 249) says where the journal begins, without its end', async () => {
    const { wall, signal } = ctrlCAfter(2_000);
    const edit = (w: HostState): void => {
      journal(true)(w);
      w.host.distro = 'ubuntu-22.04';
    };
    expect(await shellOn(edit, wall).exec('journalctl -f -n 1', { signal })).toEqual({
      stdout: '-- Journal begins at Fri 2026-12-04 13:15:00 UTC. --\n' + cronLine(28),
      stderr: '', exitCode: 130,
    });
  });

  it('without a terminal (the CLI) it follows a simulated minute and says so (124)', async () => {
    const s = shellOn(journal(true));
    expect(await s.exec('journalctl -fu cron -n 1')).toEqual({
      stdout: cronLine(28) + cronLine(29),
      stderr: 'journalctl: no terminal to press Ctrl-C in: stopped after 60s of simulated time\n',
      exitCode: 124,
    });
  });

  it('-r with -f is refused as systemd refuses it; without -f the tool runs once', async () => {
    expect(await followed('journalctl -r -f', 5_000)).toEqual({
      stdout: '', stderr: 'Please specify either --reverse= or --follow=, not both.\n', exitCode: 1,
    });
    expect(await followed('journalctl -n 2 -u cron', 5_000)).toEqual({
      stdout: cronLines(27, 28), stderr: '', exitCode: 0,
    });
    expect(await followed('journalctl -f --bogus', 5_000)).toEqual({
      stdout: '', stderr: "journalctl: unrecognized option '--bogus'\n", exitCode: 1,
    });
  });
});

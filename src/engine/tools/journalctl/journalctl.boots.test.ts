import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { journalctlTool } from './journalctl';
import type { LogEntry } from '../../world/types';

const at = (s: string): number => Date.parse(`2026-12-04T${s}Z`);
/** web01 booted at 13:11:40; the CRON line of the day before is from an earlier boot. */
const LOGS: LogEntry[] = [
  { time: Date.parse('2026-12-03T22:00:00Z'), ident: 'CRON', pid: 901, facility: 'cron', unit: 'cron.service', message: 'old' },
  { time: at('13:11:41'), ident: 'kernel', facility: 'kern', message: 'Linux version 6.1.0-28-amd64', priority: 5 },
  { time: at('13:18:40'), ident: 'sshd', pid: 22704, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy' },
];

function run(argv: string[], logs: LogEntry[] = LOGS) {
  const world = web01();
  world.logs = (from, to) => logs.filter((e) => e.time >= from && e.time <= to);
  return journalctlTool.run({ argv: ['journalctl', ...argv], stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 });
}

const bootIdOf = (argv: string[]): string => /_BOOT_ID=(\w+)/.exec(run([...argv, '-o', 'verbose']).stdout)?.[1] ?? '';

describe('journalctl boots', () => {
  it('--list-boots: the boots the journal holds, ids as -o verbose shows them', () => {
    const prev = bootIdOf(['-b', '-1']);
    const cur = bootIdOf(['-b']);
    expect(prev).toMatch(/^[0-9a-f]{32}$/);
    expect(cur).not.toBe(prev);
    expect(run(['--list-boots']).stdout).toBe(
      'IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY\n' +
      ` -1 ${prev} Thu 2026-12-03 22:00:00 UTC Thu 2026-12-03 22:00:00 UTC\n` +
      `  0 ${cur} Fri 2026-12-04 13:11:41 UTC Fri 2026-12-04 13:18:40 UTC\n`);
    expect(run(['--list-boots', '-r', '-q']).stdout.split('\n')[0]).toBe(
      `  0 ${cur} Fri 2026-12-04 13:11:41 UTC Fri 2026-12-04 13:18:40 UTC`);
  });

  it('-b, -b 0, -b -1, -b 1, -b ID, -b all; boots are marked in the plain listing', () => {
    const cur = bootIdOf(['-b']);
    const now = 'Dec 04 13:11:41 web01 kernel: Linux version 6.1.0-28-amd64\n' +
      'Dec 04 13:18:40 web01 sshd[22704]: Accepted publickey for deploy\n';
    expect(run(['-b']).stdout).toBe(now);
    expect(run(['-b', '0']).stdout).toBe(now);
    expect(run(['-b0']).stdout).toBe(now);
    expect(run(['--boot', cur]).stdout).toBe(now);
    expect(run(['-b', '-1']).stdout).toBe('Dec 03 22:00:00 web01 CRON[901]: old\n');
    expect(run(['-b-1']).stdout).toBe('Dec 03 22:00:00 web01 CRON[901]: old\n');
    expect(run(['-b', '1']).stdout).toBe('Dec 03 22:00:00 web01 CRON[901]: old\n');
    expect(run(['-b', 'all']).stdout).toBe(
      `Dec 03 22:00:00 web01 CRON[901]: old\n-- Boot ${cur} --\n${now}`);
  });

  it('a boot the journal does not hold: systemd 255 wording, exit 1', () => {
    const one = LOGS.slice(1);
    expect(run(['-b', '-1'], one)).toEqual({ stdout: '', exitCode: 1,
      stderr: 'Data from the specified boot (-1) is not available: No such boot ID in journal\n' });
    expect(run(['-b', '2'], one).stderr).toBe(
      'Data from the specified boot (+2) is not available: No such boot ID in journal\n');
    expect(run(['-b', 'f'.repeat(32)], one).stderr).toBe(
      `Data from the specified boot (${'f'.repeat(32)}) is not available: No such boot ID in journal\n`);
    expect(run(['--boot=soon'])).toEqual({ stdout: '', exitCode: 1, stderr: "Failed to parse boot descriptor 'soon'\n" });
    expect(run(['-b', 'soon']).stderr).toBe("Failed to add match 'soon': Invalid argument\n");
  });

  it('real options the lab does not simulate say so', () => {
    expect(run(['--disk-usage'])).toEqual({ stdout: '', exitCode: 1, stderr: 'journalctl: --disk-usage is not simulated in this lab\n' });
    expect(run(['-F', '_PID']).stderr).toBe('journalctl: -F is not simulated in this lab\n');
    expect(run(['--bogus']).stderr).toBe("journalctl: unrecognized option '--bogus'\n");
  });
});

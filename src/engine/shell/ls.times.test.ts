import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

const etc = '/etc/hostname /etc/passwd';
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('ls -l time styles as coreutils 9.4 prints them', () => {
  it('full-iso and --full-time give nanoseconds and the zone; long-iso and iso shorter forms', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const full = '-rw-r--r-- 1 root root  6 2026-07-07 10:14:37.000000000 +0000 /etc/hostname\n' +
      '-rw-r--r-- 1 root root 75 2026-07-08 09:30:41.000000000 +0000 /etc/passwd\n';
    expect(await s.exec(`ls -l --time-style=full-iso ${etc}`)).toEqual(ok(full));
    expect(await s.exec(`ls --full-time ${etc}`)).toEqual(ok(full));
    expect(await s.exec(`ls -l --time-style=long ${etc}`)).toEqual(ok(
      '-rw-r--r-- 1 root root  6 2026-07-07 10:14 /etc/hostname\n' +
      '-rw-r--r-- 1 root root 75 2026-07-08 09:30 /etc/passwd\n'));
    expect(await s.exec(`TZ=Europe/Berlin ls -l --time-style=iso ${etc}`)).toEqual(ok(
      '-rw-r--r-- 1 root root  6 07-07 12:14 /etc/hostname\n' +
      '-rw-r--r-- 1 root root 75 07-08 11:30 /etc/passwd\n'));
    expect(await s.exec("ls -l '--time-style=+%s %F' /etc/hostname")).toEqual(ok(
      '-rw-r--r-- 1 root root 6 1783419277 2026-07-07 /etc/hostname\n'));
  });

  it('rejects a style that is not one with the list of valid ones, exit 2', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('ls -l --time-style=l /etc/hostname')).toEqual({
      stdout: '', exitCode: 2,
      stderr: "ls: ambiguous argument 'l' for 'time style'\nValid arguments are:\n" +
        '  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n' +
        "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\nTry 'ls --help' for more information.\n",
    });
  });
});

describe('ls sorts by time, size, extension; -c and -u are the one time the world keeps', () => {
  it('orders a directory each way', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('mkdir /tmp/q && cd /tmp/q && touch a && sleep 2 && touch b.txt && echo 12345 > c');
    expect((await s.exec('ls -t')).stdout).toBe('b.txt\nc\na\n');
    expect((await s.exec('ls --sort=time -r')).stdout).toBe('a\nc\nb.txt\n');
    expect((await s.exec('ls -S')).stdout).toBe('c\na\nb.txt\n');
    expect((await s.exec('ls -X')).stdout).toBe('a\nc\nb.txt\n');
    expect((await s.exec('ls -c')).stdout).toBe('b.txt\nc\na\n');
    expect((await s.exec('ls -lu')).stdout).toBe('total 4\n' +
      '-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 a\n-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 b.txt\n' +
      '-rw-r--r-- 1 deploy deploy 6 Dec  4 13:28 c\n');
    expect((await s.exec('ls -lt --time=birth -h')).stdout).toBe('total 4\n' +
      '-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 b.txt\n-rw-r--r-- 1 deploy deploy 6 Dec  4 13:28 c\n' +
      '-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 a\n');
  });

  it('says which real options are not simulated, and rejects unknown ones as ls does', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    expect(await s.exec('ls -R')).toEqual({ stdout: '', stderr: "ls: option '-R' is not simulated in this lab\n", exitCode: 2 });
    expect(await s.exec('ls -j')).toEqual({ stdout: '', exitCode: 2,
      stderr: "ls: invalid option -- 'j'\nTry 'ls --help' for more information.\n" });
    expect(await s.exec('ls --time=x')).toEqual({ stdout: '', exitCode: 2,
      stderr: "ls: invalid argument 'x' for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n" +
        "  - 'ctime', 'status'\n  - 'birth', 'creation'\n  - 'mtime', 'modification'\n" +
        "Try 'ls --help' for more information.\n" });
  });
});

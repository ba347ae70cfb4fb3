import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { NOW } from '../../../test/fixtures/web01';
import type { HostState } from '../world/types';

/** The captured host plus a script of deploy's, modified a day (and 123 ms) ago, and kthreadd. */
function edit(zone?: string) {
  return (world: HostState): void => {
    if (zone) world.host.timezone = zone;
    world.files.push({ path: '/opt/app/run.sh', content: 'echo hi\n', mode: 0o750, uid: 1001, gid: 1001, mtime: NOW - 86_400_000 - 123 });
    const sshd = world.processes.find((p) => p.pid === 22570)!;
    world.processes.push({ ...sshd, pid: 2, ppid: 0, comm: 'kthreadd', argv: [], exe: '', fds: [] });
  };
}

const session = async (asRoot: boolean, zone?: string) => {
  const s = createLabSession({ scenario: web01Scenario(edit(zone)) });
  if (asRoot) await s.exec('sudo -i');
  return s;
};

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('stat, default format', () => {
  it('a regular file: owner, mode, inode as ls -i, the one time the world keeps four times', async () => {
    const s = await session(false);
    expect(await s.exec('stat /opt/app/run.sh')).toEqual(ok(`  File: /opt/app/run.sh
  Size: 8         \tBlocks: 8          IO Block: 4096   regular file
Device: 254,0\tInode: 323262      Links: 1
Access: (0750/-rwxr-x---)  Uid: ( 1001/  deploy)   Gid: ( 1001/  deploy)
Access: 2026-12-03 13:28:55.877000000 +0000
Modify: 2026-12-03 13:28:55.877000000 +0000
Change: 2026-12-03 13:28:55.877000000 +0000
 Birth: 2026-12-03 13:28:55.877000000 +0000
`));
    expect((await s.exec('ls -i /opt/app/run.sh')).stdout).toBe('323262 /opt/app/run.sh\n');
  });

  it("times are in the host's time zone", async () => {
    const s = await session(false, 'Europe/Berlin');
    expect((await s.exec('stat -c "%y|%x|%z|%w" /opt/app/run.sh')).stdout).toBe(
      '2026-12-03 14:28:55.877000000 +0100|2026-12-03 14:28:55.877000000 +0100|' +
      '2026-12-03 14:28:55.877000000 +0100|2026-12-03 14:28:55.877000000 +0100\n');
  });

  it('a directory, and a device with its Device type and padded Links', async () => {
    const s = await session(false);
    expect(await s.exec('stat /tmp /dev/null')).toEqual(ok(`  File: /tmp
  Size: 4096      \tBlocks: 8          IO Block: 4096   directory
Device: 254,0\tInode: 3725667     Links: 2
Access: (1777/drwxrwxrwt)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-12-04 13:11:40.000000000 +0000
Modify: 2026-12-04 13:11:40.000000000 +0000
Change: 2026-12-04 13:11:40.000000000 +0000
 Birth: 2026-12-04 13:11:40.000000000 +0000
  File: /dev/null
  Size: 0         \tBlocks: 0          IO Block: 4096   character special file
Device: 0,5\tInode: 2897095     Links: 1     Device type: 1,3
Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-12-04 13:11:40.000000000 +0000
Modify: 2026-12-04 13:11:40.000000000 +0000
Change: 2026-12-04 13:11:40.000000000 +0000
 Birth: 2026-12-04 13:11:40.000000000 +0000
`));
  });

  it('a /proc link: File: a -> b, procfs device and block size, no birth time', async () => {
    const s = await session(true);
    expect(await s.exec('stat /proc/22570/exe')).toEqual(ok(`  File: /proc/22570/exe -> /usr/sbin/sshd
  Size: 0         \tBlocks: 0          IO Block: 1024   symbolic link
Device: 0,22\tInode: 2911438     Links: 1
Access: (0777/lrwxrwxrwx)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-12-04 13:28:30.000000000 +0000
Modify: 2026-12-04 13:28:30.000000000 +0000
Change: 2026-12-04 13:28:30.000000000 +0000
 Birth: -
`));
  });

  it('a link it cannot read: the rest of the record, the error, exit 1', async () => {
    const s = await session(false);
    expect(await s.exec('stat -c "%N %F" /proc/22570/exe /proc/22713/exe')).toEqual({
      stdout: "'/proc/22570/exe' symbolic link\n'/proc/22713/exe' -> '/usr/bin/bash' symbolic link\n",
      stderr: "stat: cannot read symbolic link '/proc/22570/exe': Permission denied\n",
      exitCode: 1,
    });
    // Root passes the ptrace check; a kernel thread's exe has no target.
    await s.exec('sudo -i');
    expect(await s.exec('stat -c "%N %F" /proc/2/exe')).toEqual({
      stdout: "'/proc/2/exe' symbolic link\n",
      stderr: "stat: cannot read symbolic link '/proc/2/exe': No such file or directory\n",
      exitCode: 1,
    });
  });
});

describe('stat, formats', () => {
  it('-c: %N quotes, width, precision, flags, H/L, hex, epoch with decimals, unknown as ?', async () => {
    const s = await session(true);
    const fmt = '%N|%F|%5.3A|%-6s|%#o|%Hd:%Ld|%D|%m|%.3Y|%W|%w|%q|%%|%i|%U:%G|%u:%g|%a|%f|%h';
    expect(await s.exec(`stat -c "${fmt}" /proc/22570/cwd /opt/app/run.sh`)).toEqual(ok(
      "'/proc/22570/cwd' -> '/'|symbolic link|  lrw|0     |1024|0:22|16|/proc|1796390910.000|0|-|?|%|685024|root:root|0:0|777|a1ff|1\n" +
      "'/opt/app/run.sh'|regular file|  -rw|8     |4096|254:0|fe00|/|1796304535.877|1796304535|" +
      '2026-12-03 13:28:55.877000000 +0000|?|%|323262|deploy:deploy|1001:1001|750|81e8|1\n'));
  });

  it('-t (terse), and a /proc file is a regular empty file', async () => {
    const s = await session(true);
    expect(await s.exec('stat -t /proc/22570/cwd /dev/null; stat -c %F /proc/22570/status')).toEqual(ok(
      '/proc/22570/cwd 0 0 a1ff 0 0 16 685024 1 0 0 1796390910 1796390910 1796390910 0 1024\n' +
      '/dev/null 0 0 21b6 0 0 5 2897095 1 1 3 1796389900 1796389900 1796389900 1796389900 4096\n' +
      'regular empty file\n'));
  });

  it('--printf interprets escapes and adds no newline; --format= and -cFMT as -c', async () => {
    const s = await session(false);
    expect(await s.exec("stat --printf='%n\\t%s\\n' /etc/hostname; stat --format=%s /etc/hostname; stat -c%a /tmp")).toEqual(
      ok('/etc/hostname\t6\n6\n1777\n'));
  });

  it('-L follows a link to what it names', async () => {
    const s = await session(true);
    expect(await s.exec('stat -L -c "%N %F %i" /proc/22570/cwd; stat -c "%i" /')).toEqual(ok("'/proc/22570/cwd' directory 2\n2\n"));
  });
});

describe('stat, errors as GNU prints them', () => {
  it('no such file, and a path under a directory it may not search', async () => {
    const s = await session(false);
    expect(await s.exec('stat /nope /root/x')).toEqual({
      stdout: '',
      stderr: "stat: cannot statx '/nope': No such file or directory\nstat: cannot statx '/root/x': Permission denied\n",
      exitCode: 1,
    });
  });

  it('missing operand, an invalid option, an invalid directive', async () => {
    const s = await session(false);
    const tryHelp = "Try 'stat --help' for more information.\n";
    expect(await s.exec('stat')).toEqual({ stdout: '', stderr: `stat: missing operand\n${tryHelp}`, exitCode: 1 });
    expect(await s.exec('stat -x /')).toEqual({ stdout: '', stderr: `stat: invalid option -- 'x'\n${tryHelp}`, exitCode: 1 });
    expect(await s.exec('stat -c')).toEqual({ stdout: '', stderr: `stat: option requires an argument -- 'c'\n${tryHelp}`, exitCode: 1 });
    expect(await s.exec('stat -c "%5%" /')).toEqual({ stdout: '', stderr: "stat: '%5%': invalid directive\n", exitCode: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

const out = async (cmd: string) => (await (await flagshipRootShell()).exec(cmd)).stdout;

describe('host information agrees with itself on the flagship', () => {
  it('one CPU count: nproc, /proc/cpuinfo, /proc/stat and Cpus_allowed_list', async () => {
    expect(await out('nproc; grep -c ^processor /proc/cpuinfo; grep -c "^cpu[0-9]" /proc/stat; grep Cpus_allowed_list /proc/1/status'))
      .toBe('2\n2\n2\nCpus_allowed_list:\t0-1\n');
  });

  it('/proc/version is uname -v after the builder, and btime is the boot', async () => {
    const s = await flagshipRootShell();
    const v = (await s.exec('uname -v')).stdout.trim();
    expect((await s.exec('cat /proc/version')).stdout).toBe('Linux version 6.8.0-49-generic (buildd@lcy02-amd64-091) ' +
      `(x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${v}\n`);
    const btime = Number((await s.exec('grep btime /proc/stat')).stdout.split(' ')[1]);
    expect((await s.exec(`date -d @${btime} '+%F %T'`)).stdout).toBe((await s.exec('uptime -s')).stdout);
  });

  it('free reads /proc/meminfo: used = total - available, buff/cache = Buffers + Cached + SReclaimable', async () => {
    const s = await flagshipRootShell();
    const info = new Map((await s.exec('cat /proc/meminfo')).stdout.trim().split('\n')
      .map((l) => [l.split(':')[0]!, Number(/(\d+) kB/.exec(l)?.[1])]));
    const g = (k: string) => info.get(k)!;
    const row = (...v: number[]) => v.map((n) => ` ${String(n).padStart(11)}`).join('');
    expect((await s.exec('free')).stdout).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
      `Mem:   ${row(g('MemTotal'), g('MemTotal') - g('MemAvailable'), g('MemFree'), g('Shmem'),
        g('Buffers') + g('Cached') + g('SReclaimable'), g('MemAvailable'))}\n` +
      `Swap:  ${row(0, 0, 0)}\n`);
    expect((await s.exec('free -h')).stdout.split('\n')[1]!.slice(0, 19)).toBe('Mem:          3.8Gi');
  });

  it('hostnamectl shows the machine and boot ids the files hold', async () => {
    const s = await flagshipRootShell();
    const machine = (await s.exec('cat /etc/machine-id')).stdout.trim();
    const boot = (await s.exec('cat /proc/sys/kernel/random/boot_id')).stdout.trim().replaceAll('-', '');
    const lines = (await s.exec('hostnamectl')).stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([' Static hostname: web01', '       Icon name: computer-vm', '         Chassis: vm 🖴',
      `      Machine ID: ${machine}`, `         Boot ID: ${boot}`, '  Virtualization: kvm',
      'Operating System: Ubuntu 24.04.1 LTS', '          Kernel: Linux 6.8.0-49-generic', '    Architecture: x86-64']);
  });

  it('tty, getent and dmesg', async () => {
    const s = await flagshipRootShell();
    expect(await s.exec('tty')).toEqual({ stdout: '/dev/pts/1\n', stderr: '', exitCode: 0 });
    expect(await s.exec('echo | tty')).toEqual({ stdout: 'not a tty\n', stderr: '', exitCode: 1 });
    expect(await s.exec('getent passwd root; getent hosts localhost; getent group nosuch')).toEqual(
      { stdout: 'root:x:0:0:root:/root:/bin/bash\n127.0.0.1       localhost\n', stderr: '', exitCode: 2 });
    await s.exec('exit');
    expect(await s.exec('dmesg')).toEqual(
      { stdout: '', stderr: 'dmesg: read kernel buffer failed: Operation not permitted\n', exitCode: 1 });
  });
});

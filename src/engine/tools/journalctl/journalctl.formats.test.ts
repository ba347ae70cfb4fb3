import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { journalctlTool } from './journalctl';
import type { DistroId, LogEntry } from '../../world/types';

const at = (s: string): number => Date.parse(`2026-12-04T${s}Z`);
const SSHD: LogEntry = { time: at('13:18:40.118'), ident: 'sshd', pid: 22704, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy' };
const PID1: LogEntry = { time: at('13:20:01'), ident: 'systemd', pid: 1, facility: 'daemon', unit: 'cron.service', message: 'Started cron.service' };

function run(argv: string[], distro: DistroId = 'ubuntu-24.04') {
  const world = web01();
  world.host.distro = distro;
  world.logs = (from, to) => [SSHD, PID1].filter((e) => e.time >= from && e.time <= to);
  return journalctlTool.run({ argv: ['journalctl', ...argv], stdin: '', world, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1 });
}

/** The µs the journal gives the sshd entry, read from -o short-unix. */
const realtime = (): string => (run(['-n2', '-o', 'short-unix']).stdout.split('\n')[0] ?? '').split(' ')[0]!.replace('.', '');

describe('journalctl -o', () => {
  it('the short family: one time, written per mode', () => {
    const us = realtime();
    expect(us).toMatch(/^1796390320118\d{3}$/);
    const frac = us.slice(-6);
    const first = (mode: string, distro?: DistroId) => run(['-o', mode], distro).stdout.split('\n')[0];
    expect(first('short')).toBe('Dec 04 13:18:40 web01 sshd[22704]: Accepted publickey for deploy');
    expect(first('short-precise')).toBe(`Dec 04 13:18:40.${frac} web01 sshd[22704]: Accepted publickey for deploy`);
    expect(first('short-iso')).toBe('2026-12-04T13:18:40+00:00 web01 sshd[22704]: Accepted publickey for deploy');
    expect(first('short-iso', 'debian-12')).toBe('2026-12-04T13:18:40+0000 web01 sshd[22704]: Accepted publickey for deploy');
    expect(first('short-iso-precise')).toBe(`2026-12-04T13:18:40.${frac}+00:00 web01 sshd[22704]: Accepted publickey for deploy`);
    expect(first('short-full')).toBe('Fri 2026-12-04 13:18:40 UTC web01 sshd[22704]: Accepted publickey for deploy');
    expect(first('short-monotonic')).toBe(`[  420.${frac}] web01 sshd[22704]: Accepted publickey for deploy`);
    expect(run(['-o', 'with-unit']).stdout).toBe(
      'Fri 2026-12-04 13:18:40 UTC web01 ssh.service[22704]: Accepted publickey for deploy\n' +
      'Fri 2026-12-04 13:20:01 UTC web01 init.scope[1]: Started cron.service\n');
    expect(run(['-o', 'cat', '--no-hostname']).stdout).toBe('Accepted publickey for deploy\nStarted cron.service\n');
    expect(first('short', undefined)).toBe(run(['-o', 'short', '--utc']).stdout.split('\n')[0]);
    expect(run(['-o', 'short', '--no-hostname', '-n1']).stdout).toBe('Dec 04 13:20:01 systemd[1]: Started cron.service\n');
  });

  it('json: the same time, pid, unit and boot as the other views', () => {
    const boot = /_BOOT_ID=(\w+)/.exec(run(['-o', 'verbose']).stdout)?.[1] ?? '';
    const rec = JSON.parse(run(['-o', 'json', '-n', '1', '_PID=22704']).stdout) as Record<string, string>;
    const cursor = rec.__CURSOR ?? '';
    expect(Object.keys(rec)).toEqual([
      '__CURSOR', '__REALTIME_TIMESTAMP', '__MONOTONIC_TIMESTAMP', '_BOOT_ID', '__SEQNUM', '__SEQNUM_ID',
      '_MACHINE_ID', '_HOSTNAME', '_RUNTIME_SCOPE', '_TRANSPORT', 'PRIORITY', 'SYSLOG_FACILITY',
      'SYSLOG_IDENTIFIER', 'SYSLOG_PID', 'MESSAGE', '_PID', '_UID', '_GID', '_COMM', '_EXE', '_CMDLINE',
      '_SYSTEMD_CGROUP', '_SYSTEMD_UNIT', '_SYSTEMD_SLICE']);
    expect({ ...rec, __CURSOR: '', _MACHINE_ID: '', __SEQNUM_ID: '' }).toEqual({
      __CURSOR: '', __REALTIME_TIMESTAMP: realtime(), __MONOTONIC_TIMESTAMP: String(Number(realtime()) - at('13:11:40') * 1000),
      _BOOT_ID: boot, __SEQNUM: '1', __SEQNUM_ID: '', _MACHINE_ID: '', _HOSTNAME: 'web01', _RUNTIME_SCOPE: 'system',
      _TRANSPORT: 'syslog', PRIORITY: '6', SYSLOG_FACILITY: '4', SYSLOG_IDENTIFIER: 'sshd', SYSLOG_PID: '22704',
      MESSAGE: 'Accepted publickey for deploy', _PID: '22704', _UID: '0', _GID: '0', _COMM: 'sshd',
      _EXE: '/usr/sbin/sshd', _CMDLINE: 'sshd: deploy [priv]', _SYSTEMD_CGROUP: '/system.slice/ssh.service',
      _SYSTEMD_UNIT: 'ssh.service', _SYSTEMD_SLICE: 'system.slice',
    });
    expect(cursor).toBe(`s=${rec.__SEQNUM_ID};i=1;b=${boot};m=${Number(rec.__MONOTONIC_TIMESTAMP).toString(16)};` +
      `t=${Number(rec.__REALTIME_TIMESTAMP).toString(16)};x=${cursor.slice(-16)}`);
    const pid1 = JSON.parse(run(['-o', 'json', '-n', '1']).stdout) as Record<string, string>;
    expect([pid1._TRANSPORT, pid1.SYSLOG_FACILITY, pid1.UNIT, pid1._SYSTEMD_UNIT, pid1.SYSLOG_PID])
      .toEqual(['journal', '3', 'cron.service', 'init.scope', undefined]);
    const older = JSON.parse(run(['-o', 'json', '-n', '1'], 'debian-12').stdout) as Record<string, string>;
    expect([older.__SEQNUM, older._RUNTIME_SCOPE]).toEqual([undefined, undefined]);
  });

  it('json-pretty, verbose and export show the same record', () => {
    const one = run(['-o', 'json', '-n', '1']).stdout;
    const pretty = run(['-o', 'json-pretty', '-n', '1']).stdout;
    expect(JSON.parse(pretty)).toEqual(JSON.parse(one));
    expect(pretty.split('\n').slice(0, 2)).toEqual(['{', `\t"__CURSOR" : ${JSON.stringify(JSON.parse(one).__CURSOR)},`]);
    const rec = JSON.parse(one) as Record<string, string>;
    const fields = Object.entries(rec).filter(([k]) => !k.startsWith('__'));
    expect(run(['-o', 'verbose', '-n', '1']).stdout).toBe(
      `Fri 2026-12-04 13:20:01.${rec.__REALTIME_TIMESTAMP?.slice(-6)} UTC [${rec.__CURSOR}]\n` +
      fields.map(([k, v]) => `    ${k}=${v}\n`).join(''));
    const head = ['__CURSOR', '__REALTIME_TIMESTAMP', '__MONOTONIC_TIMESTAMP', '__SEQNUM', '__SEQNUM_ID', '_BOOT_ID'];
    expect(run(['-o', 'export', '-n', '1']).stdout).toBe(
      [...head.map((k) => `${k}=${rec[k]}`), ...fields.filter(([k]) => k !== '_BOOT_ID').map(([k, v]) => `${k}=${v}`)]
        .join('\n') + '\n\n');
    expect(run(['-o', 'json-seq', '-n', '1']).stdout).toBe(`\x1e${one}`);
    expect(run(['-o', 'json-sse', '-n', '1']).stdout).toBe(`data: ${one}\n`);
    expect(run(['-o', 'xml'])).toEqual({ stdout: '', exitCode: 1, stderr: "Unknown output format 'xml'.\n" });
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../../world/behaviours/flagship.fixture';
import { USAGE } from './args';
import { psTool } from './ps';

const c = compiledOnce(flagship);
const ps = (...args: string[]) => psTool.run({
  argv: ['ps', ...args], stdin: '', world: c.at(c.base.now), uid: 0, user: 'root', cwd: '/',
  env: new Map(), shellPid: 1,
});
const out = (...lines: string[]) => ({ stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 });
const RSYSLOG = '/usr/sbin/rsyslogd -n -iNONE';

describe('ps lists threads as procps-ng 4.0.4 does', () => {
  it('-L adds LWP, -T adds SPID; the command is the thread\'s name', () => {
    expect(ps('-L', '-p', '446,451')).toEqual(out(
      '  PID   LWP TTY          TIME CMD',
      '  446   446 ?        00:00:02 rsyslogd',
      '  446   447 ?        00:00:02 in:imuxsock',
      '  446   448 ?        00:00:02 in:imklog',
      '  446   449 ?        00:00:02 rs:main Q:Reg',
      '  451   451 ?        00:00:09 cron'));
    expect(ps('-T', '-p', '458')).toEqual(out(
      '  PID  SPID TTY          TIME CMD',
      '  458   458 ?        00:00:00 polkitd',
      '  458   459 ?        00:00:00 gmain',
      '  458   460 ?        00:00:00 gdbus'));
  });

  it('-Lf adds NLWP after C; H repeats the process for each thread', () => {
    expect(ps('-Lf', '-p', '492')).toEqual(out(
      'UID        PID  PPID   LWP  C NLWP STIME TTY          TIME CMD',
      'root       492     1   492  0    2 Nov25 ?        00:00:00 /usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal',
      'root       492     1   493  0    2 Nov25 ?        00:00:00 /usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal'));
    expect(ps('H', '-p', '446')).toEqual(out(
      '  PID TTY      STAT   TIME COMMAND',
      ...[0, 1, 2, 3].map(() => `  446 ?        Ssl    0:02 ${RSYSLOG}`)));
    expect(ps('u', '-L', '-p', '458')).toEqual(out(
      'USER       PID   LWP %CPU NLWP %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      ...[458, 459, 460].map((t) =>
        `polkitd    458   ${t}  0.0    3  0.1 308164  7808 ?        Ssl  Nov25   0:00 /usr/lib/polkit-1/polkitd --no-debug`)));
  });

  it('-o nlwp,lwp,tid,spid,thcount without threads shows the main one; sorting by lwp', () => {
    expect(ps('-o', 'pid,nlwp,lwp,tid,spid,thcount,stat,comm', '-p', '446,451')).toEqual(out(
      '  PID NLWP   LWP   TID  SPID THCNT STAT COMMAND',
      '  446    4   446   446   446     4 Ssl  rsyslogd',
      '  451    1   451   451   451     1 Ss   cron'));
    expect(ps('-L', '-o', 'lwp,comm', '--sort=-lwp', '-p', '446')).toEqual(out(
      '  LWP COMMAND', '  449 rs:main Q:Reg', '  448 in:imklog', '  447 in:imuxsock', '  446 rsyslogd'));
  });

  it('threads with a forest, or -L with -T, are errors', () => {
    const fail = (m: string) => ({ stdout: '', stderr: `error: ${m}\n${USAGE}`, exitCode: 1 });
    expect(ps('-eLf', '--forest')).toEqual(fail('thread display conflicts with forest display'));
    expect(ps('-LT')).toEqual(fail("thread flags conflict; can't use both -L and -T"));
  });
});

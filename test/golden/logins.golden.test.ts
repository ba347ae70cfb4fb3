/**
 * who, w, last and /var/log/auth.log against the captures.
 *
 * The captured lab's sshd wrote wtmp but not utmp, and set no audit login
 * uid (no PAM session): so `who` printed nothing, `w` counted 0 users, and
 * `last` called the open session `gone - no logout`. The test worlds say
 * the same: for who/w the open session is not in utmp (dropped from the
 * logins), for last the session leader carries loginuid 4294967295.
 * `wtmp begins` is the time of wtmp's first record, a run-specific value
 * (13:18:38 in the lab); the expected line is derived from the world.
 */
import { describe, expect, it } from 'vitest';
import { NOW, web01 } from '../fixtures/web01';
import { whoTool } from '../../src/engine/tools/who/who';
import { wTool } from '../../src/engine/tools/w/w';
import { lastTool } from '../../src/engine/tools/last/last';
import { logFile } from '../../src/engine/tools/logs/files';
import type { Tool, ToolContext } from '../../src/engine/tools/types';
import type { HostState, LogEntry } from '../../src/engine/world/types';
import { lineShare, normalise, readCapture } from './helpers';

const at = (hms: string): number => Date.parse(`2026-12-04T${hms}Z`);

export const AUTH: LogEntry[] = [
  { time: at('13:18:38.201'), ident: 'sshd', pid: 22570, facility: 'auth', unit: 'ssh.service', message: 'Server listening on :: port 22.' },
  { time: at('13:18:38.202'), ident: 'sshd', pid: 22570, facility: 'auth', unit: 'ssh.service', message: 'Server listening on 0.0.0.0 port 22.' },
  { time: at('13:18:40.118'), ident: 'sshd', pid: 22704, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy from 203.0.113.45 port 40531 ssh2: ED25519 SHA256:8G3fuzm8DXvMUlLa8/qgt0lZj211IKedENXw0gywAqY' },
  { time: at('13:28:35.412'), ident: 'sshd', pid: 22705, facility: 'auth', unit: 'ssh.service', message: 'Accepted publickey for deploy from 203.0.113.45 port 45713 ssh2: ED25519 SHA256:8G3fuzm8DXvMUlLa8/qgt0lZj211IKedENXw0gywAqY' },
];

function withLogs(w: HostState): HostState {
  w.logs = (from, to) => AUTH.filter((e) => e.time >= from && e.time <= to);
  return w;
}

function run(tool: Tool, argv: string[], world: HostState): string {
  const ctx: ToolContext = {
    argv, stdin: '', world, uid: 0, user: 'root', cwd: '/root', env: new Map(), shellPid: 30000,
  };
  const r = tool.run(ctx);
  expect(r.stderr).toBe('');
  return normalise(r.stdout);
}

function report(name: string, actual: string, expected: string): void {
  const { same, total } = lineShare(actual, expected);
  process.stdout.write(`golden ${name}: ${same}/${total} lines identical\n`);
}

describe('logins golden', () => {
  const noUtmp = (): HostState => {
    const w = web01();
    w.logins = w.logins.filter((l) => l.logoutAt !== undefined);
    return w;
  };

  it('who with an empty utmp', () => {
    const cap = readCapture('who.txt');
    const out = run(whoTool, cap.argv, noUtmp());
    report('who', out, cap.output);
    expect(out).toBe(cap.output);
  });

  it('w with an empty utmp', () => {
    const cap = readCapture('w.txt');
    const out = run(wTool, cap.argv, noUtmp());
    report('w', out, cap.output);
    expect(out).toBe(cap.output);
  });

  it('last -n 5', () => {
    const cap = readCapture('last.txt');
    const w = web01();
    const leader = w.processes.find((p) => p.pid === 22705);
    if (leader) Object.assign(leader, { loginuid: 4294967295 });
    const out = run(lastTool, cap.argv, w);
    const expected = cap.output.replace(/wtmp begins .*$/, 'wtmp begins Fri Dec  4 13:18:40 2026');
    report('last', out, expected);
    expect(out).toBe(expected);
  });

  it('auth.log messages (the capture is sshd -e output, without the rsyslog prefix)', () => {
    const cap = readCapture('auth-log.txt');
    const text = logFile(withLogs(web01()), '/var/log/auth.log') ?? '';
    const bare = normalise(text.replace(/^\S+ web01 sshd\[\d+\]: /gm, ''));
    const expected = cap.output.replace(/\r/g, '');
    report('auth.log', bare, expected);
    expect(bare).toBe(expected);
  });

  it('auth.log prefix, Debian 12 (RFC 3339) and Ubuntu 22.04 (classic)', () => {
    const deb = withLogs(web01());
    const first = (logFile(deb, '/var/log/auth.log') ?? '').split('\n')[0] ?? '';
    expect(first.replace(/\.\d{6}\+/, '.XXXXXX+')).toBe(
      '2026-12-04T13:18:38.XXXXXX+00:00 web01 sshd[22570]: Server listening on :: port 22.');
    expect(first.slice(20, 23)).toBe('201');
    const jammy = withLogs(web01());
    jammy.host.distro = 'ubuntu-22.04';
    expect(logFile(jammy, '/var/log/auth.log')?.split('\n').slice(0, 2)).toEqual([
      'Dec  4 13:18:38 web01 sshd[22570]: Server listening on :: port 22.',
      'Dec  4 13:18:38 web01 sshd[22570]: Server listening on 0.0.0.0 port 22.',
    ]);
    expect(logFile(jammy, '/var/log/syslog')).toBe('');
    expect(NOW).toBe(at('13:28:56'));
  });
});

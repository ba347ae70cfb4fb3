import { describe, expect, it } from 'vitest';
import { baseDoc, compileDoc } from './compile.fixture';

function compiled(over: Record<string, unknown> = {}, seed?: number) {
  const r = compileDoc(baseDoc(over), seed);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('a standard Ubuntu 24.04 host', () => {
  const s = compiled();
  const w = s.worldAt(s.now);
  const byComm = (comm: string) => w.processes.filter((p) => p.comm === comm);

  it('runs systemd as pid 1 and the baseline services with their real titles', () => {
    expect(w.processes[0]).toMatchObject({
      pid: 1,
      comm: 'systemd',
      argv: ['/sbin/init'],
      ppid: 0,
    });
    expect(byComm('sshd')[0]?.title).toBe(
      'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
    );
    expect(byComm('cron')[0]?.argv).toEqual(['/usr/sbin/cron', '-f', '-P']);
    expect(byComm('rsyslogd')[0]?.argv).toEqual(['/usr/sbin/rsyslogd', '-n', '-iNONE']);
    const resolved = byComm('systemd-resolve')[0];
    expect(resolved?.uid).toBe(w.accounts.find((a) => a.name === 'systemd-resolve')?.uid);
  });

  it('adds lo, the connected routes, the gateway neighbour and traffic counters', () => {
    expect(w.interfaces.map((l) => `${l.index}:${l.name}`)).toEqual(['1:lo', '2:eth0']);
    const eth0 = w.interfaces[1];
    expect(
      eth0?.addresses.map((a) => `${a.address}/${a.prefix} ${a.broadcast ?? '-'} ${a.scope}`),
    ).toEqual(['10.20.0.7/24 10.20.0.255 global', `${eth0?.addresses[1]?.address}/64 - link`]);
    expect(eth0?.addresses[1]?.address).toMatch(/^fe80::/);
    expect(w.routes).toEqual([
      { family: 'inet', dst: 'default', via: '10.20.0.1', dev: 'eth0' },
      {
        family: 'inet',
        dst: '10.20.0.0/24',
        dev: 'eth0',
        proto: 'kernel',
        scope: 'link',
        src: '10.20.0.7',
      },
      {
        family: 'inet6',
        dst: 'fe80::/64',
        dev: 'eth0',
        proto: 'kernel',
        metric: 256,
        pref: 'medium',
      },
    ]);
    expect(w.neighbours.map((n) => n.address)).toEqual(['10.20.0.1']);
    expect(eth0?.stats.rxBytes).toBeGreaterThan(0);
    expect(w.interfaces[0]?.stats.rxBytes).toBe(w.interfaces[0]?.stats.txBytes);
  });

  it('holds UNIX sockets for journald, udev and dbus, also by pid 1', () => {
    const paths = w.unixSockets.map((u) => u.path);
    expect(paths).toContain('/run/systemd/journal/stdout');
    expect(paths).toContain('/run/dbus/system_bus_socket');
    const bus = w.unixSockets.find((u) => u.path === '/run/dbus/system_bus_socket');
    const holders = w.processes.filter((p) =>
      p.fds.some((f) => f.kind === 'unix' && f.target === bus?.inode),
    );
    expect(holders.map((p) => p.comm)).toEqual(['systemd', 'dbus-daemon']);
  });

  it('listens where a default install listens', () => {
    const listening = w.sockets
      .filter((x) => x.state === 'LISTEN' || x.state === 'UNCONN')
      .map((x) => `${x.proto} ${x.local.addr}:${x.local.port}`)
      .sort();
    expect(listening).toEqual([
      'tcp 0.0.0.0:22',
      'tcp 127.0.0.53:53',
      'tcp 127.0.0.54:53',
      'tcp :::22',
      'udp 127.0.0.53:53',
      'udp 127.0.0.54:53',
    ]);
  });

  it('holds every listener by a process fd with the same inode', () => {
    const inodes = new Set(
      w.processes.flatMap((p) => p.fds.filter((f) => f.kind === 'socket').map((f) => f.target)),
    );
    for (const sock of w.sockets) expect(inodes.has(sock.inode), sock.id).toBe(true);
  });

  it('gives the trainee a bash under sshd [priv] and session, and a socket from the jump host', () => {
    const shell = w.processes.find((p) => p.pid === s.trainee.shellPid);
    expect(shell).toMatchObject({ argv: ['-bash'], tty: s.trainee.tty, uid: s.trainee.uid });
    const session = w.processes.find((p) => p.pid === shell?.ppid);
    expect(session?.title).toBe(`sshd: analyst@${s.trainee.tty}`);
    const priv = w.processes.find((p) => p.pid === session?.ppid);
    expect(priv?.title).toBe('sshd: analyst [priv]');
    expect(priv?.ppid).toBe(byComm('sshd')[0]?.pid);
    const conn = w.sockets.find((x) => x.remote.addr === '192.0.2.10');
    expect(conn).toMatchObject({ state: 'ESTABLISHED', local: { addr: '10.20.0.7', port: 22 } });
    expect(priv?.fds.some((f) => f.target === conn?.inode)).toBe(true);
    expect(w.logins.find((l) => l.self)?.pid).toBe(priv?.pid);
  });

  it('logs cron.hourly every hour at :17 with the session lines, lazily over any window', () => {
    const day = w.logs(s.now - 86_400_000, s.now).filter((e) => e.ident === 'CRON');
    const cmds = day.filter((e) =>
      e.message.includes('CMD (cd / && run-parts --report /etc/cron.hourly)'),
    );
    expect(cmds.length).toBe(24);
    for (const e of cmds) expect(new Date(e.time).getUTCMinutes()).toBe(17);
    expect(
      day.some(
        (e) =>
          e.message === 'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
      ),
    ).toBe(true);
    expect(w.logs(s.now - 60_000, s.now).filter((e) => e.ident === 'CRON')).toEqual([]);
  });

  it('logs systemd timer runs and the trainee login', () => {
    const logs = w.logs(s.now - 86_400_000, s.now);
    expect(logs.some((e) => e.message === 'Starting logrotate.service - Rotate log files...')).toBe(
      true,
    );
    expect(
      logs.some((e) =>
        /^Accepted publickey for analyst from 192\.0\.2\.10 port \d+ ssh2: ED25519 SHA256:/.test(
          e.message,
        ),
      ),
    ).toBe(true);
    for (let i = 1; i < logs.length; i++)
      expect(logs[i]!.time).toBeGreaterThanOrEqual(logs[i - 1]!.time);
  });

  it('answers an open window from the history start, quickly', () => {
    const t0 = performance.now();
    const all = w.logs(-Infinity, s.now);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(all).toEqual(w.logs(s.historyStart, s.now));
    expect(w.logs(0, s.now)).toEqual(all);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const again = compiled().worldAt(s.now);
    expect(again.processes).toEqual(w.processes);
    expect(again.sockets).toEqual(w.sockets);
    const other = compiled({}, 99).worldAt(s.now);
    expect(other.processes.map((p) => p.pid)).not.toEqual(w.processes.map((p) => p.pid));
    expect(other.interfaces[1]?.mac).not.toBe(w.interfaces[1]?.mac);
  });

  it('compiles within the load budget (best of 30, to ride out a busy machine)', () => {
    let best = Infinity;
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      compiled({}, i);
      best = Math.min(best, performance.now() - t0);
    }
    // vars + schema + compile take about 2 ms on an idle laptop; the whole
    // load + validate budget is 20 ms.
    expect(best).toBeLessThan(20);
  });
});

describe('distribution differences', () => {
  it('uses /lib paths and systemd 249 wording on Ubuntu 22.04', () => {
    const s = compiled({ host: { ...(baseDoc().host as object), distro: 'ubuntu-22.04' } });
    const w = s.worldAt(s.now);
    expect(w.processes.find((p) => p.comm === 'systemd-journal')?.argv).toEqual([
      '/lib/systemd/systemd-journald',
    ]);
    const lines = w.logs(s.now - 86_400_000, s.now).map((e) => e.message);
    expect(lines).toContain(
      'pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)',
    );
    expect(lines).toContain('Starting Rotate log files...');
  });

  it('runs neither resolved nor rsyslog on Debian 12', () => {
    const s = compiled({ host: { ...(baseDoc().host as object), distro: 'debian-12' } });
    const w = s.worldAt(s.now);
    expect(w.processes.some((p) => p.comm === 'systemd-resolve' || p.comm === 'rsyslogd')).toBe(
      false,
    );
    expect(w.processes.find((p) => p.comm === 'cron')?.argv).toEqual(['/usr/sbin/cron', '-f']);
  });
});

describe('cron in the host time zone', () => {
  it('runs a 02:30 job at 02:30 Berlin time (01:30 UTC in December)', () => {
    const host = {
      ...(baseDoc().host as object),
      timezone: 'Europe/Berlin',
      cron: [{ schedule: '30 2 * * *', command: '/usr/local/bin/backup' }],
    };
    const s = compiled({ host });
    const runs = s
      .worldAt(s.now)
      .logs(s.now - 86_400_000, s.now)
      .filter((e) => e.message === '(root) CMD (/usr/local/bin/backup)');
    expect(runs.map((e) => new Date(e.time).toISOString().slice(11, 16))).toEqual(['01:30']);
  });
});

describe('catalogue services beyond the defaults', () => {
  it('bring their processes, listeners, UNIX sockets and accounts', () => {
    const services = ['systemd', 'ssh', 'apache2', 'mariadb', 'postgresql', 'containerd', 'docker'];
    const s = compiled({ host: { ...(baseDoc().host as object), services } });
    const w = s.worldAt(s.now);
    const listening = w.sockets
      .filter((x) => x.state === 'LISTEN')
      .map((x) => `${x.local.addr}:${x.local.port}${x.v6only === false ? ' dual' : ''}`);
    expect(listening).toEqual([
      '0.0.0.0:22',
      ':::22',
      ':::80 dual',
      '127.0.0.1:3306',
      '127.0.0.1:5432',
      '::1:5432',
    ]);
    expect(w.processes.filter((p) => p.comm === 'postgres').map((p) => p.title ?? 'main')).toEqual([
      'main',
      'postgres: 16/main: checkpointer',
      'postgres: 16/main: background writer',
      'postgres: 16/main: walwriter',
      'postgres: 16/main: autovacuum launcher',
      'postgres: 16/main: logical replication launcher',
    ]);
    expect(w.accounts.map((a) => a.name)).toEqual(expect.arrayContaining(['mysql', 'postgres']));
    expect(w.units.map((u) => u.name)).toContain('postgresql@16-main.service');
    expect(w.unixSockets.map((u) => u.path)).toContain('/run/docker.sock');
  });
});

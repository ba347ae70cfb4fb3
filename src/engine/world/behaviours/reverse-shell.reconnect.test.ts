import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../types';
import { compileText } from './testkit';

const text = flagship
  .replace('    detached: true\n', '    detached: true\n    reconnect_after: 5m\n');

describe('reverse-shell with reconnect_after', () => {
  const c = compileText(text);
  const rs = c.byId('revshell', 'reverse-shell');
  const now = c.base.now;
  const kill: WorldEvent = { type: 'kill', at: now + 10_000, pid: rs.pids[2]!, signal: 9 };

  it('comes back with new pids and a new connection after the delay', () => {
    expect(rs.reconnectAfter).toBe(300_000);
    const gap = c.at(now + 60_000, [kill]);
    expect(gap.processes.some((p) => p.origin === 'revshell')).toBe(false);
    const back = c.at(now + 10_000 + 300_000 + 20_000, [kill]);
    const chain = back.processes.filter((p) => p.origin === 'revshell');
    const r = rs.respawns[0]!;
    const first = chain[0]!.pid;
    expect(chain.map((p) => p.pid)).toEqual([first, first + 1, first + 2, first + 3]);
    // Forked after everything before it: larger than every earlier process's pid.
    const earlier = back.processes.filter((p) => p.startTime < chain[0]!.startTime);
    expect(Math.max(...earlier.map((p) => p.pid))).toBeLessThan(first);
    expect(chain[0]!.ppid).toBe(1);
    const sock = back.sockets.find((s) => s.inode === r.inode);
    expect([sock?.state, sock?.remote]).toEqual(['ESTABLISHED', rs.to]);
    expect(new Set(chain.map((p) => p.pid)).has(rs.pids[2]!)).toBe(false);
  });

  it('does not come back when the firewall already blocks the C2', () => {
    const drop: WorldEvent = { type: 'firewall', at: now + 5_000, table: 'filter',
      op: { kind: 'append', chain: 'OUTPUT', rule: { destination: rs.to.addr, target: 'DROP', packets: 0, bytes: 0 } } };
    const w = c.at(now + 10_000 + 300_000 + 20_000, [drop, kill]);
    expect(w.processes.some((p) => p.origin === 'revshell')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState, Process, Socket } from '../../world/types';
import { ssTool } from './ss';
import { netstatTool } from '../netstat/netstat';
import { lsofTool } from '../lsof/lsof';
import { procNetTcp } from '../procnet/procnet';

/** web01 plus `count` established sockets held by count/4 processes, 4 fds each. */
function busyWorld(count = 10_000): HostState {
  const w = web01();
  const template = w.sockets.find((s) => s.id === 'login1') as Socket;
  for (let i = 0; i < count; i++) {
    w.sockets.push({
      ...template,
      id: `busy${i}`,
      inode: 100_000 + i,
      sk: 0x1000 + i,
      local: { addr: '10.10.0.5', port: 10_000 + (i % 50_000) },
      remote: { addr: `198.51.${(i >> 8) & 255}.${i & 255}`, port: 443 },
      timer: undefined,
    });
  }
  const base = w.processes.find((p) => p.pid === 22719) as Process;
  for (let j = 0; j < count / 4; j++) {
    const fds = [0, 1, 2, 3].map((k) => ({
      fd: 3 + k,
      kind: 'socket' as const,
      target: 100_000 + j * 4 + k,
      mode: 'u' as const,
    }));
    w.processes.push({ ...base, pid: 30_000 + j, comm: 'curl', fds });
  }
  return w;
}

/**
 * The machine running the tests may be shared and loaded. A reference
 * workload (100,000 short strings, about 5 ms on a laptop) measures how much
 * slower this machine is right now; budgets scale by that factor, never
 * below 1, so the 50 ms bar holds on an idle laptop and the test does not
 * fail only because the CI box is busy. Linearity is checked separately.
 */
function slowdown(): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const a: string[] = [];
    for (let i = 0; i < 100_000; i++) a.push(`x${i}`.padEnd(12) + String(i % 7));
    best = Math.min(best, performance.now() - t0 + a.length * 0);
  }
  return Math.max(1, best / 5);
}

/** The fastest of five runs (after a warm-up): load spikes only ever add time. */
function timed(fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ctx = (world: HostState, argv: string[]) => ({
  argv,
  stdin: '',
  world,
  uid: 0,
  user: 'root',
  cwd: '/',
  env: new Map(),
  shellPid: 1,
});

describe('busy host', { timeout: 120_000 }, () => {
  const world = busyWorld();

  it('ss -tanp with 10,000 sockets stays well under 50 ms', () => {
    let lines = 0;
    const ms = timed(() => {
      lines = ssTool.run(ctx(world, ['ss', '-tanp'])).stdout.split('\n').length;
    });
    const f = slowdown();
     
    console.log(
      `ss -tanp, 10,000 sockets: ${ms.toFixed(1)} ms (machine slowdown x${f.toFixed(1)})`,
    );
    expect(lines).toBe(1 + 10 + 10_000 + 1);
    expect(ms).toBeLessThan(50 * f);
  });

  it('ss with a filter, netstat -antp, lsof -i and /proc/net/tcp stay fast', () => {
    const f = slowdown();
    const filter = 'dst 198.51.0.0/16 and dport = :443';
    expect(timed(() => ssTool.run(ctx(world, ['ss', '-tn', filter])))).toBeLessThan(50 * f);
    expect(timed(() => netstatTool.run(ctx(world, ['netstat', '-antp'])))).toBeLessThan(50 * f);
    expect(timed(() => lsofTool.run(ctx(world, ['lsof', '-nP', '-i'])))).toBeLessThan(80 * f);
    expect(timed(() => procNetTcp(world, 'inet'))).toBeLessThan(50 * f);
  });

  it('grows linearly: 10x the sockets costs well under 30x the time', () => {
    const small = busyWorld(1_000);
    const tSmall = timed(() => ssTool.run(ctx(small, ['ss', '-tanp'])));
    const tBig = timed(() => ssTool.run(ctx(world, ['ss', '-tanp'])));
    expect(tBig / tSmall).toBeLessThan(30);
  });
});

import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import type { Flow, HostState, Socket } from '../types';
import { compiledOnce } from './flagship.fixture';

const same = (f: Flow, s: Socket) => {
  const out = f.orig.src === s.local.addr && f.orig.sport === s.local.port
    && f.orig.dst === s.remote.addr && f.orig.dport === s.remote.port;
  const inb = f.orig.src === s.remote.addr && f.orig.sport === s.remote.port
    && f.orig.dst === s.local.addr && f.orig.dport === s.local.port;
  return out || inb;
};

function check(w: HostState, ids: Set<string>) {
  const live = w.sockets.filter((s) => ids.has(s.id) && s.proto === 'tcp' && s.state === 'ESTABLISHED'
    && s.local.addr !== '127.0.0.1');
  for (const s of live) {
    const f = w.flows.filter((x) => x.proto === 'tcp' && same(x, s));
    expect(f, `${s.id} ${s.local.port}->${s.remote.port}`).toHaveLength(1);
    expect(f[0]!.state).toBe('ESTABLISHED');
    expect(f[0]!.assured).toBe(true);
    const i = s.info!;
    const idle = Math.min(i.lastsnd, i.lastrcv, i.lastack);
    expect(f[0]!.timeout, s.id).toBeLessThanOrEqual(432_000 - Math.floor(idle / 1000));
    expect(f[0]!.timeout, s.id).toBeGreaterThanOrEqual(432_000 - Math.ceil(idle / 1000) - 1);
  }
  return live.length;
}

describe('every live TCP connection of the timeline has its conntrack entry', () => {
  const c = compiledOnce(flagship);
  const ids = new Set(c.timeline.map((b) => b.id));
  const login = c.byId('attacker-login', 'ssh-login');

  it('holds the attacker\'s inbound SSH session as ESTABLISHED [ASSURED]', () => {
    const w = c.at(login.at + 60_000);
    const s = w.sockets.find((x) => x.id === login.id)!;
    expect(s.local.port).toBe(22);
    const f = w.flows.find((x) => same(x, s))!;
    expect(f.orig).toEqual({ src: login.from, dst: s.local.addr, sport: login.fromPort, dport: 22 });
    expect(check(w, ids)).toBeGreaterThanOrEqual(1);
  });

  it('agrees with ss at many moments', () => {
    let seen = 0;
    for (let t = c.base.now - 86_400_000; t <= c.base.now; t += 97_777) seen += check(c.at(t), ids);
    seen += check(c.at(c.base.now), ids);
    expect(seen).toBeGreaterThan(50);
  });
});

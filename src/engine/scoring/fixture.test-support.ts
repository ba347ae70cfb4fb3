/**
 * A small seeded scenario for the scoring tests: the captured web01 host
 * with the attacker's address, the C2 address and port, the pids and a
 * beacon's interval drawn from the seed, and a `worldAt` that applies kills
 * and firewall changes. It stands in for the flagship until that loads.
 */
import { web01 } from '../../../test/fixtures/web01';
import type { CompiledScenario, EntityRef } from '../scenario/types';
import { applyFirewallOp, applyUfwOp } from '../world/firewall';
import { stream } from '../world/ids';
import type { HostState, Packet, Socket, WorldEvent } from '../world/types';
import type { ScenarioView } from './values';

export interface SeededFixture extends ScenarioView {
  meta: CompiledScenario['meta'];
  seed: number;
  attacker: string;
  c2: string;
  c2Port: number;
  interval: number;
  shift: number;
}

const meta: CompiledScenario['meta'] = {
  id: 'fixture', title: 'Fixture <web01>', summary: '', difficulty: 'beginner',
  estimatedMinutes: 10, attack: [], briefing: '', passingScore: 70,
};

function retarget(world: HostState, from: string[], to: string[], shift: number): HostState {
  const { logs, packets, ...data } = world;
  let text = JSON.stringify(data);
  from.forEach((f, i) => { text = text.split(f).join(to[i] as string); });
  const out = JSON.parse(text) as Omit<HostState, 'logs' | 'packets'>;
  for (const p of out.processes) {
    if (p.pid > 1000) p.pid += shift;
    if (p.ppid > 1000) p.ppid += shift;
  }
  return { ...out, logs, packets };
}

function beaconSocket(c2: string, at: number, n: number): Socket {
  return {
    id: `beacon-${n}`, inode: 60000 + n, sk: 0x100 + n, proto: 'tcp', family: 'inet',
    state: 'TIME-WAIT', local: { addr: '10.10.0.5', port: 41000 + n },
    remote: { addr: c2, port: 443 }, recvQ: 0, sendQ: 0, uid: 0, createdAt: at,
  };
}

function apply(world: HostState, e: WorldEvent): HostState {
  switch (e.type) {
    case 'kill': {
      const processes = world.processes.filter((p) => p.pid !== e.pid);
      const held = new Set(processes.flatMap((p) => p.fds.map((f) => f.target)));
      const sockets = world.sockets.filter((s) => s.state === 'LISTEN' || s.state === 'TIME-WAIT' || held.has(s.inode));
      return { ...world, processes, sockets };
    }
    case 'firewall':
      return { ...world, firewall: applyFirewallOp(world.firewall, e.table, e.op) };
    case 'ufw':
      return { ...world, firewall: applyUfwOp(world.firewall, e.op) };
    default:
      return world;
  }
}

export function fixture(seed: number): SeededFixture {
  const rng = stream(seed, 'scoring-fixture');
  const attacker = `203.0.113.${rng.int(2, 254)}`;
  const c2 = `198.51.100.${rng.int(2, 254)}`;
  const c2Port = rng.int(1025, 9000);
  const interval = rng.int(30, 300);
  const shift = rng.int(0, 40000);
  const base = retarget(web01(), ['203.0.113.45', '198.51.100.23', ':4444', '/4444'],
    [attacker, c2, `:${c2Port}`, `/${c2Port}`], shift);
  base.sockets = base.sockets.map((s) => (s.id === 'revshell' ? { ...s, remote: { addr: c2, port: c2Port } } : s));
  const now = base.now;
  base.sockets.push(beaconSocket(c2, now - 5_000, 1));
  const synTimes = Array.from({ length: 12 }, (_, k) => now - 5_000 - k * interval * 1000);
  const syns: Packet[] = synTimes.reverse().map((time) => ({
    time, iface: 'eth0', family: 'inet', proto: 'tcp', src: '10.10.0.5', dst: c2,
    sport: 41000, dport: 443, flags: 'S', length: 0,
  }));
  const world: HostState = { ...base, packets: (from, to) => syns.filter((p) => p.time >= from && p.time < to) };
  const ref = (id: string, pids: number[], inodes: number[]): [string, EntityRef] =>
    [id, { id, kind: 'x', at: now - 3_600_000, pids: pids.map((p) => p + shift), inodes }];
  const entities = new Map<string, EntityRef>([
    ref('login', [22709], [46692]),
    ref('revshell', [22713], [47830]),
    ref('exfil', [22719], [47975]),
    ref('backdoor', [22572], [46636]),
    ref('beacon', [], [60001]),
  ]);
  // Timeline order for the order question: login, backdoor, revshell, exfil.
  const order = ['login', 'backdoor', 'revshell', 'exfil'];
  order.forEach((id, i) => {
    const e = entities.get(id) as EntityRef;
    entities.set(id, { ...e, at: now - 600_000 + i * 60_000 + (seed % 7) * 1000 });
  });
  const vars = new Map<string, string | number>([['attacker_ip', attacker], ['c2_ip', c2], ['c2_port', c2Port]]);
  return {
    meta, seed, attacker, c2, c2Port, interval, shift, now, entities, vars,
    worldAt: (t, actions = []) => actions.filter((a) => a.at <= t).reduce(apply, { ...world, now: t }),
  };
}

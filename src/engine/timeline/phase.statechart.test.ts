import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compiledOnce } from '../world/behaviours/flagship.fixture';
import type { WorldEvent } from '../world/types';
import { attackMachine } from './machine';
import { phaseAt, phaseFunction, phaseInput } from './phase';

const text = flagship;

describe('the attack statechart', () => {
  const c = compiledOnce(text);
  const input = phaseInput(c.base, c.timeline);
  const now = c.base.now;
  const login = c.byId('attacker-login', 'ssh-login');
  const rs = c.byId('revshell', 'reverse-shell');
  const b = c.byId('beacon', 'beacon');
  const ex = c.byId('exfil', 'exfil');
  const c2 = `${c.vars.get('c2_addr')}`;

  it('walks the phases with the clock', () => {
    expect(phaseAt(input, now - 20 * 3_600_000)).toBe('quiet');
    expect(phaseAt(input, login.at - 1)).toBe('quiet');
    expect(phaseAt(input, login.at)).toBe('initial-access');
    expect(phaseAt(input, rs.at)).toBe('command-and-control');
    expect(phaseAt(input, b.at + 60_000)).toBe('command-and-control');
    expect(phaseAt(input, ex.at)).toBe('exfiltration');
    expect(phaseAt(input, now)).toBe('exfiltration');
    expect(phaseAt(input, ex.until! + 1)).toBe('command-and-control');
  });

  it('settles in the same phases when run as an actor fed TICKs', () => {
    const seen: string[] = [];
    const actor = createActor(attackMachine, { input });
    actor.subscribe((s) => { if (seen.at(-1) !== s.value) seen.push(String(s.value)); });
    actor.start();
    for (const t of [login.at, rs.at, ex.at, now]) actor.send({ type: 'TICK', t });
    actor.stop();
    expect(seen).toEqual(['quiet', 'initial-access', 'command-and-control', 'exfiltration']);
    // execution and C2 start together with the reverse shell: the eventless
    // transitions go through execution within one step
  });

  it('reaches containment only when every channel is cut', () => {
    const at = now + 60_000;
    const kill = (pid: number, signal = 9, when = at): WorldEvent => ({ type: 'kill', at: when, pid, signal });
    const cron: WorldEvent = { type: 'crontab-remove', at, user: b.user };
    const shellOnly = [kill(rs.pids[2]!)];
    expect(phaseAt(input, at + 1000, shellOnly)).toBe('exfiltration');
    const all = [kill(rs.pids[2]!), kill(ex.pids[1]!), cron];
    expect(phaseAt(input, at + 1000, all)).toBe('containment');
    expect(phaseAt(input, at - 1000, all)).toBe('exfiltration');
  });

  it('counts a firewall block of the C2 as containment', () => {
    const drop: WorldEvent = { type: 'firewall', at: now + 30_000, table: 'filter',
      op: { kind: 'insert', chain: 'OUTPUT', position: 1,
        rule: { destination: c2, target: 'DROP', packets: 0, bytes: 0 } } };
    expect(phaseAt(input, now + 29_000, [drop])).toBe('exfiltration');
    expect(phaseAt(input, now + 31_000, [drop])).toBe('containment');
    const accept: WorldEvent = { type: 'firewall', at: now + 40_000, table: 'filter',
      op: { kind: 'delete', chain: 'OUTPUT', position: 1 } };
    expect(phaseAt(input, now + 41_000, [drop, accept])).not.toBe('containment');
  });

  it('is also offered as a function of (t, actions)', () => {
    const phase = phaseFunction(c.base, c.timeline);
    expect([phase(login.at - 1), phase(now)]).toEqual(['quiet', 'exfiltration']);
  });

  it('ignores signals that do not end the process', () => {
    const term: WorldEvent = { type: 'kill', at: now, pid: rs.pids[2]!, signal: 15 };
    expect(phaseAt(input, now + 1, [term])).toBe('exfiltration');
  });
});

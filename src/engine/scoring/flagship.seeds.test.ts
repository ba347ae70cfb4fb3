import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '../world/types';
import { createGrader } from './grader';
import { initialState, submitAnswer, totals, type ScoreState } from './grade';
import { flagship, shellPid, type Flagship } from './flagship.test-support';

/** What a trainee who read this world correctly types, from the vars and the world. */
function rightAnswers(fx: Flagship): Record<string, string> {
  const v = (name: string) => String(fx.vars.get(name));
  const world = fx.worldAt(fx.now);
  const c2 = v('c2_addr');
  const holders = world.processes
    .filter((p) => p.fds.some((f) => f.kind === 'socket' && world.sockets.some(
      (s) => s.inode === f.target && s.remote.addr === c2 && s.state === 'ESTABLISHED')))
    .map((p) => p.pid);
  return {
    'should-connect-out': 'no', 'process-uses-network': 'redirected',
    'destination-expected': 'unexplained', timing: 'regular', 'data-leaving': 'yes',
    'attacker-ip': v('attacker_addr'),
    'victim-account': v('victim_user'),
    'shell-endpoint': `${c2}:${v('shell_port')}`,
    'shell-pid': String(shellPid(world)),
    'beacon-process': '/usr/bin/curl',
    'beacon-interval': '1 minute',
    'beacon-destination': `[::ffff:${c2}]:${v('beacon_port')}`,
    'exfil-destination': `${c2}:${v('exfil_port')}`,
    'c2-sockets': [...new Set(holders)].reverse().join(', '),
    sequence: 'attacker-login, revshell, beacon, exfil',
  };
}

function containment(fx: Flagship): WorldEvent[] {
  const c2 = String(fx.vars.get('c2_addr'));
  const world = fx.worldAt(fx.now);
  const at = fx.now + 1000;
  const pids = world.processes.filter((p) => p.origin === 'revshell' || p.origin === 'exfil').map((p) => p.pid);
  return [
    { type: 'firewall', at, table: 'filter',
      op: { kind: 'insert', chain: 'OUTPUT', position: 1, rule: { destination: c2, target: 'DROP', packets: 0, bytes: 0 } } },
    ...pids.map((pid): WorldEvent => ({ type: 'kill', at, pid, signal: 9 })),
  ];
}

function answerAll(fx: Flagship, answers: Record<string, string>, actions: WorldEvent[] = []): ScoreState {
  const g = createGrader(fx, fx.questions);
  let s = initialState(g);
  for (const [question, value] of Object.entries(answers)) {
    s = submitAnswer(g, s, { question, value, at: fx.now + 2000 }, actions).state;
  }
  return s;
}

const seed = fc.integer({ min: 0, max: 0xffffffff });

describe('the flagship under any seed', () => {
  it('grades the right answers right, response actions included', { timeout: 60_000 }, () => {
    fc.assert(fc.property(seed, (n) => {
      const fx = flagship(n);
      const answers = { ...rightAnswers(fx), 'end-c2-connections': 'done', 'block-c2': 'done' };
      const s = answerAll(fx, answers, containment(fx));
      const wrong = s.questions.filter((q) => q.status !== 'right').map((q) => `${q.id}: ${q.attempts[0]?.message}`);
      expect(wrong, `seed ${n}`).toEqual([]);
      expect(totals(createGrader(fx, fx.questions), s).percent).toBe(100);
    }), { numRuns: 5 });
  });

  it("does not grade another seed's answers right", { timeout: 60_000 }, () => {
    fc.assert(fc.property(seed, seed, (a, b) => {
      fc.pre(a !== b);
      const mine = flagship(a);
      const own = rightAnswers(mine);
      const theirs = rightAnswers(flagship(b));
      const differing = Object.entries(theirs).filter(([id, value]) => own[id] !== value);
      const s = answerAll(mine, Object.fromEntries(differing));
      for (const [id] of differing) {
        expect(s.questions.find((q) => q.id === id)?.status, `${id}: seed ${b}'s answer under seed ${a}`).not.toBe('right');
      }
    }), { numRuns: 5 });
  });

  it('does not pass the response checks before the trainee acts', () => {
    const fx = flagship(7);
    const s = answerAll(fx, { 'end-c2-connections': 'done', 'block-c2': 'done' });
    expect(s.questions.filter((q) => q.attempts.length > 0).map((q) => q.status)).toEqual(['open', 'open']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGrader } from './grader';
import { initialState, submitAnswer } from './grade';
import { fixture, type SeededFixture } from './fixture.test-support';

const questions = [
  { id: 'attacker_ip', prompt: 'p', kind: 'ip', answer: { fact: 'remote_address', of: 'login' } },
  { id: 'shell_ep', prompt: 'p', kind: 'endpoint', answer: { fact: 'remote_endpoint', of: 'revshell' } },
  { id: 'shell_pid', prompt: 'p', kind: 'pid', answer: { fact: 'pid', of: 'revshell' } },
  { id: 'interval', prompt: 'p', kind: 'duration', answer: { fact: 'interval', of: 'beacon' }, tolerance: 0 },
];

/** What a trainee who read the world of this fixture would type. */
function answersOf(fx: SeededFixture): Record<string, string> {
  return {
    attacker_ip: fx.attacker,
    shell_ep: `${fx.c2}:${fx.c2Port}`,
    shell_pid: String(22713 + fx.shift),
    interval: `${fx.interval}s`,
  };
}

function grade(fx: SeededFixture, id: string, value: string): string {
  const g = createGrader(fx, questions);
  return submitAnswer(g, initialState(g), { question: id, value, at: fx.now }).reply.kind;
}

describe('answers follow the seed', () => {
  it('the right answer under any seed grades right', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
      const fx = fixture(seed);
      for (const [id, value] of Object.entries(answersOf(fx))) {
        expect(grade(fx, id, value), `${id} under seed ${seed}`).toBe('right');
      }
    }), { numRuns: 60 });
  });

  it("another seed's answer does not", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (a, b) => {
        fc.pre(a !== b);
        const mine = fixture(a);
        const theirs = answersOf(fixture(b));
        const own = answersOf(mine);
        for (const [id, value] of Object.entries(theirs)) {
          if (value === own[id]) continue; // the seeds happened to draw the same value
          expect(grade(mine, id, value), `${id}: seed ${b}'s answer under seed ${a}`).toBe('wrong');
        }
      }), { numRuns: 60 });
  });
});

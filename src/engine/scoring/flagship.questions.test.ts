import { describe, expect, it } from 'vitest';
import { createGrader } from './grader';
import { flagship } from './flagship.test-support';

describe('the flagship questions', () => {
  const fx = flagship(20261204);
  const grader = createGrader(fx, fx.questions);

  it('are all answerable from the world', () => {
    expect(grader.issues).toEqual([]);
    expect(grader.questions.every((g) => g.expected !== null)).toBe(true);
  });

  it("include the analyst's mindset, the facts and the response actions", () => {
    const ids = grader.questions.map((g) => g.question.id);
    expect(ids).toEqual(expect.arrayContaining([
      'should-connect-out', 'process-uses-network', 'destination-expected', 'timing',
      'attacker-ip', 'shell-endpoint', 'shell-pid', 'beacon-process', 'beacon-interval',
      'data-leaving', 'exfil-destination', 'end-c2-connections', 'block-c2',
    ]));
    const kinds = new Set(grader.questions.map((g) => g.question.kind));
    expect([...kinds].sort()).toEqual(['choice', 'duration', 'endpoint', 'ip', 'order', 'pid', 'process', 'set', 'state', 'text']);
  });

  it('give no seeded value away in a prompt, option or hint', () => {
    const secrets = [...fx.vars.values()].map(String).filter((v) => v.length > 3);
    for (const g of grader.questions) {
      const shown = JSON.stringify([g.question.prompt, 'options' in g.question ? g.question.options : [], g.question.hints]);
      for (const s of secrets) expect(shown, g.question.id).not.toContain(s);
    }
  });
});

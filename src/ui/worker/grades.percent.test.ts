import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../engine/scenario/load';
import type { SessionEvent } from '../../engine/session/types';
import { Grades } from './grades';

const FLAGSHIP = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');

describe('the score in percent', () => {
  it('is the same whole number on the questions panel, in the report, its JSON and its page', () => {
    const loaded = loadScenario(FLAGSHIP, { seed: 3 });
    if (!loaded.ok) throw new Error('the flagship does not load');
    const scenario = loaded.scenario;
    const at = scenario.now;
    const log: SessionEvent[] = [
      { type: 'answer', at, question: 'timing', value: 'regular' },
      { type: 'answer', at, question: 'should-connect-out', value: 'no' },
    ];
    const grades = new Grades(scenario, log);
    const score = grades.view().score;
    const { report, json, html } = grades.report(log);
    expect(score.earned).toBe(10);
    // 10 of the flagship's points is not a whole percent: the figure is rounded down.
    const exact = (score.earned / score.possible) * 100;
    expect(Number.isInteger(exact)).toBe(false);
    expect(score.percent).toBe(Math.floor(exact));
    expect(report.totals.percent).toBe(score.percent);
    expect((JSON.parse(json) as { totals: { percent: number } }).totals.percent).toBe(score.percent);
    expect(html).toContain(`(${score.percent}%; ${score.passingScore}% needed)`);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../engine/scenario/load';
import { Grades } from './grades';
import { questionViews, untouchedView } from './question-views';

const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);

describe('the questions before the scoring engine loads', () => {
  for (const file of FILES) {
    it(`${file}: show what the scoring engine shows of an untouched lab`, () => {
      for (const seed of [1, 7, 90210]) {
        const loaded = loadScenario(readFileSync(file, 'utf8'), { seed });
        if (!loaded.ok) throw new Error(`${file} does not load`);
        const grades = new Grades(loaded.scenario);
        expect(questionViews(loaded.scenario.questions)).toEqual(grades.questions());
        expect(untouchedView(loaded.scenario)).toEqual(grades.view());
        expect(untouchedView(loaded.scenario).score.possible).toBeGreaterThan(0);
      }
    });
  }
});

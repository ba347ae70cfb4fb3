import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAhead } from './ahead';
import { loadFromData } from './load-data';
import { loadScenario } from './load';
import type { LoadResult } from './types';

const FILES = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
  'test/golden/web01.yaml',
];

/** What a load gives that a lab reads: the scenario's facts and its world at three moments. */
function summary(result: LoadResult) {
  if (!result.ok) return { diagnostics: result.diagnostics };
  const { scenario } = result;
  const hour = 3600 * 1000;
  return {
    meta: scenario.meta, seed: scenario.seed, now: scenario.now, trainee: scenario.trainee,
    questions: scenario.questions, warnings: result.warnings,
    worlds: [scenario.now, scenario.now - hour, scenario.now - 20 * hour].map((t) => {
      const { logs, packets, ...state } = scenario.worldAt(t, []);
      // The log and the wire as they read over the last day.
      return { ...state, logs: logs(t - 24 * hour, t), packets: packets(t - 2 * hour, t) };
    }),
  };
}

/** As the build ships it: through JSON. */
const shipped = (text: string): unknown => JSON.parse(JSON.stringify(parseAhead(text)));

describe('loading from data parsed ahead of time', () => {
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    it(`${file} gives what loading its text gives, for several seeds`, () => {
      expect(parseAhead(text)).toBeDefined();
      for (const seed of [1, 7, 424242]) {
        const fromData = loadFromData(shipped(text), seed);
        expect(fromData).toBeDefined();
        expect(summary(fromData!)).toEqual(summary(loadScenario(text, { seed })));
      }
    });
  }

  it('a scenario with problems is left to the whole loader, which positions them', () => {
    const text = readFileSync(FILES[0]!, 'utf8');
    const broken = text.replace(/^title: .*$/m, 'title: [1, 2]');
    expect(loadFromData(shipped(broken), 7)).toBeUndefined();
    expect(loadScenario(broken, { seed: 7 }).ok).toBe(false);
  });

  it('data that is not what parsing gives is not trusted', () => {
    for (const data of [null, 'text', [1, 2], { id: 42 }]) expect(loadFromData(data, 7)).toBeUndefined();
  });

  it('text that does not parse cleanly is not parsed ahead', () => {
    expect(parseAhead('a: [1,')).toBeUndefined();
    expect(parseAhead('id: x\nid: y\n')).toBeUndefined();
    expect(parseAhead('n: .inf\n')).toBeUndefined();
  });
});

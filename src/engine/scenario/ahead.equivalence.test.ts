import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AHEAD_SEEDS, checkAhead } from './ahead';
import { loadChecked } from './load-data';
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
      const { logs, packets, ...rest } = scenario.worldAt(t, []);
      // The world's other lazy parts are read through the tools; its data is compared here.
      const state = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v !== 'function'));
      // The log and the wire as they read over the last day.
      return { ...state, logs: logs(t - 24 * hour, t), packets: packets(t - 2 * hour, t) };
    }),
  };
}

/** As the build ships it: through JSON. */
const shipped = (text: string): unknown => JSON.parse(JSON.stringify(checkAhead(text)));

describe('loading a scenario checked ahead of time', () => {
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    // Seeds the build's own check did not use, as well as ones it did.
    it(`${file} gives what loading its text gives, for several seeds`, () => {
      expect(checkAhead(text)).toBeDefined();
      for (const seed of [1, 7, 424242, 99, 123_456_789, 3_000_000_001]) {
        const fromData = loadChecked(shipped(text), seed);
        expect(fromData).toBeDefined();
        expect(summary(fromData!)).toEqual(summary(loadScenario(text, { seed })));
      }
    });
  }

  it('keeps each var reference where it was written, and fills in what the schema defaults', () => {
    const text = readFileSync(FILES[0]!, 'utf8');
    const checked = shipped(text) as { timeline: Record<string, unknown>[] };
    const revshell = checked.timeline.find((e) => e.id === 'revshell')!;
    expect(revshell.to).toBe('${c2_addr}:${shell_port}');
    const beacon = checked.timeline.find((e) => e.id === 'beacon')!;
    expect(beacon.user).toBe('${victim_user}');
    // Written nowhere in the file: the schema's default.
    expect(checked.timeline.find((e) => e.id === 'attacker-login')).toMatchObject({ pty: true, key_type: 'ED25519' });
  });

  it('is not shipped when the schema would give back a different document for some draws', () => {
    // A choice var whose values the schema accepts for some seeds only.
    const vars = 'vars:\n  proto: { kind: choice, choices: [https, gopher] }\n';
    const text = readFileSync(FILES[0]!, 'utf8').replace(/^vars:\n/m, vars)
      .replace(/^    protocol: https$/m, '    protocol: "${proto}"');
    expect(text).toContain('protocol: "${proto}"');
    const draws = AHEAD_SEEDS.map((seed) => loadScenario(text, { seed }).ok);
    expect(draws).toContain(true);
    expect(draws).toContain(false);
    expect(checkAhead(text)).toBeUndefined();
  });

  it('is not shipped when a question cannot be answered from the world', () => {
    const text = readFileSync(FILES[0]!, 'utf8').replace('answer: { fact: user, of: revshell }', 'answer: { fact: user, of: exfil-destination }');
    expect(text).toContain('of: exfil-destination }');
    expect(loadScenario(text, { seed: 7 }).ok).toBe(false);
    expect(checkAhead(text)).toBeUndefined();
  });

  it('a scenario with problems is left to the whole loader, which positions them', () => {
    const text = readFileSync(FILES[0]!, 'utf8');
    const broken = text.replace(/^title: .*$/m, 'title: [1, 2]');
    expect(checkAhead(broken)).toBeUndefined();
    expect(loadScenario(broken, { seed: 7 }).ok).toBe(false);
  });

  it('data that is not a checked document opens nothing, and never throws', () => {
    for (const data of [null, 'text', [1, 2], { id: 42 }, { vars: 'x' }]) expect(loadChecked(data, 7)).toBeUndefined();
  });

  it('text that does not parse cleanly is not checked ahead', () => {
    expect(checkAhead('a: [1,')).toBeUndefined();
    expect(checkAhead('id: x\nid: y\n')).toBeUndefined();
    expect(checkAhead('n: .inf\n')).toBeUndefined();
  });
});

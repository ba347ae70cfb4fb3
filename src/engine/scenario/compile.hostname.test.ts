import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadScenario } from './load';

it("the compiled scenario's hostname is the one every world has", () => {
  for (const file of ['scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'test/golden/web01.yaml']) {
    const loaded = loadScenario(readFileSync(file, 'utf8'), { seed: 3 });
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const { scenario } = loaded;
    for (const t of [scenario.historyStart, scenario.now - 60_000, scenario.now]) {
      expect(scenario.worldAt(t, []).host.hostname).toBe(scenario.hostname);
    }
  }
});

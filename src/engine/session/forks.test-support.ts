/** The flagship scenario, compiled, and what the tests of forks.ts read from it. */
// Test support only: it runs under Vitest in Node, never in the lab.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/load';
import type { CompiledScenario } from '../scenario/types';
import type { WorldEvent } from '../world/types';
import type { SessionEvent } from './types';

const text = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

export function flagship(seed = 7): CompiledScenario {
  const loaded = loadScenario(text, { seed });
  if (!loaded.ok) throw new Error('the flagship does not load');
  return loaded.scenario;
}

/** The world events of a log, as the grader applies them. */
export const actionsOf = (log: readonly SessionEvent[]): WorldEvent[] =>
  log.flatMap((e) => (e.type === 'world' ? [e.event] : []));

/** The pids the next `n` processes forked at `at` get, given the log so far. */
export function nextPids(s: CompiledScenario, at: number, log: readonly SessionEvent[], n: number): number[] {
  return s.worldAt(at, actionsOf(log)).nextPids!(n);
}

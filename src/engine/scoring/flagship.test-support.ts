/**
 * The flagship scenario for the scoring tests, through the real loader once
 * it compiles, else through the timeline testkit (same world, no positions).
 */
// Test support only: it runs under Vitest in Node, never in the lab.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadScenario } from '../scenario/load';
import { scenarioSchema } from '../scenario/schema';
import type { CompiledScenario } from '../scenario/types';
import { resolveVars } from '../scenario/vars';
import { timelineEntities } from '../world/behaviours';
import { compileText } from '../world/behaviours/testkit';
import type { HostState } from '../world/types';

export const FLAGSHIP_TEXT = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

export type Flagship = Pick<CompiledScenario, 'entities' | 'vars' | 'now' | 'worldAt' | 'questions' | 'seed'>
  & { meta?: CompiledScenario['meta'] };

function questionsOf(seed: number): CompiledScenario['questions'] {
  const doc = scenarioSchema.safeParse(resolveVars(parse(FLAGSHIP_TEXT), seed).value);
  if (!doc.success) throw new Error(doc.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return doc.data.questions;
}

export function flagship(seed: number): Flagship {
  const loaded = loadScenario(FLAGSHIP_TEXT, { seed });
  if (loaded.ok) return loaded.scenario;
  const c = compileText(FLAGSHIP_TEXT, seed);
  return {
    seed,
    now: c.base.now,
    vars: c.vars,
    entities: new Map(timelineEntities(c.timeline).map((e) => [e.id, e])),
    worldAt: c.at,
    questions: questionsOf(seed),
  };
}

/** The reverse shell's pid as an analyst reads it: the bash with fd 0 on a socket. */
export function shellPid(world: HostState): number | undefined {
  return world.processes.find((p) => p.origin === 'revshell'
    && p.fds.some((f) => f.fd === 0 && f.kind === 'socket'))?.pid;
}

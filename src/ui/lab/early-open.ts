/**
 * The lab's engine, started by the entry script before React renders: the
 * worker loads and compiles the scenario on the other core while the page
 * builds itself, instead of after. Only a fresh session starts early; a
 * saved one opens the usual way, since its save is checked first.
 */
import { parseRoute } from '../route';
import { loadSave } from '../storage/lab-storage';
import { EngineClient } from '../worker/client';
import type { OpenOutcome } from '../worker/protocol';

export interface EarlyLab {
  client: EngineClient;
  opening: Promise<OpenOutcome>;
}

let early: (EarlyLab & { scenarioId: string; seed: number }) | undefined;

export function openEarly(hash: string): void {
  const route = parseRoute(hash);
  if (route.page !== 'lab' || loadSave(route.scenarioId, route.seed).status !== 'none') return;
  const { scenarioId, seed } = route;
  const client = new EngineClient();
  const opening = client.request({ type: 'open', scenarioId, seed });
  // Whoever takes it handles a failure; one left untaken must not report it.
  opening.catch(() => undefined);
  early = { scenarioId, seed, client, opening };
}

/** The engine started early for this lab, handed out once. */
export function takeEarly(scenarioId: string, seed: number): EarlyLab | undefined {
  const taken = early;
  early = undefined;
  if (taken?.scenarioId === scenarioId && taken.seed === seed) return taken;
  taken?.client.dispose();
  return undefined;
}

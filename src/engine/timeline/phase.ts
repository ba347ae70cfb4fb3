/**
 * The phase of the attack at a simulated time, for the UI and the scorer:
 * a pure function that runs the statechart (machine.ts) from its initial
 * state through one TICK per trainee action (in time order) and a last TICK
 * at t, without starting an actor.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { BaseHost } from '../world/base-types';
import type { CompiledBehaviour } from '../world/behaviours/types';
import type { WorldEvent } from '../world/types';
import { phaseTimes } from './channels';
import { attackMachine, type Phase, type PhaseInput } from './machine';

export type PhaseSnapshot = SnapshotFrom<typeof attackMachine>;

/** The machine's input for a compiled scenario. */
export function phaseInput(base: BaseHost, timeline: readonly CompiledBehaviour[]): PhaseInput {
  return { evaluate: (actions) => phaseTimes(base, timeline, actions), t: base.historyStart };
}

/** Runs the machine to time t with the actions taken so far. */
export function phaseSnapshot(input: PhaseInput, t: number, actions: readonly WorldEvent[] = []): PhaseSnapshot {
  let [snap] = initialTransition(attackMachine, input);
  const done = [...actions].filter((a) => a.at <= t).sort((a, b) => a.at - b.at);
  for (const a of done) {
    [snap] = transition(attackMachine, snap, { type: 'TICK', t: a.at });
    [snap] = transition(attackMachine, snap, { type: 'ACTION', event: a });
  }
  [snap] = transition(attackMachine, snap, { type: 'TICK', t });
  return snap;
}

export function phaseAt(input: PhaseInput, t: number, actions: readonly WorldEvent[] = []): Phase {
  return phaseSnapshot(input, t, actions).value as Phase;
}

/** The phase as a function of (t, actions) for one compiled scenario. */
export function phaseFunction(
  base: BaseHost, timeline: readonly CompiledBehaviour[],
): (t: number, actions?: readonly WorldEvent[]) => Phase {
  const input = phaseInput(base, timeline);
  return (t, actions = []) => phaseAt(input, t, actions);
}

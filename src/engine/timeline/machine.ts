/**
 * The attack's phases as a statechart (XState v5). The machine is driven
 * by the simulated clock (TICK with the time) and by the trainee's actions
 * (ACTION with the world event); the times at which each phase begins come
 * from the scenario (channels.ts) and are re-evaluated when an action
 * arrives, so killing the shell and blocking the C2 moves it to
 * containment. Phases follow MITRE ATT&CK tactics.
 *
 *   quiet -> initial-access -> execution -> command-and-control
 *         <-> exfiltration;  any attack phase -> containment (and back, if
 *         the attacker gets through again)
 */
import { assign, setup } from 'xstate';
import type { WorldEvent } from '../world/types';
import type { PhaseTimes } from './channels';

export const PHASES = [
  'quiet', 'initial-access', 'execution', 'command-and-control', 'exfiltration', 'containment',
] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseInput {
  /** Phase times for a list of actions (the scenario bound in). */
  evaluate(actions: readonly WorldEvent[]): PhaseTimes;
  /** Start time (usually the history start). */
  t: number;
  actions?: readonly WorldEvent[];
}

interface Ctx {
  evaluate: PhaseInput['evaluate'];
  t: number;
  actions: readonly WorldEvent[];
  times: PhaseTimes;
}

export type PhaseEvent =
  | { type: 'TICK'; t: number }
  | { type: 'ACTION'; event: WorldEvent };

type Mark = 'initialAccess' | 'execution' | 'commandAndControl' | 'exfilStart';

export const attackMachine = setup({
  types: { context: {} as Ctx, events: {} as PhaseEvent, input: {} as PhaseInput },
  guards: {
    reached: ({ context }, params: { mark: Mark }) => context.t >= context.times[params.mark],
    exfilRunning: ({ context: c }) => c.t >= c.times.exfilStart && c.t < c.times.exfilEnd,
    exfilOver: ({ context: c }) => c.t >= c.times.exfilEnd,
    contained: ({ context: c }) => c.times.contained(c.t),
    notContained: ({ context: c }) => !c.times.contained(c.t),
  },
  actions: {
    tick: assign({ t: ({ context, event }) => (event.type === 'TICK' ? event.t : context.t) }),
    act: assign(({ context, event }) => {
      if (event.type !== 'ACTION') return {};
      const actions = [...context.actions, event.event];
      return { actions, times: context.evaluate(actions) };
    }),
  },
}).createMachine({
  id: 'attack',
  initial: 'quiet',
  context: ({ input }) => {
    const actions = input.actions ?? [];
    return { evaluate: input.evaluate, t: input.t, actions, times: input.evaluate(actions) };
  },
  on: {
    TICK: { actions: 'tick' },
    ACTION: { actions: 'act' },
  },
  states: {
    quiet: {
      always: { guard: { type: 'reached', params: { mark: 'initialAccess' } }, target: 'initial-access' },
    },
    'initial-access': {
      always: [
        { guard: 'contained', target: 'containment' },
        { guard: { type: 'reached', params: { mark: 'execution' } }, target: 'execution' },
      ],
    },
    execution: {
      always: [
        { guard: 'contained', target: 'containment' },
        { guard: { type: 'reached', params: { mark: 'commandAndControl' } }, target: 'command-and-control' },
      ],
    },
    'command-and-control': {
      always: [
        { guard: 'contained', target: 'containment' },
        { guard: 'exfilRunning', target: 'exfiltration' },
      ],
    },
    exfiltration: {
      always: [
        { guard: 'contained', target: 'containment' },
        { guard: 'exfilOver', target: 'command-and-control' },
      ],
    },
    containment: {
      always: { guard: 'notContained', target: 'command-and-control' },
    },
  },
});

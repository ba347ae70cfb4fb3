/** The attack's statechart and the phase at a time. */
export { PHASES, attackMachine, type Phase, type PhaseEvent, type PhaseInput } from './machine';
export { phaseAt, phaseFunction, phaseInput, phaseSnapshot, type PhaseSnapshot } from './phase';
export { channelCut, channelLive, phaseTimes, type PhaseTimes } from './channels';

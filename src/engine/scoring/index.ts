/**
 * The scoring engine's public API: questions in the scenario format, their
 * answers resolved against the world, pure grading actions, the report.
 */
export { questionSchema, answerRefSchema, TACTICS } from './schema';
export type { Question, QuestionInput, QuestionKind, Tactic } from './schema';
export { FACTS, FACT_NAMES, factDef } from './facts';
export type { FactDef, FactName } from './facts';
export { STATE_CHECKS, STATE_CHECK_NAMES } from './state';
export type { StateCheckName } from './state';
export { createGrader, checkQuestions, compiledGrader } from './grader';
export type { Grader, GradedQuestion } from './grader';
export {
  initialState, submitAnswer, takeHint, replayLog, totals,
} from './grade';
export type {
  AnswerReply, Attempt, HintReply, QuestionProgress, ScoreState, Totals,
} from './grade';
export { findEvidence } from './evidence';
export type { Evidence } from './evidence';
export { buildReport, reportJson, TACTIC_NAMES } from './report';
export type { QuestionReport, Report, TacticGroup } from './report';
export { reportHtml, escapeHtml } from './report-html';
export { checkAnswerInput, MAX_ANSWER_BYTES } from './normalise';
export { KIND_WORDS } from './match';
export type { ScenarioView, Value } from './values';
export { factTableMarkdown, stateCheckMarkdown } from './reference';

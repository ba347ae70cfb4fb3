/**
 * The report of a case: per question what was asked, answered and expected,
 * right or wrong, points, hints, attempts, time and evidence; the totals
 * against the passing score; the commands run; all grouped by ATT&CK
 * tactic. A pure function of the grader and the session log, so the lab,
 * the CLI and the tests build the same report. `reportJson` and
 * `reportHtml` (report-html.ts) render it.
 */
import type { SessionEvent } from '../session/types';
import { findEvidence, type Evidence } from './evidence';
import { replayLog, totals, type Attempt, type ScoreState, type Totals } from './grade';
import type { Grader, GradedQuestion } from './grader';
import type { Expectation } from './resolve';
import type { Tactic } from './schema';
import { optionIds } from './parse';
import { STATE_CHECKS } from './state';
import { showValue } from './values';

export interface QuestionReport {
  id: string;
  prompt: string;
  kind: string;
  tactic: Tactic;
  attack: string[];
  status: 'right' | 'wrong' | 'open' | 'unanswered';
  /** The last answer given, or null; for a question with options, their texts. */
  answered: string | null;
  /** The option ids of that answer (in the given order), for machines; null without options. */
  answeredIds: string[] | null;
  expected: string;
  /** The option ids expected (in order for an order question); null without options. */
  expectedIds: string[] | null;
  points: number;
  maxPoints: number;
  hints: { index: number; text: string; cost: number; at: string }[];
  attempts: Attempt[];
  attemptsAllowed: number;
  /** When the question closed (or was last answered), ISO 8601. */
  answeredAt: string | null;
  /** Simulated milliseconds from the start of the case to that moment. */
  elapsedMs: number | null;
  evidence: Evidence;
  /**
   * Right, but the trainee's own output never showed the value (not set when
   * the log did not keep all of a long output: the value may have been there).
   */
  withoutEvidence: boolean;
  shownBy: string | null;
  explanation: string | null;
}

export interface TacticGroup {
  tactic: Tactic;
  name: string;
  questions: string[];
  points: number;
  maxPoints: number;
}

export interface Report {
  scenario: { id: string; title: string; seed: number | null };
  totals: Totals;
  questions: QuestionReport[];
  tactics: TacticGroup[];
  commands: { at: string; line: string; exitCode: number }[];
}

export const TACTIC_NAMES: Record<Tactic, string> = {
  reconnaissance: 'Reconnaissance (TA0043)',
  'resource-development': 'Resource Development (TA0042)',
  'initial-access': 'Initial Access (TA0001)',
  execution: 'Execution (TA0002)',
  persistence: 'Persistence (TA0003)',
  'privilege-escalation': 'Privilege Escalation (TA0004)',
  'defense-evasion': 'Defense Evasion (TA0005)',
  'credential-access': 'Credential Access (TA0006)',
  discovery: 'Discovery (TA0007)',
  'lateral-movement': 'Lateral Movement (TA0008)',
  collection: 'Collection (TA0009)',
  'command-and-control': 'Command and Control (TA0011)',
  exfiltration: 'Exfiltration (TA0010)',
  impact: 'Impact (TA0040)',
  triage: 'Triage: the analyst\'s questions',
  response: 'Response actions',
};

const iso = (ms: number): string => {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
};

type OptionQuestion = Extract<GradedQuestion['question'], { options: unknown }>;

const optionText = (q: OptionQuestion, id: string): string => q.options.find((o) => o.id === id)?.text ?? id;

/** How a list of options reads: in order with `>`, else with commas. */
const joinOptions = (q: OptionQuestion, ids: readonly string[]): string =>
  ids.map((id) => optionText(q, id)).join(q.kind === 'order' ? ' > ' : ', ');

/** The ids an answer to a question with options names, or null when it names none. */
function answerIds(q: GradedQuestion['question'], value: string): string[] | null {
  if (!('options' in q)) return null;
  const ids = optionIds(q.options, value, q.kind === 'order');
  return ids && ids.length > 0 ? ids : null;
}

function expectedIds(g: GradedQuestion): string[] | null {
  const e = g.expected;
  if (!e || e.mode !== 'value' || !('options' in g.question)) return null;
  const v = e.value;
  if (v.type === 'text') return [v.text];
  if (v.type === 'order') return [...v.ids];
  if (v.type === 'set') return v.items.flatMap((i) => (i.type === 'text' ? [i.text] : []));
  return null;
}

function describeExpected(g: GradedQuestion): string {
  const e: Expectation | null = g.expected;
  if (!e) return '(cannot be graded: the world does not produce this answer)';
  if (e.mode === 'pattern') return `text matching /${e.source}/`;
  if (e.mode === 'state') {
    const p = e.params;
    const about = [p.of?.id, p.address, p.port].filter((x) => x !== undefined).join(' ');
    return `${STATE_CHECKS[e.check].description}${about ? ` (${about})` : ''}`;
  }
  const ids = expectedIds(g);
  return ids && ids.length > 0 && 'options' in g.question ? joinOptions(g.question, ids) : showValue(e.value);
}

function statusOf(p: ScoreState['questions'][number]): QuestionReport['status'] {
  if (p.status === 'right') return 'right';
  if (p.status === 'failed') return 'wrong';
  return p.attempts.length > 0 ? 'open' : 'unanswered';
}

function questionReport(
  g: GradedQuestion, p: ScoreState['questions'][number], log: readonly SessionEvent[], start: number,
): QuestionReport {
  const q = g.question;
  const last = p.attempts[p.attempts.length - 1];
  const at = p.closedAt ?? last?.at;
  // Unanswered: whether the output had shown it by the end of the session.
  const evidence = findEvidence(g.expected, log, last ? last.at : Infinity);
  const ids = last ? answerIds(q, last.value) : null;
  return {
    id: q.id,
    prompt: q.prompt,
    kind: q.kind,
    tactic: q.tactic,
    attack: [...q.attack],
    status: statusOf(p),
    answered: last ? (ids && 'options' in q ? joinOptions(q, ids) : last.value) : null,
    answeredIds: ids,
    expected: describeExpected(g),
    expectedIds: expectedIds(g),
    points: p.points,
    maxPoints: g.expected ? q.points : 0,
    hints: p.hints.map((h) => ({
      index: h.index, text: q.hints[h.index]?.text ?? '', cost: h.cost, at: iso(h.at),
    })),
    attempts: [...p.attempts],
    attemptsAllowed: q.attempts,
    answeredAt: at === undefined ? null : iso(at),
    elapsedMs: at === undefined ? null : at - start,
    evidence,
    withoutEvidence: p.status === 'right' && evidence.status === 'not-shown' && !evidence.cut,
    shownBy: g.shownBy ?? null,
    explanation: q.explanation?.why ?? null,
  };
}

function groupByTactic(questions: QuestionReport[]): TacticGroup[] {
  const groups = new Map<Tactic, TacticGroup>();
  for (const q of questions) {
    let g = groups.get(q.tactic);
    if (!g) {
      g = { tactic: q.tactic, name: TACTIC_NAMES[q.tactic], questions: [], points: 0, maxPoints: 0 };
      groups.set(q.tactic, g);
    }
    g.questions.push(q.id);
    g.points += q.points;
    g.maxPoints += q.maxPoints;
  }
  return [...groups.values()];
}

/** Builds the report from the session log (the score is replayed from it). */
export function buildReport(grader: Grader, log: readonly SessionEvent[], state?: ScoreState): Report {
  const score = state ?? replayLog(grader, log);
  const start = grader.scenario.now;
  const questions = grader.questions.map((g, i) =>
    questionReport(g, score.questions[i] ?? { id: g.question.id, status: 'open', attempts: [], hints: [], points: 0 }, log, start));
  const meta = grader.scenario.meta;
  return {
    scenario: { id: meta?.id ?? '', title: meta?.title ?? '', seed: grader.scenario.seed ?? null },
    totals: totals(grader, score),
    questions,
    tactics: groupByTactic(questions),
    commands: log
      .filter((e): e is Extract<SessionEvent, { type: 'command' }> => e.type === 'command')
      .map((c) => ({ at: iso(c.at), line: c.line, exitCode: c.exitCode })),
  };
}

/** The report as JSON text, for export. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

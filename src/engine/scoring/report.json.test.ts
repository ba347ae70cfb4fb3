import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { createGrader } from './grader';
import { buildReport, reportJson } from './report';
import { fixture } from './fixture.test-support';

const fx = fixture(3);
const t = fx.now;
const grader = createGrader(fx, [
  { id: 'attacker_ip', prompt: 'Where from?', kind: 'ip', tactic: 'initial-access', attack: ['T1078'],
    answer: { fact: 'remote_address', of: 'login' }, hints: [{ text: 'who', cost: 3 }],
    explanation: { why: 'The login source is the first pivot.' } },
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', tactic: 'command-and-control', answer: { var: 'c2_ip' } },
  { id: 'outbound', prompt: 'Outbound?', kind: 'choice', options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }],
    answer: { value: 'no' } },
  { id: 'unasked', prompt: 'Never answered', kind: 'port', tactic: 'command-and-control', answer: { var: 'c2_port' } },
]);

const log: SessionEvent[] = [
  { type: 'command', at: t + 1000, line: 'who', exitCode: 0, output: `deploy pts/0 2026-12-04 13:28 (${fx.attacker})\n` },
  { type: 'hint', at: t + 1500, question: 'attacker_ip', index: 0 },
  { type: 'answer', at: t + 2000, question: 'attacker_ip', value: fx.attacker },
  { type: 'answer', at: t + 3000, question: 'c2_ip', value: fx.c2 },
  { type: 'command', at: t + 4000, line: 'ss -tnp', exitCode: 0, output: `ESTAB 0 0 10.10.0.5:54880 ${fx.c2}:${fx.c2Port}\n` },
  { type: 'answer', at: t + 5000, question: 'outbound', value: 'no' },
];

describe('report', () => {
  const report = buildReport(grader, log);

  it('has totals against the passing score', () => {
    expect(report.totals).toEqual({
      points: 27, max: 40, percent: 67, passingScore: 70, passed: false, answered: 3, right: 3,
    });
  });

  it('reports each question with evidence', () => {
    const [ip, c2, outbound, unasked] = report.questions;
    expect(ip).toMatchObject({
      status: 'right', answered: fx.attacker, expected: fx.attacker, points: 7, maxPoints: 10,
      attemptsAllowed: 3, elapsedMs: 2000, answeredAt: new Date(t + 2000).toISOString(),
      evidence: { status: 'shown', command: 'who', at: t + 1000 }, withoutEvidence: false,
      shownBy: 'ss -tnp', explanation: 'The login source is the first pivot.',
    });
    expect(ip?.hints).toEqual([{ index: 0, text: 'who', cost: 3, at: new Date(t + 1500).toISOString() }]);
    // The C2 address was answered before ss showed it: flagged.
    expect(c2).toMatchObject({ status: 'right', evidence: { status: 'not-shown' }, withoutEvidence: true });
    expect(outbound).toMatchObject({ expected: 'No', evidence: { status: 'not-applicable' }, withoutEvidence: false });
    expect(unasked).toMatchObject({ status: 'unanswered', answered: null, answeredAt: null, points: 0 });
  });

  it('groups by tactic and lists the commands in order', () => {
    expect(report.tactics.map((g) => [g.tactic, g.questions, g.points, g.maxPoints])).toEqual([
      ['initial-access', ['attacker_ip'], 7, 10],
      ['command-and-control', ['c2_ip', 'unasked'], 10, 20],
      ['triage', ['outbound'], 10, 10],
    ]);
    expect(report.commands.map((c) => c.line)).toEqual(['who', 'ss -tnp']);
  });

  it('round-trips as JSON', () => {
    expect(JSON.parse(reportJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

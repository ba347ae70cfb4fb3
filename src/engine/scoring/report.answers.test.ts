import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { createGrader } from './grader';
import { buildReport, reportJson } from './report';
import { reportHtml } from './report-html';
import { fixture } from './fixture.test-support';

const fx = fixture(4);
const t = fx.now;
const grader = createGrader(fx, [
  { id: 'outbound', prompt: 'Outbound?', kind: 'choice', attempts: 1,
    options: [{ id: 'yes', text: 'Yes: it calls out' }, { id: 'no', text: 'No: it only answers' }],
    answer: { value: 'no' } },
  { id: 'signs', prompt: 'Which?', kind: 'choices',
    options: [{ id: 'a', text: 'Shell on a socket' }, { id: 'b', text: 'Printer' }, { id: 'c', text: 'Bytes leaving' }],
    answer: { value: ['a', 'c'] } },
  { id: 'sequence', prompt: 'Order?', kind: 'order', attempts: 1, answer: { fact: 'chronological' },
    options: [{ id: 'exfil', text: 'The upload' }, { id: 'login', text: 'The login' },
      { id: 'revshell', text: 'The shell' }, { id: 'backdoor', text: 'The backdoor' }] },
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', answer: { var: 'c2_ip' } },
]);

const log: SessionEvent[] = [
  { type: 'answer', at: t + 1000, question: 'outbound', value: 'yes' },
  { type: 'answer', at: t + 2000, question: 'signs', value: 'c, a' },
  { type: 'answer', at: t + 3000, question: 'sequence', value: 'backdoor,login,revshell,exfil' },
  { type: 'answer', at: t + 4000, question: 'c2_ip', value: fx.c2 },
];

describe('the trainee\'s answers in the report', () => {
  const report = buildReport(grader, log);
  const byId = new Map(report.questions.map((q) => [q.id, q]));

  it('reads as the options\' texts, in the order given, with the ids beside them', () => {
    expect(byId.get('outbound')).toMatchObject({
      answered: 'Yes: it calls out', answeredIds: ['yes'], expected: 'No: it only answers', expectedIds: ['no'],
    });
    expect(byId.get('signs')).toMatchObject({
      answered: 'Bytes leaving, Shell on a socket', answeredIds: ['c', 'a'], expectedIds: ['a', 'c'],
    });
    expect(byId.get('sequence')).toMatchObject({
      answered: 'The backdoor > The login > The shell > The upload',
      answeredIds: ['backdoor', 'login', 'revshell', 'exfil'],
      expected: 'The login > The backdoor > The shell > The upload',
      expectedIds: ['login', 'backdoor', 'revshell', 'exfil'],
    });
  });

  it('keeps other answers as given, with no ids', () => {
    expect(byId.get('c2_ip')).toMatchObject({ answered: fx.c2, answeredIds: null, expectedIds: null });
  });

  it('shows the texts, not the ids, in the printable page', () => {
    const html = reportHtml(report);
    expect(html).toContain('<td class="mono">Yes: it calls out</td>');
    expect(html).toContain('<td class="mono">The backdoor &gt; The login &gt; The shell &gt; The upload</td>');
    expect(html).not.toContain('backdoor,login');
  });

  it('keeps the ids in the JSON for machines', () => {
    const json = JSON.parse(reportJson(report)) as { questions: { id: string; answeredIds: string[] | null }[] };
    expect(json.questions.find((q) => q.id === 'sequence')?.answeredIds).toEqual(['backdoor', 'login', 'revshell', 'exfil']);
  });
});

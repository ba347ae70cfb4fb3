import { describe, expect, it } from 'vitest';
import { evidenceText, formatElapsed, reportFileName, statusWord } from './report-format';
import type { QuestionReport } from '../../engine/scoring/report';

describe('report text', () => {
  it('prints elapsed simulated time', () => {
    expect(formatElapsed(null)).toBe('—');
    expect(formatElapsed(-1)).toBe('—');
    expect(formatElapsed(45_900)).toBe('45 s');
    expect(formatElapsed(723_000)).toBe('12 min 03 s');
    expect(formatElapsed(3_720_000)).toBe('1 h 02 min');
  });

  it('names statuses and export files', () => {
    expect(statusWord('unanswered')).toBe('not answered');
    expect(reportFileName('case', 7, 'json')).toBe('outbound-report-case-seed7.json');
    expect(reportFileName('case', null, 'html')).toBe('outbound-report-case.html');
  });

  it('names every command credited as evidence, and a value that may have been cut', () => {
    const q = (evidence: QuestionReport['evidence'], withoutEvidence = false) => ({ evidence, withoutEvidence }) as QuestionReport;
    const shown = { status: 'shown' as const, command: 'sudo ss -tnp', at: 1,
      commands: [{ command: 'sudo ss -tnp', at: 1 }, { command: 'ps -ef', at: 2 }] };
    expect(evidenceText(q(shown))).toBe('shown by sudo ss -tnp, ps -ef');
    expect(evidenceText(q({ status: 'not-shown', cut: true }))).toBe('not shown in what the log kept of the output');
    expect(evidenceText(q({ status: 'not-shown' }, true))).toBe('never shown: right without evidence');
    expect(evidenceText(q({ status: 'not-applicable' }))).toBe('not a printed value');
  });
});

import { describe, expect, it } from 'vitest';
import { formatElapsed, reportFileName, statusWord } from './report-format';

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
});

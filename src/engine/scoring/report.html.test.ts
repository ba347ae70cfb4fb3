import { describe, expect, it } from 'vitest';
import { createGrader } from './grader';
import { buildReport } from './report';
import { escapeHtml, reportHtml } from './report-html';
import { fixture } from './fixture.test-support';

const fx = fixture(5);
const evil = '<script>alert("x")</script>';
const grader = createGrader(fx, [
  { id: 'q1', prompt: `Which ${evil}?`, kind: 'text', answer: { pattern: 'ok' },
    hints: [{ text: `<img src=x onerror=alert(1)>`, cost: 1 }],
    explanation: { command: 'ss -tnp & <b>', why: `"quoted" & ${evil}` } },
]);

describe('printable report', () => {
  const html = reportHtml(buildReport(grader, [
    { type: 'command', at: fx.now, line: `echo ${evil}`, exitCode: 0, output: evil },
    { type: 'hint', at: fx.now, question: 'q1', index: 0 },
    { type: 'answer', at: fx.now + 1, question: 'q1', value: `${evil} ok` },
  ]));

  it('escapes every scenario and trainee string', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Which &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;?');
    expect(html).toContain('<code>echo &lt;script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;script&gt;');
    expect(html).toContain('<title>Report: Fixture &lt;web01&gt;</title>');
  });

  it('is a whole page with a no-script policy', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Commands run, in order');
  });

  it('escapes the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

/**
 * The report at the end of a case, as React text (never raw HTML): totals
 * and verdict, each question, the tactics, the commands. "Export JSON" and
 * "Printable page" download what the scoring engine rendered.
 */
import { useEffect, useRef } from 'react';
import type { QuestionReport, Report } from '../../engine/scoring';
import type { ReportReply } from '../worker/protocol';
import { evidenceText, formatElapsed, reportFileName, statusWord } from './report-format';

function download(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportView({ reply, onClose }: { reply: ReportReply; onClose: () => void }) {
  const { report } = reply;
  // It replaces the questions (the last answer, or Finish): the focus goes to its title.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const t = report.totals;
  const name = (ext: string) => reportFileName(report.scenario.id, report.scenario.seed, ext);
  return (
    <section className="report" aria-labelledby="report-title" data-testid="report">
      <h2 id="report-title" tabIndex={-1} ref={title}>
        Report
      </h2>
      <p className="report-verdict" data-passed={t.passed}>
        {t.passed ? 'Passed' : 'Not passed'}: {t.points} of {t.max} points ({t.percent}%; {t.passingScore}% needed) ·{' '}
        {t.right} right of {t.answered} answered
      </p>
      <div className="report-actions">
        <button type="button" onClick={() => download(reply.json, 'application/json', name('json'))}>
          Export JSON
        </button>
        <button type="button" onClick={() => download(reply.html, 'text/html', name('html'))}>
          Printable page
        </button>
        <button type="button" onClick={onClose}>
          Back to the questions
        </button>
      </div>
      <Tactics report={report} />
      <Commands report={report} />
    </section>
  );
}

function Tactics({ report }: { report: Report }) {
  const byId = new Map(report.questions.map((q) => [q.id, q]));
  return (
    <>
      {report.tactics.map((g) => (
        <section key={g.tactic} className="report-tactic" aria-label={g.name}>
          <h3>
            {g.name} · {g.points}/{g.maxPoints}
          </h3>
          <ol className="report-questions">
            {g.questions.map((id) => {
              const q = byId.get(id);
              return q ? <QuestionRow key={id} q={q} /> : null;
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

function QuestionRow({ q }: { q: QuestionReport }) {
  return (
    <li className={`report-question report-${q.status}`} data-question={q.id} data-status={q.status}>
      <div className="question-prompt">{q.prompt}</div>
      <dl className="report-facts">
        <dt>Result</dt>
        <dd>
          {statusWord(q.status)} · {q.points}/{q.maxPoints} points
        </dd>
        <dt>Answered</dt>
        <dd>{q.answered === null ? '—' : <code>{q.answered}</code>}</dd>
        <dt>Expected</dt>
        <dd>
          <code>{q.expected}</code>
        </dd>
        <dt>Attempts</dt>
        <dd>
          {q.attempts.length} of {q.attemptsAllowed}
        </dd>
        <dt>Hints</dt>
        <dd>{q.hints.length ? q.hints.map((h) => `${h.index + 1} (−${h.cost})`).join(', ') : 'none'}</dd>
        <dt>Time</dt>
        <dd>{formatElapsed(q.elapsedMs)}</dd>
        <dt>Evidence</dt>
        <dd data-evidence={q.withoutEvidence ? 'missing' : q.evidence.status}>{evidenceText(q)}</dd>
      </dl>
    </li>
  );
}

function Commands({ report }: { report: Report }) {
  return (
    <section className="report-commands" aria-labelledby="report-commands-title">
      <h3 id="report-commands-title">Commands run ({report.commands.length})</h3>
      <ol>
        {report.commands.map((c, i) => (
          <li key={i}>
            <code>{c.line}</code>
            {c.exitCode !== 0 && ` (exit ${c.exitCode})`}
          </li>
        ))}
      </ol>
    </section>
  );
}

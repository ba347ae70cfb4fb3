/**
 * The report as a printable, self-contained HTML page. Every string that
 * comes from the scenario or the trainee goes through `escapeHtml`; the page
 * carries no script and a policy that would forbid one.
 */
import type { QuestionReport, Report } from './report';

const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Text to HTML text or attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A tagged template that escapes every interpolated value. */
function html(strings: TemplateStringsArray, ...values: (string | number | Raw)[]): Raw {
  let out = strings[0] as string;
  values.forEach((v, i) => {
    out += v instanceof Raw ? v.text : escapeHtml(v);
    out += strings[i + 1] as string;
  });
  return new Raw(out);
}

/** Markup already built (and escaped) by `html`. */
class Raw {
  constructor(readonly text: string) {}
}

const join = (parts: Raw[]): Raw => new Raw(parts.map((p) => p.text).join(''));

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #111; margin: 2em; }
h1 { font-size: 1.5em; margin: 0 0 .2em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eee; } code, .mono { font-family: ui-monospace, monospace; }
.right { color: #05620f; } .wrong { color: #a40000; } .flag { color: #8a4b00; font-weight: 600; }
.pass { color: #05620f; font-weight: 700; } .fail { color: #a40000; font-weight: 700; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

const STATUS: Record<QuestionReport['status'], string> = {
  right: 'right', wrong: 'wrong', open: 'not finished', unanswered: 'not answered',
};

function evidenceCell(q: QuestionReport): Raw {
  const e = q.evidence;
  if (e.status === 'shown') {
    return html`shown by ${join(e.commands.map((c, i) => html`${i > 0 ? ', ' : ''}<code>${c.command}</code>`))}`;
  }
  if (e.status === 'not-applicable') return html`n/a`;
  if (q.withoutEvidence) return html`<span class="flag">answered without evidence</span>`;
  return e.cut ? html`not shown in what the log kept of the output` : html`not shown`;
}

function questionRow(q: QuestionReport): Raw {
  const hints = q.hints.length === 0 ? '0' : `${q.hints.length} (−${q.hints.reduce((s, h) => s + h.cost, 0)})`;
  const cls = q.status === 'right' ? 'right' : q.status === 'wrong' ? 'wrong' : '';
  return html`<tr>
<td>${q.prompt}<br><small class="mono">${q.id} · ${q.kind}${q.attack.length ? ` · ${q.attack.join(', ')}` : ''}</small></td>
<td class="mono">${q.answered ?? '—'}</td>
<td class="mono">${q.expected}</td>
<td class="${cls}">${STATUS[q.status]}</td>
<td>${q.points} / ${q.maxPoints}</td>
<td>${hints}</td>
<td>${q.attempts.length} / ${q.attemptsAllowed}</td>
<td>${q.answeredAt ?? '—'}</td>
<td>${evidenceCell(q)}</td>
<td>${q.shownBy ? html`<code>${q.shownBy}</code>` : html``}${q.explanation ? html`<br>${q.explanation}` : html``}</td>
</tr>`;
}

const HEAD = html`<tr><th>Question</th><th>Answered</th><th>Expected</th><th>Result</th>
<th>Points</th><th>Hints</th><th>Attempts</th><th>Time</th><th>Evidence</th><th>How to see it</th></tr>`;

function tacticSection(report: Report, tactic: Report['tactics'][number]): Raw {
  const rows = tactic.questions
    .map((id) => report.questions.find((q) => q.id === id))
    .filter((q): q is QuestionReport => q !== undefined)
    .map(questionRow);
  return html`<h2>${tactic.name} — ${tactic.points} / ${tactic.maxPoints}</h2>
<table><thead>${HEAD}</thead><tbody>${join(rows)}</tbody></table>`;
}

function commandList(report: Report): Raw {
  if (report.commands.length === 0) return html`<p>No commands were run.</p>`;
  const items = report.commands.map(
    (c) => html`<li><span class="mono">${c.at}</span> <code>${c.line}</code>${c.exitCode !== 0 ? ` (exit ${c.exitCode})` : ''}</li>`);
  return html`<ol>${join(items)}</ol>`;
}

/** The whole page. */
export function reportHtml(report: Report): string {
  const t = report.totals;
  const verdict = t.passed ? html`<span class="pass">PASS</span>` : html`<span class="fail">FAIL</span>`;
  const seed = report.scenario.seed === null ? '' : ` · seed ${report.scenario.seed}`;
  const flagged = report.questions.filter((q) => q.withoutEvidence).length;
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Report: ${report.scenario.title}</title><style>${new Raw(STYLE)}</style></head>
<body>
<h1>${report.scenario.title}</h1>
<p class="mono">${report.scenario.id}${seed}</p>
<p>${verdict} ${t.points} of ${t.max} points (${t.percent}%; ${t.passingScore}% needed) ·
${t.right} of ${report.questions.length} right · ${flagged} right without evidence</p>
${join(report.tactics.map((g) => tacticSection(report, g)))}
<h2>Commands run, in order</h2>
${commandList(report)}
</body></html>
`;
  return page.text;
}

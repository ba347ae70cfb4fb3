/** Small pure helpers for the report view. */
import type { QuestionReport } from '../../engine/scoring';

/** `1 h 02 min`, `12 min 03 s`, `45 s`; a dash for no time. */
export function formatElapsed(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${pad(Math.floor(s / 60) % 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${s} s`;
}

const STATUS_WORDS: Record<QuestionReport['status'], string> = {
  right: 'right', wrong: 'wrong', open: 'open', unanswered: 'not answered',
};
export const statusWord = (status: QuestionReport['status']): string => STATUS_WORDS[status];

/** What the evidence column says. */
export function evidenceText(q: QuestionReport): string {
  const e = q.evidence;
  // Every credited command, as the printable report names them.
  if (e.status === 'shown') return `shown by ${e.commands.map((c) => c.command).join(', ')}`;
  if (e.status === 'not-applicable') return 'not a printed value';
  if (q.withoutEvidence) return 'never shown: right without evidence';
  return e.cut ? 'not shown in what the log kept of the output' : 'not shown';
}

/** The file names the exports download as. */
export const reportFileName = (id: string, seed: number | null, ext: string): string =>
  `outbound-report-${id}${seed === null ? '' : `-seed${seed}`}.${ext}`;

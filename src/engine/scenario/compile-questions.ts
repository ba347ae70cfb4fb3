/**
 * The compile step's check of the questions: the scoring engine's checks of
 * everything that costs nothing (vars, literals, options, patterns, state
 * checks), and for facts of the world their references only (the fact
 * exists, gives the question's kind of value, its entity, var, address and
 * port exist). Resolving a fact reads the world at many moments (tens of ms
 * on the flagship); the grader does it when the lab starts.
 */
import { factDef } from '../scoring/facts';
import { resolveMatcher } from '../scoring/feedback';
import { bad, resolveParams, type Outcome } from '../scoring/resolve';
import { resolveQuestion } from '../scoring/resolve-question';
import type { FactRef, Question } from '../scoring/schema';
import type { ScenarioView } from '../scoring/values';
import type { PathIssue } from './issues';

type Path = (string | number)[];

const ACCEPTS: Record<string, readonly string[]> = {
  ip: ['ip'], endpoint: ['endpoint'], port: ['port'], pid: ['pid'], process: ['process'],
  duration: ['duration'], number: ['number', 'port', 'pid'], set: ['set'], text: ['text'],
};

function factRefIssue(view: ScenarioView, ref: FactRef, want: string | null, path: Path): Outcome<null> {
  const def = factDef(ref.fact);
  if (!def) return bad([...path, 'fact'], `unknown fact "${ref.fact}"`);
  if (want !== null && !(ACCEPTS[want] ?? []).includes(def.yields)) {
    return bad([...path, 'fact'], `fact "${ref.fact}" gives a ${def.yields}, not a ${want}`,
      'Pick a fact of the same kind as the question.');
  }
  const params = resolveParams(view, ref, def.needs, path);
  return params.ok ? { ok: true, value: null } : params;
}

function answerCheck(view: ScenarioView, q: Question): Outcome<unknown> {
  const a = q.answer as object;
  if (!('fact' in a) || q.kind === 'order') return resolveQuestion(view, q);
  const ref = a as FactRef;
  const r = factRefIssue(view, ref, q.kind, ['answer']);
  if (!r.ok || q.kind !== 'set' || q.element === undefined) return r;
  const def = factDef(ref.fact);
  return def?.element !== undefined && def.element !== q.element
    ? bad(['element'], `fact "${ref.fact}" gives a set of ${def.element}, not ${q.element}`)
    : r;
}

function feedbackCheck(view: ScenarioView, q: Question, i: number): Outcome<unknown> {
  const when = q.feedback[i]?.when;
  if (when && 'fact' in when) return factRefIssue(view, when, null, ['feedback', i, 'when']);
  return resolveMatcher(view, q, i, undefined);
}

function located(index: number, r: Outcome<unknown>): PathIssue[] {
  if (r.ok) return [];
  const issue: PathIssue = { path: ['questions', index, ...r.path], message: r.message };
  if (r.hint !== undefined) issue.hint = r.hint;
  return [issue];
}

/** Problems with the questions, each at its path under `questions`. */
export function checkQuestionRefs(questions: readonly Question[], view: ScenarioView): PathIssue[] {
  const out: PathIssue[] = [];
  const seen = new Set<string>();
  questions.forEach((q, index) => {
    if (seen.has(q.id)) {
      out.push({ path: ['questions', index, 'id'], message: `question id "${q.id}" is used twice`,
        hint: 'Give every question its own id.' });
      return;
    }
    seen.add(q.id);
    out.push(...located(index, answerCheck(view, q)));
    q.feedback.forEach((_, i) => out.push(...located(index, feedbackCheck(view, q, i))));
  });
  return out;
}

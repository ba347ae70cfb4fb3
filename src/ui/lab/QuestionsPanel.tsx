/**
 * The case's questions and the score. Answers go to the worker, which
 * grades them and logs them in the session; this panel only shows the
 * grades it gets back.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { GradeView, QuestionState, QuestionView } from '../worker/protocol';
import { OrderInput } from './OrderInput';
import { orderAnswer } from './order-list';
import { answerShown } from './lab-text';

interface Props {
  questions: QuestionView[];
  grades: GradeView;
  onAnswer: (question: string, value: string) => Promise<void>;
  onHint: (question: string) => Promise<void>;
}

export function QuestionsPanel({ questions, grades, onAnswer, onHint }: Props) {
  const { score } = grades;
  return (
    <section className="questions" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions</h2>
      <p className="score" data-testid="score" aria-live="polite">
        Score: {score.earned}/{score.possible} ({score.percent}%) · pass at {score.passingScore}%
        {score.passed ? ' · passed' : ''}
      </p>
      <ol className="question-list">
        {questions.map((q) => {
          const state = grades.questions.find((s) => s.id === q.id);
          return state ? <QuestionItem key={q.id} question={q} state={state} onAnswer={onAnswer} onHint={onHint} /> : null;
        })}
      </ol>
    </section>
  );
}

const STATUS: Record<QuestionState['status'], string> = { open: 'open', right: 'right', closed: 'closed' };

function QuestionItem({ question, state, onAnswer, onHint }: {
  question: QuestionView;
  state: QuestionState;
  onAnswer: Props['onAnswer'];
  onHint: Props['onHint'];
}) {
  const isOrder = question.kind === 'order' && question.options !== undefined;
  const [value, setValue] = useState('');
  const [order, setOrder] = useState(() => question.options?.map((o) => o.id) ?? []);
  const [busy, setBusy] = useState(false);
  const focus = useFocusAfter();
  const inputId = `answer-${question.id}`;
  const promptId = `prompt-${question.id}`;
  const open = state.status === 'open';
  /** A containment question checks the host: there is nothing to type. */
  const isCheck = question.kind === 'state';
  const answerText = isCheck ? 'done' : isOrder ? orderAnswer(order) : value.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answerText || busy) return;
    setBusy(true);
    try {
      await onAnswer(question.id, answerText);
      setValue('');
      // The form may be gone (right, or out of tries) and the button was disabled: say the result there.
      focus.after('result');
    } finally {
      setBusy(false);
    }
  };
  const hint = async () => {
    await onHint(question.id);
    focus.after('hint');
  };
  const last = state.latest ?? state.answers[state.answers.length - 1];
  return (
    <li className={`question question-${state.status}`} data-question={question.id} data-kind={question.kind} data-status={state.status}>
      <label htmlFor={isOrder || isCheck ? undefined : inputId} id={promptId} className="question-prompt">
        {question.prompt}
      </label>
      <div className="question-meta">
        {question.points} points · {STATUS[state.status]}
        {open && ` · ${question.attempts - state.tries} of ${question.attempts} tries left`}
        {state.status === 'right' && ` · earned ${state.earned}`}
      </div>
      {open && (
        <form className="answer-form" onSubmit={submit}>
          {isCheck ? null : isOrder ? (
            <OrderInput id={inputId} labelledBy={promptId} options={question.options!} order={order} onChange={setOrder} />
          ) : question.options ? (
            <select id={inputId} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Choose…</option>
              {question.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                </option>
              ))}
            </select>
          ) : (
            <input id={inputId} value={value} autoComplete="off" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
          )}
          <button type="submit" disabled={busy || !answerText}>
            {isCheck ? 'I have done it — check' : 'Answer'}
          </button>
          {state.hints.length < question.hintCount && (
            <button type="button" onClick={() => void hint()}>
              Hint
            </button>
          )}
        </form>
      )}
      {/* Focused after an answer, so a screen reader reads the result and Tab goes on from here. */}
      <div className="question-result" tabIndex={-1} ref={focus.refs.result}>
        {last !== undefined && (
          <p className="answer-given">
            Your answer: <code>{answerShown(last, question.options, isOrder)}</code>
            {state.status === 'right' ? ' — right.' : ''}
          </p>
        )}
        {state.feedback && (
          <p className="feedback" role="status">
            {state.feedback}
          </p>
        )}
      </div>
      {state.hints.map((h, i) => (
        <p className="hint" key={i} tabIndex={-1} ref={i === state.hints.length - 1 ? focus.refs.hint : undefined}>
          Hint {i + 1} (−{h.cost}): {h.text}
        </p>
      ))}
      {state.explanation && (
        <p className="explanation">
          {state.explanation.command && (
            <>
              <code>{state.explanation.command}</code>:{' '}
            </>
          )}
          {state.explanation.why}
        </p>
      )}
    </li>
  );
}

type FocusTarget = 'result' | 'hint';

/**
 * Moves the keyboard focus to a question's result or newest hint once the
 * grades an answer brought back are on screen, so the next Tab goes on from
 * the question rather than from the top of the page.
 */
function useFocusAfter() {
  const [target, setTarget] = useState<FocusTarget>();
  const result = useRef<HTMLDivElement>(null);
  const hint = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!target) return;
    (target === 'result' ? result : hint).current?.focus();
    setTarget(undefined);
  }, [target]);
  return { refs: { result, hint }, after: setTarget };
}

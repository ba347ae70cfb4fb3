/** The pages a lab shows instead of the terminal when it cannot open. */
import type { Diagnostic } from '../../engine/scenario/types';

export function NotFoundPage({ what }: { what: string }) {
  return (
    <section className="error-page" aria-labelledby="nf-title">
      <h1 id="nf-title">Nothing here</h1>
      <p>
        There is no page at <code>{what}</code>.
      </p>
      <p>
        <a href="#/">Back to the scenarios</a>
      </p>
    </section>
  );
}

export function UnknownScenarioPage({ id, known }: { id: string; known: string[] }) {
  return (
    <section className="error-page" aria-labelledby="unknown-title">
      <h1 id="unknown-title">Unknown scenario</h1>
      <p>
        There is no scenario with the id <code>{id}</code>.
        {known.length > 0 && <> The installed ones are: {known.join(', ')}.</>}
      </p>
      <p>
        <a href="#/">Back to the scenarios</a>
      </p>
    </section>
  );
}

export function InvalidScenarioPage({ file, diagnostics }: { file: string; diagnostics: Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="error-page" aria-labelledby="invalid-title">
      <h1 id="invalid-title">This scenario does not validate</h1>
      <p>
        <code>{file}</code> has {errors} {errors === 1 ? 'error' : 'errors'}. Fix them in the file and reload.
      </p>
      <ol className="diagnostics">
        {diagnostics.map((d, i) => (
          <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
            <span className="position">
              {file}:{d.line}:{d.col}
            </span>{' '}
            <span className="severity">{d.severity}:</span> {d.message}
            {d.hint && <div className="hint">{d.hint}</div>}
          </li>
        ))}
      </ol>
      <p>
        <a href="#/">Back to the scenarios</a>
      </p>
    </section>
  );
}

export function FailedPage({ message, onRestart }: { message: string; onRestart?: () => void }) {
  return (
    <section className="error-page" aria-labelledby="failed-title">
      <h1 id="failed-title">The lab could not start</h1>
      <p role="alert">{message}</p>
      {onRestart && (
        <p>
          <button type="button" onClick={onRestart}>
            Restart
          </button>
        </p>
      )}
      <p>
        <a href="#/">Back to the scenarios</a>
      </p>
    </section>
  );
}

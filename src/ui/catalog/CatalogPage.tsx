/**
 * The scenarios in `scenarios/`, read by the engine worker, with the
 * trainee's progress on each from local storage.
 */
import { useEffect, useState } from 'react';
import { EngineClient } from '../worker/client';
import type { CatalogEntry } from '../worker/protocol';
import { labHref } from '../router';
import { readProgress } from '../storage/lab-storage';

type State = { kind: 'loading' } | { kind: 'ready'; entries: CatalogEntry[] } | { kind: 'failed'; message: string };

export function CatalogPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const client = new EngineClient();
    client.request({ type: 'catalog' }).then(
      (entries) => setState({ kind: 'ready', entries }),
      (error: unknown) => setState({ kind: 'failed', message: String(error) }),
    );
    return () => client.dispose();
  }, []);

  return (
    <section className="catalog" aria-labelledby="catalog-title">
      <h1 id="catalog-title">Scenarios</h1>
      <p className="lede">
        Each scenario is a compromised Linux host. Investigate it with real commands, then answer the analyst&apos;s
        questions.
      </p>
      {state.kind === 'loading' && <p role="status">Loading scenarios…</p>}
      {state.kind === 'failed' && <p role="alert">The scenarios could not be loaded: {state.message}</p>}
      {state.kind === 'ready' && state.entries.length === 0 && <p>No scenarios are installed.</p>}
      {state.kind === 'ready' && (
        <ul className="cards">
          {state.entries.map((entry) => (
            <CatalogCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CatalogCard({ entry }: { entry: CatalogEntry }) {
  const meta = entry.meta;
  const progress = readProgress(entry.id);
  if (!meta) {
    return (
      <li className="card card-invalid">
        <h2>
          <a href={labHref(entry.id)}>{entry.file}</a>
        </h2>
        <p>This scenario does not validate ({entry.diagnostics?.length ?? 0} problems). Open it to see where.</p>
      </li>
    );
  }
  // The link opens the lab whose progress the card shows.
  return (
    <li className="card">
      <h2>
        <a href={labHref(entry.id, progress?.seed)}>{meta.title}</a>
      </h2>
      <p>{meta.summary}</p>
      <dl className="facts">
        <dt>Difficulty</dt>
        <dd>{meta.difficulty}</dd>
        <dt>Estimated time</dt>
        <dd>{meta.estimatedMinutes} min</dd>
        <dt>ATT&amp;CK</dt>
        <dd>{meta.attack.join(', ') || '—'}</dd>
        <dt>Progress</dt>
        <dd>
          {progress
            ? `${progress.answered}/${progress.total} questions, score ${progress.percent}%`
            : 'not started'}
        </dd>
        {progress && (
          <>
            <dt>Seed</dt>
            <dd data-testid="card-seed">{progress.seed}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

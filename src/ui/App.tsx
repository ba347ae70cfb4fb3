import { LabPage } from './lab/LabPage';
import { NotFoundPage } from './lab/ErrorPages';
import { lazy, Suspense, useEffect } from 'react';
import { badSeedNotice, labHref, useRoute } from './router';
import { useTheme } from './theme';

// The catalog is its own chunk: a lab's address (the link a trainee is
// handed) never needs it.
const CatalogPage = lazy(() => import('./catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));

export function App() {
  const route = useRoute();
  const [theme, setTheme] = useTheme();
  const badSeed = route.page === 'lab' ? route.badSeed : undefined;
  const labId = route.page === 'lab' ? route.scenarioId : '';
  useEffect(() => {
    // The address bar shows the seed the lab really uses (no hashchange: the route stays).
    if (badSeed !== undefined) window.history.replaceState(null, '', labHref(labId, 1));
  }, [badSeed, labId]);
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/">Outbound</a>
        <span className="tagline">Linux network triage lab</span>
        <button
          type="button"
          className="theme-toggle"
          aria-pressed={theme === 'light'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </header>
      <main className="page" id="main">
        {route.page === 'catalog' && (
          <Suspense fallback={<p className="loading">Loading the catalog…</p>}>
            <CatalogPage />
          </Suspense>
        )}
        {route.page === 'lab' && (
          <LabPage
            key={`${route.scenarioId}:${route.seed}`}
            scenarioId={route.scenarioId}
            seed={route.seed}
            theme={theme}
            seedNotice={badSeed === undefined ? undefined : badSeedNotice(badSeed)}
          />
        )}
        {route.page === 'not-found' && <NotFoundPage what={`#${route.hash}`} />}
      </main>
    </div>
  );
}

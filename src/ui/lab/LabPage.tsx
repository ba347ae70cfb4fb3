/**
 * The lab: briefing, terminal, questions, clock and score for one scenario
 * and seed. All logic lives in LabController; this file lays it out.
 */
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { LabController, OPEN_TIMEOUT_MS } from './lab-controller';
import { takeEarly } from './early-open';
import { TerminalView } from '../terminal/TerminalView';
import { QuestionsPanel } from './QuestionsPanel';
import { ClockBar } from './ClockBar';
import { FailedPage, InvalidScenarioPage, UnknownScenarioPage } from './ErrorPages';
import { NoticeStrip } from './NoticeStrip';
import { useScreenReaderMode } from './reader-mode';
import type { Theme } from '../theme';

/** The report is shown at the end of a case: its own chunk, fetched then. */
const ReportView = lazy(() => import('./ReportView').then((m) => ({ default: m.ReportView })));

interface Props {
  scenarioId: string;
  seed: number;
  theme: Theme;
  /** Why the address's seed was not used (shown in the notice strip). */
  seedNotice?: string;
}

function useController(scenarioId: string, seed: number, seedNotice?: string): LabController | undefined {
  const [controller, setController] = useState<LabController>();
  useEffect(() => {
    const early = takeEarly(scenarioId, seed);
    const c = new LabController(scenarioId, seed, OPEN_TIMEOUT_MS, early?.client, early?.opening);
    if (seedNotice) c.showNotice({ key: 'seed', text: seedNotice, tone: 'warning' });
    setController(c);
    void c.start();
    const onHide = () => c.save();
    // Leaving for another tab saves, so a lab opened there starts from the latest.
    const onHidden = () => document.visibilityState === 'hidden' && c.save();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHidden);
    const timer = setInterval(() => c.save(), 5000);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHidden);
      clearInterval(timer);
      c.dispose();
    };
  }, [scenarioId, seed, seedNotice]);
  return controller;
}

export function LabPage({ scenarioId, seed, theme, seedNotice }: Props) {
  const controller = useController(scenarioId, seed, seedNotice);
  if (!controller) return <p role="status">Opening the lab…</p>;
  return <LabView controller={controller} theme={theme} />;
}

function LabView({ controller, theme }: { controller: LabController; theme: Theme }) {
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [screenReader, setScreenReader] = useScreenReaderMode();
  const { phase, lab } = snap;
  if (phase.kind === 'unknown') return <UnknownScenarioPage id={phase.id} known={phase.known} />;
  if (phase.kind === 'invalid') return <InvalidScenarioPage file={phase.file} diagnostics={phase.diagnostics} />;
  if (phase.kind === 'failed') return <FailedPage message={phase.message} onRestart={() => void controller.restart()} />;
  const restart = () => {
    if (!window.confirm('Start this scenario over? Your commands and answers will be forgotten.')) return;
    // The Restart button is disabled while the lab reopens: the terminal keeps the focus instead.
    controller.focusTerminal();
    void controller.restart().then(() => controller.focusTerminal());
  };
  return (
    <div className="lab">
      <NoticeStrip
        notices={snap.notices}
        onDismiss={(key) => controller.dismissNotice(key)}
        // The page reloads, opens the latest save and claims the lab; this tab's copy is not saved.
        onTakeOver={() => window.location.reload()}
      />
      <div className="lab-body">
        <section className="lab-main" aria-label="Terminal">
          <div className="toolbar">
            <h1 className="lab-title">{lab?.meta.title ?? 'Opening the lab…'}</h1>
            {snap.clock && <ClockBar clock={snap.clock} onSpeed={(s) => void controller.setSpeed(s)} />}
            <label className="toggle">
              <input type="checkbox" checked={screenReader} onChange={(e) => setScreenReader(e.target.checked)} />
              Screen reader mode
            </label>
            <button type="button" onClick={restart} disabled={phase.kind !== 'ready'}>
              Restart
            </button>
          </div>
          <div className="terminal-frame">
            {phase.kind === 'loading' && (
              <p className="terminal-loading" role="status">
                Starting the simulated host…
              </p>
            )}
            <TerminalView controller={controller} theme={theme} screenReader={screenReader} />
          </div>
        </section>
        <aside className="lab-side" aria-label="Case">
          {lab && (
            <details className="briefing" open>
              <summary>Briefing</summary>
              <p className="briefing-text">{lab.meta.briefing}</p>
              <p className="meta-line">
                {lab.meta.difficulty} · about {lab.meta.estimatedMinutes} min · ATT&amp;CK {lab.meta.attack.join(', ')} ·
                seed {lab.seed}
              </p>
            </details>
          )}
          {lab?.gradesPending && <p role="status">Loading the questions…</p>}
          {snap.report && (
            <Suspense fallback={<p className="loading">Loading the report…</p>}>
              <ReportView reply={snap.report} onClose={() => controller.closeReport()} />
            </Suspense>
          )}
          {lab && !lab.gradesPending && snap.grades && !snap.report && (
            <>
              <button type="button" className="finish" onClick={() => void controller.finish()}>
                Finish and see the report
              </button>
              <QuestionsPanel
              questions={lab.questions}
              grades={snap.grades}
              onAnswer={(q, v) => controller.answer(q, v)}
              onHint={(q) => controller.hint(q)}
              />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

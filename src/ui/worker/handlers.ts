/**
 * What the worker does for each request. Scenario text is untrusted: the
 * loader turns it into diagnostics, never into an exception.
 */
import * as loader from '../../engine/scenario/load';
import type { CompiledScenario, Diagnostic, LoadResult } from '../../engine/scenario/types';
import { LabHost } from './lab-host';
import type { CatalogEntry, OpenOutcome, ReplyMap, Request } from './protocol';
import { questionView } from './questions';
import { scenarioIds, scenarioText } from './scenario-files';

type LoadFn = (text: string, options: { seed?: number; fileName?: string }) => LoadResult;

let lab: LabHost | undefined;

/** A local, uncommitted stand-in host for UI work before scenarios exist. */
const devFixtures = import.meta.env.VITE_DEV_FIXTURE === '1' ? import.meta.glob('./dev-fixture.ts') : {};

function loadScenario(text: string, seed: number, fileName: string): LoadResult {
  const load = (loader as unknown as { loadScenario?: LoadFn }).loadScenario;
  if (!load) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', message: 'the scenario loader is not available in this build', line: 1, col: 1, endLine: 1, endCol: 1, path: [] }],
    };
  }
  return load(text, { seed, fileName });
}

async function catalog(): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const id of scenarioIds()) {
    const source = (await scenarioText(id))!;
    const result = loadScenario(source.text, 0, source.file);
    entries.push(result.ok
      ? { id, file: source.file, meta: result.scenario.meta, questionCount: result.scenario.questions.length }
      : { id, file: source.file, diagnostics: result.diagnostics });
  }
  return entries;
}

async function open(request: Extract<Request, { type: 'open' }>): Promise<OpenOutcome> {
  const fixture = devFixtures['./dev-fixture.ts'];
  if (import.meta.env.VITE_DEV_FIXTURE === '1' && fixture && request.scenarioId === 'web01-capture') {
    const { devScenario } = (await fixture()) as { devScenario: () => CompiledScenario };
    return opened(devScenario(), request);
  }
  const source = await scenarioText(request.scenarioId);
  if (!source) return { kind: 'unknown', id: request.scenarioId, known: scenarioIds() };
  const result = loadScenario(source.text, request.seed, source.file);
  if (!result.ok) return { kind: 'invalid', id: request.scenarioId, file: source.file, diagnostics: result.diagnostics };
  return opened(result.scenario, request, result.warnings);
}

async function opened(
  scenario: CompiledScenario,
  request: Extract<Request, { type: 'open' }>,
  warnings: Diagnostic[] = [],
): Promise<OpenOutcome> {
  lab = await LabHost.open(scenario, request.restore, request.at);
  const session = lab.session;
  return {
    kind: 'opened',
    lab: {
      meta: scenario.meta,
      seed: scenario.seed,
      questions: lab.questions.map(questionView),
      grades: lab.gradeView(),
      prompt: session.prompt(),
      history: [...session.history()],
      clock: lab.clock(),
      log: [...session.log()],
      warnings,
    },
  };
}

function current(): LabHost {
  if (!lab) throw new Error('no lab is open');
  return lab;
}

export function abortRunning(): void {
  lab?.abort();
}

export async function handle(request: Request): Promise<ReplyMap[Request['type']]> {
  switch (request.type) {
    case 'catalog':
      return catalog();
    case 'open':
      return open(request);
    case 'exec':
      return current().exec(request.line, request.columns);
    case 'complete':
      return current().session.complete(request.line, request.cursor);
    case 'clock': {
      const host = current();
      if (request.speed !== undefined) host.setSpeed(request.speed);
      return { clock: host.clock(), appended: host.appended() };
    }
    case 'answer': {
      const host = current();
      return { grades: host.answer(request.question, request.value), appended: host.appended() };
    }
    case 'hint': {
      const host = current();
      return { grades: host.hint(request.question), appended: host.appended() };
    }
  }
}

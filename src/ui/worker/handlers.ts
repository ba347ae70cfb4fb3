/**
 * What the worker does for each request. Scenario text is untrusted: the
 * loader turns it into diagnostics, never into an exception.
 *
 * The session (and just-bash, most of the worker's code) is imported lazily:
 * a fresh lab shows its prompt as soon as the scenario is compiled, while
 * the shell loads behind it; the first command waits for it if it must.
 * A restored lab waits, since its prompt depends on the replayed commands.
 */
import { loadChecked } from '../../engine/scenario/load-data';
import type { CompiledScenario, Diagnostic, LoadResult } from '../../engine/scenario/types';
import type { LabHost } from './lab-host';
import type { CatalogEntry, OpenOutcome, OpenedLab, ReplyMap, Request } from './protocol';
import { scenarioIds, scenarioSource, type ScenarioSource } from './scenario-files';
import { CORRUPT_RESTORE, restoreProblem, scenarioBounds } from '../storage/saved-lab';

type OpenRequest = Extract<Request, { type: 'open' }>;

let lab: Promise<LabHost> | undefined;
let settled: LabHost | undefined;


/**
 * From the document checked at build time when there is one (a fresh value
 * each time). The whole loader, with the YAML parser and the schema, is
 * fetched only for a file that must be loaded here or has something to report.
 */
async function loadScenario(source: ScenarioSource, seed: number): Promise<LoadResult> {
  const fast = source.checked === undefined ? undefined : loadChecked(JSON.parse(source.checked), seed);
  if (fast) return fast;
  const { loadScenario: load } = await import('../../engine/scenario/load');
  return load(await source.text(), { seed, fileName: source.file });
}

async function catalog(): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const id of scenarioIds()) {
    const source = (await scenarioSource(id))!;
    const result = await loadScenario(source, 0);
    entries.push(result.ok
      ? { id, file: source.file, meta: result.scenario.meta, questionCount: result.scenario.questions.length }
      : { id, file: source.file, diagnostics: result.diagnostics });
  }
  return entries;
}

async function open(request: OpenRequest): Promise<OpenOutcome> {
  const source = await scenarioSource(request.scenarioId);
  if (!source) return { kind: 'unknown', id: request.scenarioId, known: scenarioIds() };
  const result = await loadScenario(source, request.seed);
  if (!result.ok) return { kind: 'invalid', id: request.scenarioId, file: source.file, diagnostics: result.diagnostics };
  return opened(result.scenario, request, result.warnings);
}

async function opened(scenario: CompiledScenario, request: OpenRequest, warnings: Diagnostic[]): Promise<OpenOutcome> {
  const problem = request.restore
    ? restoreProblem(request.restore, request.at, scenarioBounds(scenario.historyStart, scenario.now))
    : null;
  if (problem) throw new Error(CORRUPT_RESTORE + problem);
  settled = undefined;
  lab = import('./lab-host').then(({ LabHost }) => LabHost.open(scenario, request.restore, request.at));
  lab.then((host) => (settled = host), () => undefined);
  if (request.restore?.length) return { kind: 'opened', lab: fromHost(await lab, scenario, warnings) };
  return { kind: 'opened', lab: beforeShell(scenario, warnings) };
}

function fromHost(host: LabHost, scenario: CompiledScenario, warnings: Diagnostic[]): OpenedLab {
  const session = host.session;
  return {
    meta: scenario.meta,
    seed: scenario.seed,
    questions: host.questions,
    grades: host.gradeView(),
    prompt: session.prompt(),
    history: [...session.history()],
    clock: host.clock(),
    log: [...session.log()],
    warnings,
  };
}

/**
 * What a fresh lab shows while its shell is still loading: the login prompt,
 * no history. The questions follow (`grades`): resolving them reads the
 * world at many moments, and the prompt need not wait for that.
 */
function beforeShell(scenario: CompiledScenario, warnings: Diagnostic[]): OpenedLab {
  const { user, uid } = scenario.trainee;
  const hostname = scenario.hostname;
  const score = { earned: 0, possible: 0, percent: 0, passingScore: scenario.meta.passingScore, passed: false };
  return {
    meta: scenario.meta,
    seed: scenario.seed,
    questions: [],
    grades: { questions: [], score },
    gradesPending: true,
    prompt: `${user}@${hostname}:~${uid === 0 ? '#' : '$'} `,
    history: [],
    clock: { now: scenario.now, speed: 1, wall: Date.now() },
    log: [],
    warnings,
  };
}

async function current(): Promise<LabHost> {
  if (!lab) throw new Error('no lab is open');
  return lab;
}

export function abortRunning(): void {
  settled?.abort();
}

/** `stream` carries a running command's output to the page before its reply. */
export async function handle(
  request: Request,
  stream?: (text: string, screen?: boolean) => void,
): Promise<ReplyMap[Request['type']]> {
  switch (request.type) {
    case 'catalog':
      return catalog();
    case 'open':
      return open(request);
    case 'exec':
      return (await current()).exec(request.line, request.columns, stream);
    case 'complete':
      return (await current()).session.complete(request.line, request.cursor);
    case 'clock': {
      const host = await current();
      if (request.speed !== undefined) host.setSpeed(request.speed);
      return { clock: host.clock(), appended: host.appended() };
    }
    case 'answer': {
      const host = await current();
      return { grades: await host.answer(request.question, request.value), appended: host.appended() };
    }
    case 'grades': {
      const host = await current();
      return { questions: host.questions, grades: host.gradeView() };
    }
    case 'report':
      return (await current()).report();
    case 'hint': {
      const host = await current();
      return { grades: await host.hint(request.question), appended: host.appended() };
    }
  }
}

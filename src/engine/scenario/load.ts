/**
 * Load a scenario file: untrusted YAML text in, a compiled scenario or a
 * list of positioned Diagnostics out. Never throws.
 *
 *   size/binary/depth checks -> parse (YAML 1.2) -> syntax errors -> bounded
 *   toJS -> unsafe keys -> resolve vars -> schema -> compile
 *
 * Each stage stops the pipeline when it finds errors, so later stages never
 * report on half-read data.
 */
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import type { PathIssue } from './issues';
import type { CompiledScenario, Diagnostic, LoadResult } from './types';
import { atStart, diag, parseScenarioYaml } from './load-yaml';
import { findPair, findPath, pairKeyRange, rangeForPath } from './positions';
import { explainIssues, type LocatedIssue } from './zod-issues';
import { scenarioV1 } from './pipeline-v1';

export interface LoadOptions {
  seed?: number;
  /** Only used to word the message when the loader itself fails. */
  fileName?: string;
}

/** What the vars pass returns: the document with `${name}` substituted. */
export interface VarsOutcome {
  value: unknown;
  issues: readonly PathIssue[];
  /** The seed actually used (the caller's, else the document's own). */
  seed?: number;
  vars?: ReadonlyMap<string, string | number>;
}

export interface CompileContext {
  seed: number;
  vars: ReadonlyMap<string, string | number>;
}

export type CompileOutcome =
  | { ok: true; scenario: CompiledScenario; issues?: readonly PathIssue[] }
  | { ok: false; issues: readonly PathIssue[] };

/** The stages after parsing, injected so tests can run a small stand-in. */
export interface ScenarioPipeline<Doc> {
  schema: z.ZodType<Doc>;
  resolveVars(raw: unknown, seed: number | undefined): VarsOutcome;
  compile(doc: Doc, context: CompileContext): CompileOutcome;
}

export type ScenarioLoader = (text: string, options?: LoadOptions) => LoadResult;

export function createScenarioLoader<Doc>(pipeline: ScenarioPipeline<Doc>): ScenarioLoader {
  return (text, options = {}) => {
    try {
      return runPipeline(pipeline, String(text), options.seed);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const file = options.fileName ? ` ${options.fileName}` : '';
      return failed([atStart(`the scenario loader failed on${file || ' this file'}: ${reason}`,
        'this is a bug in Outbound, not in your file; please report it with the file')]);
    }
  };
}

function runPipeline<Doc>(
  pipeline: ScenarioPipeline<Doc>,
  text: string,
  seed: number | undefined,
): LoadResult {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) return failed(parsed.diagnostics);
  const { doc, lc, data } = parsed;
  const warnings = [...parsed.warnings];

  const shape = checkTopLevel(doc, lc, data);
  if (shape) return failed([shape]);

  const vars = pipeline.resolveVars(data, seed);
  const varIssues = fromPathIssues(doc, lc, vars.issues);
  // Without zod's generated (eval'd) parsers: each is compiled on first use,
  // which costs more than it saves when a scenario is read once per lab.
  const checked = pipeline.schema.safeParse(vars.value, { jitless: true });
  if (!checked.success) {
    // A value with an unknown ${var} also fails its own check: say it once.
    const varPaths = new Set(vars.issues.map((i) => i.path.join('\u0000')));
    const located = explainIssues(checked.error.issues, pipeline.schema, vars.value)
      .filter((l) => !varPaths.has(l.path.join('\u0000')));
    return failed([...varIssues, ...located.map((l) => locate(doc, lc, l, 'error')), ...warnings]);
  }
  if (hasError(varIssues)) return failed([...varIssues, ...warnings]);
  warnings.push(...varIssues);

  const context = { seed: vars.seed ?? seed ?? 1, vars: vars.vars ?? new Map() };
  const compiled = pipeline.compile(checked.data, context);
  const compileIssues = fromPathIssues(doc, lc, compiled.issues ?? []);
  if (!compiled.ok || hasError(compileIssues)) {
    const all = [...compileIssues, ...warnings];
    return failed(hasError(all) ? all : [...all, atStart('the scenario could not be compiled')]);
  }
  return { ok: true, scenario: compiled.scenario, warnings: sorted([...warnings, ...compileIssues]) };
}

/** The whole file must be one mapping; say so plainly when it is not. */
function checkTopLevel(doc: Document, lc: LineCounter, data: unknown): Diagnostic | null {
  if (data === null || data === undefined) {
    return atStart('the file is empty: a scenario is a mapping with `id:`, `title:`, `host:` ...',
      'start from one of the shipped scenarios in scenarios/');
  }
  if (typeof data === 'object' && !Array.isArray(data)) return null;
  const what = Array.isArray(data) ? 'a list' : 'a single value';
  return diag(rangeForPath(doc, lc, []),
    `the file is ${what}, but a scenario must be a mapping of keys (\`id:\`, \`title:\`, ...)`,
    [], 'remove the leading `- ` or write the scenario as `key: value` lines');
}

/**
 * Places issues found after loading (for example by a check too slow for the
 * load budget) on the nodes of the scenario text they came from.
 */
export function positionIssues(text: string, issues: readonly PathIssue[]): Diagnostic[] {
  if (issues.length === 0) return [];
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) return issues.map((issue) => atStart(issue.message, issue.hint));
  return fromPathIssues(parsed.doc, parsed.lc, issues);
}

function fromPathIssues(doc: Document, lc: LineCounter, issues: readonly PathIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const range = rangeForPath(doc, lc, issue.path);
    return diag(range, issue.message, [...issue.path], issue.hint, issue.severity ?? 'error');
  });
}

/** Place a reworded zod issue on the node it is about. */
function locate(
  doc: Document,
  lc: LineCounter,
  issue: LocatedIssue,
  severity: Diagnostic['severity'],
): Diagnostic {
  const parent = issue.path.slice(0, -1);
  const last = String(issue.path[issue.path.length - 1] ?? '');
  let range = null;
  if (issue.at === 'key') range = pairKeyRange(lc, findPair(doc, parent, last));
  if (issue.at === 'missing') {
    const target = findPath(doc, parent);
    range = target.found === parent.length ? rangeForPath(doc, lc, parent) : null;
  }
  return diag(range ?? rangeForPath(doc, lc, issue.path), issue.message, issue.path,
    issue.hint, severity);
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** More than this many problems are summarised in one last diagnostic. */
export const MAX_DIAGNOSTICS = 100;

function failed(diagnostics: Diagnostic[]): LoadResult {
  const all = sorted(diagnostics);
  if (all.length <= MAX_DIAGNOSTICS) return { ok: false, diagnostics: all };
  const shown = all.slice(0, MAX_DIAGNOSTICS);
  const last = shown[shown.length - 1] as Diagnostic;
  const more = all.length - MAX_DIAGNOSTICS;
  shown.push(diag({ line: last.line, col: last.col, endLine: last.line, endCol: last.col },
    `… and ${more} more problem${more === 1 ? '' : 's'} not shown`, [],
    'fix the problems above and validate again'));
  return { ok: false, diagnostics: shown };
}

/** In source order, without repeats (an alias used twice reports once). */
function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.endLine}:${d.endCol}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.line - b.line || a.col - b.col);
}

export const loadScenario: ScenarioLoader = createScenarioLoader(scenarioV1);
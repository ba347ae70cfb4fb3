/**
 * `grade SCENARIO ANSWERS.json [--seed N] [--html]`: the instructor's view of
 * a trainee's case, the same report the lab shows, as JSON (default) or as a
 * printable HTML page.
 *
 * ANSWERS.json is one of:
 *   - a saved session log: an array of session events (commands with their
 *     output, answers, hints, world events), or `{ "seed": N, "events": [...] }`
 *     (the lab's saved session has this shape);
 *   - plain answers: `{ "answers": { "QUESTION_ID": "VALUE", ... } }`, graded
 *     at the scenario's start with no commands (so with no evidence).
 * A seed in the file is used unless --seed is given.
 *
 * Exit status: 0 when the trainee passed, 1 when not, 2 for a bad command
 * line or an unreadable file, 3 when the scenario does not load.
 */
import { formatDiagnostics } from '../engine/scenario/format-diagnostic';
import { loadScenario } from '../engine/scenario/load';
import type { ScenarioLoader } from '../engine/scenario/load';
import { buildReport, createGrader, reportHtml, reportJson } from '../engine/scoring';
import type { SessionEvent } from '../engine/session/types';
import { errorText } from './cli-errors';
import { parseAnswersFile } from './grade-answers';

export interface GradeIo {
  readFile(path: string): Promise<string>;
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'usage: grade SCENARIO ANSWERS.json [--seed N] [--html]\n';

interface GradeArgs {
  scenario: string;
  answers: string;
  seed?: number;
  html: boolean;
}

function parseArgs(args: string[]): GradeArgs | string {
  const files: string[] = [];
  let seed: number | undefined;
  let html = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--seed') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return 'the seed must be a whole number';
      seed = n;
    } else if (a === '--html') html = true;
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length !== 2) return 'give a scenario file and an answers file';
  const out: GradeArgs = { scenario: files[0] as string, answers: files[1] as string, html };
  if (seed !== undefined) out.seed = seed;
  return out;
}

async function read(io: GradeIo, path: string): Promise<string | null> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.stderr(`grade: cannot read ${path}: ${errorText(error)}\n`);
    return null;
  }
}

export async function gradeCommand(args: string[], io: GradeIo): Promise<number> {
  return runGrade(args, io, loadScenario);
}

/** `gradeCommand` with the loader injected (tests use a stand-in). */
export async function runGrade(args: string[], io: GradeIo, load: ScenarioLoader): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`grade: ${parsed}\n${USAGE}`);
    return 2;
  }
  const scenarioText = await read(io, parsed.scenario);
  const answersText = scenarioText === null ? null : await read(io, parsed.answers);
  if (scenarioText === null || answersText === null) return 2;

  const answers = parseAnswersFile(answersText);
  if (!answers.ok) {
    io.stderr(`grade: ${parsed.answers}: ${answers.message}\n`);
    return 2;
  }
  for (const w of answers.warnings) io.stderr(`grade: ${parsed.answers}: ${w}\n`);
  const seed = parsed.seed ?? answers.seed;
  const loaded = load(scenarioText, seed === undefined
    ? { fileName: parsed.scenario } : { seed, fileName: parsed.scenario });
  if (!loaded.ok) {
    io.stderr(formatDiagnostics(loaded.diagnostics, scenarioText, parsed.scenario));
    return 3;
  }
  const scenario = loaded.scenario;
  if (answers.scenarioId !== undefined && answers.scenarioId !== scenario.meta.id) {
    io.stderr(`grade: ${parsed.answers}: saved for scenario "${answers.scenarioId}", not "${scenario.meta.id}"\n`);
  }
  const grader = createGrader(scenario, scenario.questions);
  for (const issue of grader.issues) {
    io.stderr(`grade: ${parsed.scenario}: ${issue.path.join('.')}: ${issue.message}\n`);
  }
  const log: SessionEvent[] = answers.kind === 'log'
    ? answers.events
    : answers.answers.map(([question, value], i) => ({
      type: 'answer', at: scenario.now + i, question, value,
    }));
  const report = buildReport(grader, log);
  io.stdout(parsed.html ? reportHtml(report) : reportJson(report));
  return report.totals.passed ? 0 : 1;
}

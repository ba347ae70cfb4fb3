/**
 * `validate FILE...`: load each scenario as the lab would and report.
 *
 *   OK scenarios/web01.yaml (SSH, reverse shell, beacon)
 *   bad.yaml:7:13: error: expected a port number (1-65535), got "ssh"
 *
 * Beyond what loading checks, validate also resolves every question's answer
 * against the world (too slow for the lab's load budget), so a question the
 * world cannot answer is reported at its position.
 *
 * Exit status: 0 when every file loads, 1 when any file has an error, 2 when
 * a file cannot be read or the command line is wrong.
 */
import { loadScenario, positionIssues } from '../engine/scenario/load';
import { checkQuestions } from '../engine/scoring';
import type { ScenarioLoader } from '../engine/scenario/load';
import type { CompiledScenario, Diagnostic } from '../engine/scenario/types';
import { formatDiagnostics } from '../engine/scenario/format-diagnostic';
import type { CliIo } from './io';
import { errorText } from './cli-errors';

const USAGE = 'usage: validate [--seed N] FILE...\n';

/** Resolves the answers of a loaded scenario; positioned problems out. */
type DeepCheck = (text: string, scenario: CompiledScenario) => Diagnostic[];

const answerCheck: DeepCheck = (text, scenario) =>
  positionIssues(text, checkQuestions(scenario.questions, scenario));

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  return runValidate(args, io, loadScenario, answerCheck);
}

/** `validateCommand` with the loader injected (tests use a stand-in). */
export async function runValidate(
  args: string[],
  io: CliIo,
  load: ScenarioLoader,
  deep?: DeepCheck,
): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`validate: ${parsed}\n${USAGE}`);
    return 2;
  }
  let status = 0;
  for (const file of parsed.files) {
    status = Math.max(status, await validateOne(file, parsed.seed, io, load, deep));
  }
  return status;
}

async function validateOne(
  file: string,
  seed: number | undefined,
  io: CliIo,
  load: ScenarioLoader,
  deep?: DeepCheck,
): Promise<number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`validate: cannot read ${file}: ${errorText(error)}\n`);
    return 2;
  }
  const result = load(text, seed === undefined ? { fileName: file } : { seed, fileName: file });
  if (!result.ok) {
    io.stderr(formatDiagnostics(result.diagnostics, text, file));
    return 1;
  }
  const unanswerable = deep?.(text, result.scenario) ?? [];
  if (unanswerable.some((d) => d.severity === 'error')) {
    io.stderr(formatDiagnostics(unanswerable, text, file));
    return 1;
  }
  io.stdout(`OK ${file} (${oneLine(result.scenario.meta.title)})\n`);
  if (result.warnings.length > 0) {
    io.stderr(formatDiagnostics(result.warnings, text, file));
  }
  return 0;
}

function parseArgs(args: string[]): { files: string[]; seed?: number } | string {
  const files: string[] = [];
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--seed') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 0) return 'option --seed needs a whole number';
      seed = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else files.push(arg);
  }
  if (files.length === 0) return 'no file given';
  return seed === undefined ? { files } : { files, seed };
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

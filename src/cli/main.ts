#!/usr/bin/env node
/**
 * The command line: validate scenarios, run commands headless, play a
 * session, grade answers, regenerate the JSON Schema and the reference.
 */
import { processIo } from './io';
import { runCommand } from './run';
import { playCommand } from './play';
import { validateCommand } from './validate';
import { schemaCommand } from './schema';
import { docsCommand } from './docs';
import { gradeCommand } from './grade';

const USAGE = `usage: outbound COMMAND [ARGS]

  validate FILE...                               check scenario files
  run SCENARIO [--seed N] [--at TIME] -- 'CMD'   print what CMD shows on the host
  play SCENARIO [--seed N]                       an interactive session
  grade SCENARIO ANSWERS.json [--seed N]         grade a trainee's answers
  schema [OUT]                                   write the scenario JSON Schema
  docs [OUT]                                     write the scenario reference
`;

const commands: Record<string, (args: string[], io: typeof processIo) => Promise<number>> = {
  run: runCommand,
  play: playCommand,
  validate: validateCommand,
  schema: schemaCommand,
  docs: docsCommand,
  grade: gradeCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name !== undefined ? commands[name] : undefined;
  if (!command) {
    processIo.stderr(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return command(rest, processIo);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    processIo.stderr(`outbound: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);

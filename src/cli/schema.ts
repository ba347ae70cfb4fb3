/**
 * `schema [PATH] [--check]`: write the scenario JSON Schema (generated from
 * the zod schema) to PATH, public/scenario.schema.json by default. With
 * --check, write nothing and exit 1 if the file is missing or stale.
 */
import { scenarioJsonSchemaText } from '../engine/scenario/json-schema';
import type { CliIo } from './io';
import { errorText } from './cli-errors';

export const SCHEMA_PATH = 'public/scenario.schema.json';

export async function schemaCommand(args: string[], io: CliIo): Promise<number> {
  return writeGenerated('schema', args, io, SCHEMA_PATH, scenarioJsonSchemaText);
}

/** Shared by `schema` and `docs`: write a generated file, or check it. */
export async function writeGenerated(
  name: string,
  args: string[],
  io: CliIo,
  defaultPath: string,
  generate: () => string,
): Promise<number> {
  const check = args.includes('--check');
  const rest = args.filter((a) => a !== '--check');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown !== undefined || rest.length > 1) {
    io.stderr(`${name}: ${unknown ? `unknown option ${unknown}` : 'too many arguments'}\n`
      + `usage: ${name} [PATH] [--check]\n`);
    return 2;
  }
  const path = rest[0] ?? defaultPath;
  const text = generate();
  if (check) return checkFile(name, path, text, io);
  try {
    await io.writeFile(path, text);
  } catch (error) {
    io.stderr(`${name}: cannot write ${path}: ${errorText(error)}\n`);
    return 2;
  }
  io.stdout(`wrote ${path}\n`);
  return 0;
}

async function checkFile(name: string, path: string, text: string, io: CliIo): Promise<number> {
  let current: string | null = null;
  try {
    current = await io.readFile(path);
  } catch {
    current = null;
  }
  if (current === text) {
    io.stdout(`${path} is up to date\n`);
    return 0;
  }
  io.stderr(`${name}: ${path} is ${current === null ? 'missing' : 'out of date'}; `
    + `run \`npm run cli -- ${name} ${path}\`\n`);
  return 1;
}

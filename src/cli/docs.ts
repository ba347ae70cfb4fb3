/**
 * `docs [PATH] [--check]`: write the scenario format reference (generated
 * from the JSON Schema) to PATH, docs/scenario-reference.md by default. With
 * --check, write nothing and exit 1 if the file is missing or stale.
 */
import { renderReferenceDoc } from '../engine/scenario/reference-doc';
import { writeGenerated } from './schema';
import type { CliIo } from './io';

export const REFERENCE_PATH = 'docs/scenario-reference.md';

export async function docsCommand(args: string[], io: CliIo): Promise<number> {
  return writeGenerated('docs', args, io, REFERENCE_PATH, () => renderReferenceDoc());
}

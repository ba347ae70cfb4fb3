/**
 * The flagship scenario with a few lines changed, loaded as `validate`
 * would, for tests of what the loader refuses and where it says so.
 */
import { readFileSync } from 'node:fs';
import { brief } from '../../../test/unit/scenario-stand-in';
import { loadScenario } from './load';

export const FLAGSHIP = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

/** The flagship with each `from` replaced by `to`; throws if a `from` is not there. */
export function variant(...edits: [string, string][]): string {
  let text = FLAGSHIP;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the flagship has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/** 'OK', or each diagnostic as 'line:col-endLine:endCol message | hint'. */
export function diagnostics(text: string): string[] {
  const result = loadScenario(text);
  return result.ok ? ['OK'] : result.diagnostics.map(brief);
}

/**
 * Reading and writing saves and catalog progress in localStorage. Every
 * access is guarded: storage may be full, disabled, or hold anything.
 */
import { saveProblem, type LoadedSave, type SavedLab, type TranscriptEntry } from './saved-lab';

export interface Progress {
  percent: number;
  answered: number;
  total: number;
  commands: number;
  updatedAt: number;
}

/** Transcript kept for re-rendering the terminal; older output is dropped first. */
const MAX_TRANSCRIPT_CHARS = 400_000;
const MAX_ENTRY_OUTPUT = 60_000;

export const saveKey = (id: string, seed: number): string => `outbound.lab.v1.${id}.${seed}`;
const progressKey = (id: string): string => `outbound.progress.v1.${id}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadSave(id: string, seed: number): LoadedSave {
  let text: string | null;
  try {
    text = storage()?.getItem(saveKey(id, seed)) ?? null;
  } catch (error) {
    return { status: 'corrupt', reason: `the browser refused to read storage (${String(error)})` };
  }
  if (text === null) return { status: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { status: 'corrupt', reason: 'the saved session is not valid JSON' };
  }
  const problem = saveProblem(data, id, seed);
  return problem ? { status: 'corrupt', reason: problem } : { status: 'ok', save: data as SavedLab };
}

export function trimTranscript(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  let total = 0;
  for (let i = entries.length - 1; i >= 0 && total < MAX_TRANSCRIPT_CHARS; i -= 1) {
    const e = entries[i]!;
    const output = e.output.length > MAX_ENTRY_OUTPUT ? e.output.slice(-MAX_ENTRY_OUTPUT) : e.output;
    total += output.length + e.line.length + e.prompt.length;
    out.unshift({ ...e, output });
  }
  return out;
}

/** Returns an error message when the save could not be written. */
export function writeSave(save: SavedLab): string | null {
  try {
    const store = storage();
    if (!store) return 'this browser offers no local storage';
    store.setItem(saveKey(save.scenarioId, save.seed), JSON.stringify({ ...save, transcript: trimTranscript(save.transcript) }));
    return null;
  } catch (error) {
    return `the session could not be saved (${error instanceof Error ? error.message : String(error)})`;
  }
}

export function clearSave(id: string, seed: number): void {
  try {
    storage()?.removeItem(saveKey(id, seed));
  } catch {
    // Nothing to do: a storage we cannot touch holds nothing we could clear.
  }
}

export function writeProgress(id: string, progress: Progress): void {
  try {
    storage()?.setItem(progressKey(id), JSON.stringify(progress));
  } catch {
    // Progress is a convenience for the catalog; the save itself reports errors.
  }
}

export function readProgress(id: string): Progress | undefined {
  try {
    const data: unknown = JSON.parse(storage()?.getItem(progressKey(id)) ?? 'null');
    if (typeof data !== 'object' || data === null) return undefined;
    const p = data as Record<string, unknown>;
    const nums = ['percent', 'answered', 'total', 'commands', 'updatedAt'] as const;
    return nums.every((k) => typeof p[k] === 'number') ? (p as unknown as Progress) : undefined;
  } catch {
    return undefined;
  }
}

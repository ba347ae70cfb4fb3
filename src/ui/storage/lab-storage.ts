/**
 * Reading and writing saves and catalog progress in localStorage. Every
 * access is guarded: storage may be full, disabled, or hold anything.
 */
import { saveProblem, type LoadedSave, type SavedLab, type TranscriptEntry } from './saved-lab';

export interface Progress {
  /** The seed of the lab this progress is from (the one the catalog links to). */
  seed: number;
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

/**
 * False when the save could not be written: storage is full (quota
 * exceeded), disabled, or missing. Why does not matter to the trainee.
 */
export function writeSave(save: SavedLab): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(saveKey(save.scenarioId, save.seed), JSON.stringify({ ...save, transcript: trimTranscript(save.transcript) }));
    return true;
  } catch {
    return false;
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
    if (!nums.every((k) => typeof p[k] === 'number')) return undefined;
    // Progress saved before it named its seed was from whatever seed was open: say seed 1, as the link did.
    const seed = Number.isSafeInteger(p.seed) && (p.seed as number) >= 0 ? (p.seed as number) : 1;
    return { ...(p as unknown as Progress), seed };
  } catch {
    return undefined;
  }
}

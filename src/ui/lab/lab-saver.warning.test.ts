import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabSaver } from './lab-saver';
import { SAVE_FAILED, type Notice } from './notices';
import { SAVE_VERSION, type SavedLab } from '../storage/saved-lab';

/** localStorage that refuses writes while `full` is set, as a quota-exceeded one does. */
function storage() {
  const data = new Map<string, string>();
  const state = { full: false };
  const store = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (state.full) throw new DOMException("Failed to execute 'setItem' on 'Storage': quota", 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return { data, state, store };
}

const SAVE: SavedLab = {
  version: SAVE_VERSION, scenarioId: 'lab', seed: 7, savedAt: 1, clock: { now: 0, speed: 1 }, events: [], transcript: [],
};
const PROGRESS = { percent: 0, answered: 0, total: 3, commands: 0, updatedAt: 1 };

function saver() {
  const shown: Notice[] = [];
  const hidden: string[] = [];
  const s = new LabSaver('lab', 7, { show: (n) => shown.push(n), hide: (k) => hidden.push(k) }, undefined);
  return { s, shown, hidden };
}

afterEach(() => vi.unstubAllGlobals());

describe('a save that cannot be written', () => {
  it('is said once, in the trainee\'s words, until a save works again', () => {
    const { state, store } = storage();
    vi.stubGlobal('localStorage', store);
    state.full = true;
    const { s, shown, hidden } = saver();
    for (let i = 0; i < 4; i += 1) s.write(SAVE, PROGRESS); // the periodic save, again and again
    expect(shown).toEqual([SAVE_FAILED]);
    expect(shown[0]!.text).not.toMatch(/setItem|Storage|quota/);
    state.full = false;
    s.write(SAVE, PROGRESS);
    expect(hidden).toEqual([SAVE_FAILED.key]);
    state.full = true;
    s.write(SAVE, PROGRESS);
    expect(shown).toEqual([SAVE_FAILED, SAVE_FAILED]);
    s.dispose();
  });

  it('is the same warning when the browser offers no storage at all', () => {
    vi.stubGlobal('localStorage', undefined);
    const { s, shown } = saver();
    s.write(SAVE);
    s.write(SAVE);
    expect(shown).toEqual([SAVE_FAILED]);
    s.dispose();
  });

  it('saves the progress with the seed it belongs to', () => {
    const { data, store } = storage();
    vi.stubGlobal('localStorage', store);
    const { s } = saver();
    s.write(SAVE, PROGRESS);
    expect(JSON.parse(data.get('outbound.progress.v1.lab')!)).toEqual({ ...PROGRESS, seed: 7 });
    s.dispose();
  });
});

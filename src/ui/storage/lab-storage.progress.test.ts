import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProgress, writeProgress } from './lab-storage';

afterEach(() => vi.unstubAllGlobals());

function stubStorage(): Map<string, string> {
  const data = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  });
  return data;
}

const P = { percent: 40, answered: 2, total: 5, commands: 9, updatedAt: 1 };

describe('catalog progress', () => {
  it('keeps the seed of the lab it was saved from', () => {
    stubStorage();
    writeProgress('lab', { ...P, seed: 7 });
    expect(readProgress('lab')).toEqual({ ...P, seed: 7 });
  });

  it('reads progress saved before it named a seed as seed 1, and ignores a nonsense seed', () => {
    const data = stubStorage();
    data.set('outbound.progress.v1.lab', JSON.stringify(P));
    expect(readProgress('lab')?.seed).toBe(1);
    data.set('outbound.progress.v1.lab', JSON.stringify({ ...P, seed: -3.5 }));
    expect(readProgress('lab')?.seed).toBe(1);
  });
});

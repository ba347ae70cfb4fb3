import { describe, expect, it } from 'vitest';
import { loadReaderMode, READER_KEY, storeReaderMode } from './reader-mode';

function memory(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage;
}

describe('screen reader mode', () => {
  it('is remembered on and off', () => {
    const store = memory();
    expect(loadReaderMode(store)).toBe(false);
    storeReaderMode(store, true);
    expect(store.getItem(READER_KEY)).toBe('on');
    expect(loadReaderMode(store)).toBe(true);
    storeReaderMode(store, false);
    expect(loadReaderMode(store)).toBe(false);
  });

  it('is off, not an exception, when storage throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(loadReaderMode(broken)).toBe(false);
    expect(() => storeReaderMode(broken, true)).not.toThrow();
  });
});

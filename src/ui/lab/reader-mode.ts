/**
 * Screen reader mode (xterm's accessibility tree), remembered across
 * reloads in localStorage beside the theme. Storage that cannot be read
 * or written leaves the mode off, or not remembered.
 */
import { useEffect, useState } from 'react';

export const READER_KEY = 'outbound.screen-reader';

export function loadReaderMode(store: Storage | undefined): boolean {
  try {
    return store?.getItem(READER_KEY) === 'on';
  } catch {
    return false;
  }
}

export function storeReaderMode(store: Storage | undefined, on: boolean): void {
  try {
    store?.setItem(READER_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered, still applied.
  }
}

function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function useScreenReaderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => loadReaderMode(pageStorage()));
  useEffect(() => storeReaderMode(pageStorage(), on), [on]);
  return [on, setOn];
}

/** Dark or light, remembered; the first visit follows the system setting. */
import { useEffect, useState } from 'react';

export type Theme = 'dark' | 'light';
const KEY = 'outbound.theme';

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    // Storage may be unavailable; fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered, still applied.
    }
  }, [theme]);
  return [theme, setTheme];
}

/** xterm.js colours per theme, chosen for at least 4.5:1 contrast. */
export const terminalThemes = {
  dark: { background: '#0f1419', foreground: '#e6e6e6', cursor: '#ffcc66', selectionBackground: '#33475b' },
  light: { background: '#fdfdfb', foreground: '#1b1f23', cursor: '#8a4b00', selectionBackground: '#c8dcf0' },
} as const;

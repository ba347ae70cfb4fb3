/**
 * The time column of `ls -l` as coreutils 9.4 prints it: the locale's
 * (C) formats by default, or a --time-style (full-iso, long-iso, iso,
 * +FORMAT with an optional second format after a newline for recent files).
 */
import { strftime } from '../world/time-format';

/** A pair of strftime formats: for files older than six months, and recent ones. */
export interface TimeStyle {
  old: string;
  recent: string;
}

export const LOCALE_STYLE: TimeStyle = { old: '%b %e  %Y', recent: '%b %e %H:%M' };

const STYLES: [string, TimeStyle][] = [
  ['full-iso', { old: '%Y-%m-%d %H:%M:%S.%N %z', recent: '%Y-%m-%d %H:%M:%S.%N %z' }],
  ['long-iso', { old: '%Y-%m-%d %H:%M', recent: '%Y-%m-%d %H:%M' }],
  ['iso', { old: '%Y-%m-%d ', recent: '%m-%d %H:%M' }],
  ['locale', LOCALE_STYLE],
];

/** Half a Gregorian year in seconds, the "six months" of ls. */
const HALF_YEAR_MS = (31_556_952 / 2) * 1000;

/**
 * Resolves a --time-style argument (or $TIME_STYLE) the way ls does:
 * `+FORMAT`, a style name or an unambiguous prefix of one, `posix-` styles
 * taking effect only outside the C/POSIX locale (C.UTF-8 is outside, as
 * gnulib's hard_locale counts it). An error is the whole
 * message ls prints before its usage line.
 */
export function parseTimeStyle(arg: string, locale: string): TimeStyle | { error: string } {
  let style = arg;
  if (style.startsWith('posix-')) {
    if (locale === 'C' || locale === 'POSIX' || locale === '') return LOCALE_STYLE;
    style = style.slice(6);
  }
  if (style.startsWith('+')) {
    const body = style.slice(1);
    const cut = body.indexOf('\n');
    return cut < 0 ? { old: body, recent: body } : { old: body.slice(0, cut), recent: body.slice(cut + 1) };
  }
  const exact = STYLES.find(([name]) => name === style);
  const prefixed = STYLES.filter(([name]) => style !== '' && name.startsWith(style));
  const found = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (found) return found[1];
  const how = prefixed.length > 1 ? 'ambiguous' : 'invalid';
  return {
    error: `ls: ${how} argument '${arg}' for 'time style'\nValid arguments are:\n` +
      STYLES.map(([name]) => `  - [posix-]${name}\n`).join('') +
      "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n",
  };
}

/** A file's time in the listing: recent if within the last six months and not in the future. */
export function timeCell(t: number, now: number, style: TimeStyle, tz: string): string {
  const recent = t > now - HALF_YEAR_MS && t <= now;
  return strftime(recent ? style.recent : style.old, t, tz);
}

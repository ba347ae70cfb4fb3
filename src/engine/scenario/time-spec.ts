/**
 * Durations ("90s", "1h30m") and times ("-26s", "boot+4s", ISO 8601) of the
 * scenario format, turned into milliseconds on the scenario clock.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const PART = /(\d+(?:\.\d+)?)(ms|s|min|m|h|d)/g;

/** Milliseconds of a duration, or null if it is not one. */
export function parseDuration(text: string): number | null {
  if (!/^(\d+(\.\d+)?(ms|s|m|min|h|d))+$/.test(text)) return null;
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  return Math.round(total);
}

export interface ClockAnchors {
  now: number;
  boot: number;
}

/** Epoch ms of a time spec, or null if it is not one. */
export function parseTime(text: string, anchors: ClockAnchors): number | null {
  const rel = /^(boot)?([+-])(.+)$/.exec(text);
  if (rel) {
    const d = parseDuration(rel[3] as string);
    if (d === null) return null;
    const base = rel[1] ? anchors.boot : anchors.now;
    return rel[2] === '-' ? base - d : base + d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}

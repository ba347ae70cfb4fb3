/**
 * Times, durations, sizes and rates as a scenario writes them, turned into
 * numbers: epoch milliseconds, milliseconds, bytes, bytes per second.
 * Inputs have passed the schema's patterns; anything else gives NaN, which
 * the compiler reports.
 */
import type { TimelineEntry } from '../../scenario/schema-timeline';

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000,
};

/** "90s", "1h30m", "250ms" -> milliseconds. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|min|s|m|h|d)/g;
  let total = 0;
  let seen = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * (UNIT_MS[m[2]!] ?? NaN);
    seen += m[0].length;
  }
  return seen === text.length && seen > 0 ? Math.round(total) : NaN;
}

/** An ISO time, "-2h" / "+5m" (from now) or "boot+4s" -> epoch ms. */
export function resolveTime(text: string, now: number, boot: number): number {
  const rel = /^(boot)?([+-])(.+)$/.exec(text);
  if (rel) {
    const d = parseDuration(rel[3]!);
    const origin = rel[1] ? boot : now;
    return rel[2] === '-' ? origin - d : origin + d;
  }
  return Date.parse(text);
}

const SIZE: Record<string, number> = {
  B: 1, KB: 1000, KiB: 1024, MB: 1e6, MiB: 1 << 20, GB: 1e9, GiB: 1 << 30,
};

/** 50331648, "48MiB", "350KB" -> bytes. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(value);
  return m ? Math.round(Number(m[1]) * (SIZE[m[2]!] ?? NaN)) : NaN;
}

/** 262144, "256KiB/s" -> bytes per second. */
export function parseRate(value: number | string): number {
  if (typeof value === 'number') return value;
  return parseSize(value.replace(/\/s$/, ''));
}

/** "198.51.100.23:4444" or "[2001:db8::7]:443" -> address and port. */
export function parseHostPort(text: string): { addr: string; port: number } {
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  if (v6) return { addr: v6[1]!, port: Number(v6[2]) };
  const i = text.lastIndexOf(':');
  return { addr: text.slice(0, i), port: Number(text.slice(i + 1)) };
}

/** `duration` becomes `until`, so every module reads one field. */
export function withUntil(e: TimelineEntry, time: (s: string) => number): TimelineEntry {
  if (!e.duration || e.until) return e;
  const end = time(e.at) + parseDuration(e.duration);
  const until = new Date(end).toISOString();
  return e.kind === 'ssh-login' || e.kind === 'ssh-remote-forward'
    ? { ...e, logout: e.logout ?? until } : { ...e, until };
}

/** The entries with `until` filled in, in start order (file order for equal starts). */
export function inTimeOrder(
  entries: readonly TimelineEntry[], time: (s: string) => number,
): { e: TimelineEntry; i: number }[] {
  const list = entries.map((e, i) => ({ e: withUntil(e, time), i, at: time(e.at) }));
  return list.sort((a, b) => a.at - b.at || a.i - b.i).map(({ e, i }) => ({ e, i }));
}

/**
 * journalctl's boots (systemd 255): `--list-boots` prints the boots the
 * journal holds as a table (IDX right-aligned, 0 the newest, then BOOT ID,
 * FIRST ENTRY, LAST ENTRY; no header with -q, newest first with -r). `-b`
 * picks one: nothing or 0 is the running boot, a negative offset counts back
 * from the newest boot with entries, a positive one forward from the oldest,
 * a boot id (optionally followed by an offset) counts from that boot. A boot
 * the journal does not hold is an error, exit 1, worded as systemd words it.
 */
import type { HostState, LogEntry } from '../../world/types';
import type { JournalArgs } from './args';
import { journalBoots, type Boot } from './journal-entry';
import { fullStamp } from './render';

export interface BootRange {
  from: number;
  to: number;
}

/** The boot's time range: from its start to the next boot's start. */
function rangeOf(boots: readonly Boot[], b: Boot): BootRange {
  const next = boots[boots.indexOf(b) + 1];
  return { from: b.start, to: next ? next.start : Infinity };
}

export function pickBoot(w: HostState, boots: readonly Boot[], a: JournalArgs): BootRange | string {
  if (!a.boot) return { from: -Infinity, to: Infinity };
  if (a.bootId === undefined && a.bootOffset === 0) return { from: w.host.bootTime, to: Infinity };
  const held = boots.filter((b) => b.first !== undefined);
  let target: number;
  if (a.bootId !== undefined) {
    const at = held.findIndex((b) => b.id === a.bootId);
    target = at < 0 ? -1 : at + a.bootOffset;
  } else {
    target = a.bootOffset <= 0 ? held.length - 1 + a.bootOffset : a.bootOffset - 1;
  }
  const b = held[target];
  if (b && target >= 0) return rangeOf(boots, b);
  const which = a.bootId ?? (a.bootOffset < 0 ? String(a.bootOffset) : `+${a.bootOffset}`);
  return `Data from the specified boot (${which}) is not available: No such boot ID in journal\n`;
}

/** `journalctl --list-boots`: one row per boot with entries. */
export function listBoots(w: HostState, all: readonly LogEntry[], a: JournalArgs): string {
  const tz = a.utc ? 'UTC' : w.host.timezone;
  const held = journalBootsHeld(w, all);
  if (held.length === 0) return '';
  let rows = held.map((b, i) => [
    String(i - held.length + 1), b.id, fullStamp(b.first ?? 0, tz), fullStamp(b.last ?? 0, tz),
  ]);
  if (a.reverse) rows = rows.reverse();
  const head = ['IDX', 'BOOT ID', 'FIRST ENTRY', 'LAST ENTRY'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]): string => r.map((cell, c) => {
    const wd = widths[c] ?? 0;
    if (c === 0) return cell.padStart(wd);
    return c === r.length - 1 ? cell : cell.padEnd(wd);
  }).join(' ');
  const lines = a.quiet ? rows.map(fmt) : [fmt(head), ...rows.map(fmt)];
  return lines.map((l) => `${l}\n`).join('');
}

function journalBootsHeld(w: HostState, all: readonly LogEntry[]): Boot[] {
  return journalBoots(w, all).filter((b) => b.first !== undefined);
}

/**
 * The host's 128-bit identifiers: the machine id (/etc/machine-id) and the
 * id of each boot (/proc/sys/kernel/random/boot_id), derived from the
 * host's facts so the files, journalctl's _MACHINE_ID and _BOOT_ID and
 * --list-boots all print the same ones.
 */
import type { HostState } from './types';

function hash32(text: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822519) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/** 32 hex digits from `key`, as an sd-id128 prints without dashes (a v4 UUID). */
export function id128(key: string): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += hash32(key, i * 0x9e3779b9).toString(16).padStart(8, '0');
  return `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[parseInt(hex[16] ?? '0', 16) & 3]}${hex.slice(17)}`;
}

/** The id of the boot that started at `start` (epoch ms). */
export const bootIdOf = (w: HostState, start: number): string => id128(`boot:${w.host.hostname}:${start}`);

export const machineIdOf = (w: HostState): string => id128(`machine:${w.host.hostname}`);

/** An id in the UUID form the kernel prints (8-4-4-4-12), as boot_id has it. */
export const uuidForm = (id: string): string =>
  `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;

/**
 * journalctl -o MODE: one journal record as systemd 255 prints it. The short
 * family is one line (`Dec 04 13:18:40 web01 sshd[22704]: ...`, with the
 * time written per mode); verbose, export and the json modes print the
 * record's fields. json keeps the field order of the record (journalctl's
 * own order follows a hash table and differs from host to host).
 */
import type { HostState, LogEntry } from '../../world/types';
import { DAYS, localTime, pad2 } from '../../world/time-format';
import { tag } from '../logs/files';
import { systemdOf, type JournalRecord } from './journal-entry';

export const OUTPUT_MODES = [
  'short', 'short-precise', 'short-iso', 'short-iso-precise', 'short-full', 'short-monotonic',
  'short-unix', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat', 'with-unit',
] as const;

export interface RenderOpts {
  output: string;
  utc: boolean;
  noHostname: boolean;
}

const us6 = (us: number): string => String(((us % 1e6) + 1e6) % 1e6).padStart(6, '0');

/** The zone offset of -o short-iso: `+00:00` from systemd 255 on, `+0000` before. */
function offset(min: number, colon: boolean): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}${colon ? ':' : ''}${pad2(a % 60)}`;
}

/** `Fri 2026-12-04 13:18:40 UTC`, with `.123456` before the zone when `micros`. */
export function fullStamp(us: number, tz: string, micros = false): string {
  const t = localTime(Math.floor(us / 1000), tz);
  const frac = micros ? `.${us6(us)}` : '';
  return `${DAYS[t.wday]} ${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ` +
    `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}${frac} ${t.zone}`;
}

function stamp(r: JournalRecord, mode: string, tz: string, sd: number): string {
  const us = r.realtime;
  const t = localTime(Math.floor(us / 1000), tz);
  const date = `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)}`;
  const clock = `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.month];
  switch (mode) {
    case 'short-precise': return `${mon} ${pad2(t.day)} ${clock}.${us6(us)}`;
    case 'short-iso': return `${date}T${clock}${offset(t.offsetMin, sd >= 255)}`;
    case 'short-iso-precise': return `${date}T${clock}.${us6(us)}${offset(t.offsetMin, sd >= 255)}`;
    case 'short-full': case 'with-unit': return fullStamp(us, tz);
    case 'short-monotonic':
      return `[${String(Math.floor(r.monotonic / 1e6)).padStart(5)}.${us6(r.monotonic)}]`;
    case 'short-unix': return `${String(Math.floor(us / 1e6)).padStart(10)}.${us6(us)}`;
    default: return `${mon} ${pad2(t.day)} ${clock}`;
  }
}

const field = (r: JournalRecord, k: string): string | undefined => r.fields.find(([f]) => f === k)?.[1];

function shortLine(w: HostState, e: LogEntry, r: JournalRecord, o: RenderOpts): string {
  const tz = o.utc ? 'UTC' : w.host.timezone;
  const host = o.noHostname ? '' : ` ${w.host.hostname}`;
  const unit = field(r, '_SYSTEMD_UNIT');
  const who = o.output === 'with-unit' && unit
    ? (e.pid === undefined ? unit : `${unit}[${e.pid}]`) : tag(e);
  return `${stamp(r, o.output, tz, systemdOf(w))}${host} ${who}: ${e.message}`;
}

/** The record's fields behind the cursor and timestamps, as json and export list them. */
function headed(r: JournalRecord, seq: boolean): [string, string][] {
  return [
    ['__CURSOR', r.cursor], ['__REALTIME_TIMESTAMP', String(r.realtime)],
    ['__MONOTONIC_TIMESTAMP', String(r.monotonic)], ['_BOOT_ID', r.boot.id],
    ...(seq ? [['__SEQNUM', String(r.seqnum)], ['__SEQNUM_ID', r.seqnumId]] as [string, string][] : []),
    ...r.fields.filter(([k]) => k !== '_BOOT_ID'),
  ];
}

/** One object; systemd 254 added __SEQNUM and __SEQNUM_ID to json and export. */
function json(r: JournalRecord, pretty: boolean, sd: number): string {
  const pairs = headed(r, sd >= 254).map(([k, v]) => [JSON.stringify(k), JSON.stringify(v)]);
  if (!pretty) return `{${pairs.map(([k, v]) => `${k}:${v}`).join(',')}}`;
  return `{\n${pairs.map(([k, v]) => `\t${k} : ${v}`).join(',\n')}\n}`;
}

/** The text journalctl prints for one entry, without its final newline. */
export function renderRecord(w: HostState, e: LogEntry, r: JournalRecord, o: RenderOpts): string {
  const tz = o.utc ? 'UTC' : w.host.timezone;
  const sd = systemdOf(w);
  switch (o.output) {
    case 'cat': return e.message;
    case 'json': return json(r, false, sd);
    case 'json-pretty': return json(r, true, sd);
    case 'json-sse': return `data: ${json(r, false, sd)}\n`;
    case 'json-seq': return `\x1e${json(r, false, sd)}`;
    case 'export': {
      const head: [string, string][] = [
        ['__CURSOR', r.cursor], ['__REALTIME_TIMESTAMP', String(r.realtime)],
        ['__MONOTONIC_TIMESTAMP', String(r.monotonic)],
        ...(sd >= 254 ? [['__SEQNUM', String(r.seqnum)], ['__SEQNUM_ID', r.seqnumId]] as [string, string][] : []),
        ['_BOOT_ID', r.boot.id],
      ];
      const rest = r.fields.filter(([k]) => k !== '_BOOT_ID');
      return `${[...head, ...rest].map(([k, v]) => `${k}=${v}`).join('\n')}\n`;
    }
    case 'verbose':
      return `${fullStamp(r.realtime, tz, true)} [${r.cursor}]\n` +
        r.fields.map(([k, v]) => `    ${k}=${v}`).join('\n');
    default: return shortLine(w, e, r, o);
  }
}

/** Whether the mode prints `-- Boot ID --` where the boot changes (the line-oriented ones). */
export const marksBoots = (mode: string): boolean => !/^(json|export|cat)/.test(mode);

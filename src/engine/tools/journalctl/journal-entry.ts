/**
 * The journal as journald would have stored the world's log entries: each
 * entry's realtime in microseconds (the same sub-millisecond digits rsyslog
 * writes into /var/log/auth.log), its boot, and its fields.
 *
 * Boots: the world has one boot, at host.bootTime. Entries older than it
 * can only come from an earlier boot, so when there are any they form boot
 * -1 (its first entry stands for its start). The boot id and machine id are
 * derived from the host's facts (world/host-ids.ts), which
 * /proc/sys/kernel/random/boot_id and /etc/machine-id print too.
 *
 * Fields are those journald writes for the transport: kernel entries have
 * no _PID; pid 1's `systemd` entries come over the native protocol; the
 * rest over syslog. _UID, _GID, _EXE and _CMDLINE come from the process
 * when it still runs; a program that has exited keeps _COMM (its ident in
 * lower case, as CRON's cron) and uid 0, which all the host's logging
 * daemons run as.
 */
import type { HostState, LogEntry } from '../../world/types';
import { subMillis } from '../logs/files';
import { profileFor } from '../../world/profiles';
import { bootIdOf, id128, machineIdOf } from '../../world/host-ids';

/** The host's systemd version (255 on Ubuntu 24.04, 252 on Debian 12, 249 on Ubuntu 22.04). */
export const systemdOf = (w: HostState): number => profileFor(w.host.distro).versions.systemd;

export interface Boot {
  id: string;
  /** Epoch ms the boot started (its first entry, for an earlier boot). */
  start: number;
  /** First and last entry, epoch µs; undefined when it has no entries. */
  first?: number;
  last?: number;
}

export { bootIdOf, id128, machineIdOf } from '../../world/host-ids';

/** Realtime of an entry in µs since the epoch. */
export const entryMicros = (e: LogEntry): number => e.time * 1000 + subMillis(e);

/** The boots the journal holds, oldest first; the current one is always last. */
export function journalBoots(w: HostState, entries: readonly LogEntry[]): Boot[] {
  const cur: Boot = { id: bootIdOf(w, w.host.bootTime), start: w.host.bootTime };
  const before = entries.filter((e) => e.time < w.host.bootTime);
  const after = entries.filter((e) => e.time >= w.host.bootTime);
  const span = (b: Boot, list: readonly LogEntry[]): Boot => {
    if (list.length === 0) return b;
    const us = list.map(entryMicros);
    return { ...b, first: Math.min(...us), last: Math.max(...us) };
  };
  const boots: Boot[] = [];
  const oldest = before[0];
  if (oldest) boots.push(span({ id: bootIdOf(w, oldest.time), start: oldest.time }, before));
  boots.push(span(cur, after));
  return boots;
}

export function bootOf(boots: readonly Boot[], e: LogEntry): Boot {
  const cur = boots[boots.length - 1] as Boot;
  return e.time >= cur.start ? cur : (boots[0] as Boot);
}

const FACILITY: Record<LogEntry['facility'], number> = {
  kern: 0, user: 1, daemon: 3, auth: 4, syslog: 5, cron: 9, authpriv: 10,
};

function transport(e: LogEntry): 'kernel' | 'journal' | 'syslog' {
  if (e.facility === 'kern') return 'kernel';
  return e.ident === 'systemd' && e.pid === 1 ? 'journal' : 'syslog';
}

function unitFields(e: LogEntry, uid: number): [string, string][] {
  const unit = e.unit;
  if (transport(e) === 'journal') {
    // pid 1 logs in init.scope and names the unit it speaks of in UNIT=.
    const own: [string, string][] = [['_SYSTEMD_CGROUP', '/init.scope'],
      ['_SYSTEMD_UNIT', 'init.scope'], ['_SYSTEMD_SLICE', '-.slice']];
    return unit ? [['UNIT', unit], ...own] : own;
  }
  if (!unit) return [];
  const slice = unit.endsWith('.scope') ? `user-${uid}.slice` : 'system.slice';
  const cgroup = unit.endsWith('.scope') ? `/user.slice/${slice}/${unit}` : `/system.slice/${unit}`;
  return [['_SYSTEMD_CGROUP', cgroup], ['_SYSTEMD_UNIT', unit], ['_SYSTEMD_SLICE', slice]];
}

function processFields(w: HostState, e: LogEntry): [string, string][] {
  if (e.pid === undefined || transport(e) === 'kernel') return [];
  const p = w.processes.find((q) => q.pid === e.pid);
  const out: [string, string][] = [
    ['_PID', String(e.pid)], ['_UID', String(p?.uid ?? 0)], ['_GID', String(p?.gid ?? 0)],
    ['_COMM', p?.comm ?? e.ident.toLowerCase().slice(0, 15)],
  ];
  if (p) out.push(['_EXE', p.exe], ['_CMDLINE', (p.title ?? p.argv.join(' '))]);
  out.push(...unitFields(e, p?.uid ?? 0));
  return out;
}

/** The entry's fields, in the order journald stored them. */
export function entryFields(w: HostState, e: LogEntry, boot: Boot): [string, string][] {
  const how = transport(e);
  const prio = String(e.priority ?? 6);
  const out: [string, string][] = [
    ['_BOOT_ID', boot.id], ['_MACHINE_ID', machineIdOf(w)], ['_HOSTNAME', w.host.hostname],
    ...(systemdOf(w) >= 254 ? [['_RUNTIME_SCOPE', 'system']] as [string, string][] : []),
    ['_TRANSPORT', how], ['PRIORITY', prio],
    ['SYSLOG_FACILITY', String(how === 'journal' ? 3 : FACILITY[e.facility])],
    ['SYSLOG_IDENTIFIER', e.ident],
  ];
  if (how === 'syslog' && e.pid !== undefined) out.push(['SYSLOG_PID', String(e.pid)]);
  out.push(['MESSAGE', e.message], ...processFields(w, e));
  if (how === 'kernel') {
    out.push(['_SOURCE_MONOTONIC_TIMESTAMP', String(Math.max(0, entryMicros(e) - boot.start * 1000))]);
  }
  return out;
}

/** One entry as journalctl's record: cursor, timestamps, sequence and fields. */
export interface JournalRecord {
  cursor: string;
  realtime: number;
  monotonic: number;
  seqnum: number;
  seqnumId: string;
  boot: Boot;
  fields: [string, string][];
}

export function journalRecord(w: HostState, e: LogEntry, seqnum: number, boots: readonly Boot[]): JournalRecord {
  const boot = bootOf(boots, e);
  const realtime = entryMicros(e);
  const monotonic = Math.max(0, realtime - boot.start * 1000);
  const seqnumId = id128(`seqnum:${w.host.hostname}`);
  const xor = id128(`${realtime}:${e.ident}:${e.message}`).slice(0, 16);
  const cursor = `s=${seqnumId};i=${seqnum.toString(16)};b=${boot.id};` +
    `m=${monotonic.toString(16)};t=${realtime.toString(16)};x=${xor}`;
  return { cursor, realtime, monotonic, seqnum, seqnumId, boot, fields: entryFields(w, e, boot) };
}

/** A field's value for FIELD=VALUE matches: the same values -o json shows. */
export function fieldOf(w: HostState, e: LogEntry, boots: readonly Boot[], key: string): string | undefined {
  return entryFields(w, e, bootOf(boots, e)).find(([k]) => k === key)?.[1];
}

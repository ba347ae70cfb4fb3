/**
 * journalctl (systemd 252/255): the journal is every world log entry. Plain
 * output is `Dec 04 13:18:40 web01 sshd[10393]: message` with no header line
 * (systemd 250 dropped "-- Journal begins at ..."; Ubuntu 22.04's 249 still
 * prints it, so that profile gets it). Nothing matched: `-- No entries --`.
 * A user outside adm/systemd-journal sees no system entries and gets the
 * hint on stderr, as the real tool does. Output is never paged.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, LogEntry } from '../../world/types';
import { isoSeconds, journalShort, localTime, pad2, DAYS } from '../../world/time-format';
import { tag } from '../logs/files';
import { parseJournalArgs, type JournalArgs } from './args';

export const journalctlOptions: OptionSupport[] = [
  { flag: '-u / --unit', support: 'full' }, { flag: '-t / --identifier', support: 'full' },
  { flag: '-S / --since, -U / --until', support: 'full' },
  { flag: '-n / --lines', support: 'full' }, { flag: '-r / --reverse', support: 'full' },
  { flag: '-p / --priority', support: 'full' }, { flag: '-k / --dmesg', support: 'full' },
  { flag: '-b / --boot', support: 'partial', note: 'only the current boot exists' },
  { flag: '-g / --grep', support: 'full', note: 'JavaScript regular expressions, case-insensitive when all lower case' },
  { flag: '-o short|short-iso|short-precise|cat|with-unit', support: 'partial', note: 'json and verbose are not rendered' },
  { flag: '-e / --pager-end / --no-pager / -q', support: 'full' },
  { flag: '-f / --follow', support: 'full', note: 'in the shell: follows on the simulated clock until Ctrl-C (shell/journal-follow.ts)' },
  { flag: 'FIELD=VALUE (_PID, _COMM, SYSLOG_IDENTIFIER, _SYSTEMD_UNIT)', support: 'full' },
];

export function canReadSystem(ctx: ToolContext): boolean {
  if (ctx.uid === 0) return true;
  const acc = ctx.world.accounts.find((a) => a.uid === ctx.uid);
  const groups = new Set(acc?.groups ?? []);
  for (const g of ctx.world.groups) if (g.members.includes(ctx.user)) groups.add(g.name);
  return groups.has('adm') || groups.has('systemd-journal');
}

export const HINT = 'Hint: You are currently not seeing messages from other users and the system.\n' +
  "      Users in groups 'adm', 'systemd-journal' can see all messages.\n" +
  '      Pass -q to turn off this notice.\n';

export function matches(e: LogEntry, a: JournalArgs, boot: number): boolean {
  if (a.since !== undefined && e.time < a.since) return false;
  if (a.until !== undefined && e.time > a.until) return false;
  if (a.boot && e.time < boot) return false;
  if (a.units.length && !a.units.includes(e.unit ?? '')) return false;
  if (a.idents.length && !a.idents.includes(e.ident)) return false;
  if (a.kernel && e.facility !== 'kern') return false;
  const prio = e.priority ?? 6;
  if (prio > a.maxPriority || prio < a.minPriority) return false;
  if (a.grep && !a.grep.test(e.message)) return false;
  return a.fields.every(([k, v]) => fieldValue(e, k) === v);
}

function fieldValue(e: LogEntry, key: string): string | undefined {
  switch (key) {
    case '_PID': return e.pid === undefined ? undefined : String(e.pid);
    case '_COMM': case 'SYSLOG_IDENTIFIER': return e.ident;
    case '_SYSTEMD_UNIT': case 'UNIT': return e.unit;
    case 'PRIORITY': return String(e.priority ?? 6);
    default: return undefined;
  }
}

export function line(w: HostState, e: LogEntry, output: string): string {
  const tz = w.host.timezone;
  const host = w.host.hostname;
  if (output === 'cat') return e.message;
  if (output === 'short-iso') return `${isoSeconds(e.time, tz).replace(/:(\d\d)$/, '$1')} ${host} ${tag(e)}: ${e.message}`;
  if (output === 'short-precise') {
    const us = String((((e.time % 1000) + 1000) % 1000) * 1000).padStart(6, '0');
    return `${journalShort(e.time, tz)}.${us} ${host} ${tag(e)}: ${e.message}`;
  }
  if (output === 'with-unit' && e.unit) return `${journalShort(e.time, tz)} ${host} ${e.unit}: ${e.message}`;
  return `${journalShort(e.time, tz)} ${host} ${tag(e)}: ${e.message}`;
}

export function fullDate(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ` +
    `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.zone}`;
}

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const a = parseJournalArgs(ctx.argv.slice(1), w.now, w.host.timezone);
  if (typeof a === 'string') return { stdout: '', stderr: a, exitCode: 1 };
  const system = canReadSystem(ctx);
  const stderr = system || a.quiet ? '' : HINT;
  const all = system ? w.logs(0, w.now).filter((e) => e.time <= w.now) : [];
  let picked = all.filter((e) => matches(e, a, w.host.bootTime));
  if (a.lines !== undefined) picked = picked.slice(Math.max(0, picked.length - a.lines));
  if (a.reverse) picked = [...picked].reverse();
  const out: string[] = [];
  if (w.host.distro === 'ubuntu-22.04' && !a.quiet && all.length > 0 && a.output !== 'cat') {
    const first = all[0]?.time ?? w.now;
    const last = all[all.length - 1]?.time ?? w.now;
    out.push(`-- Journal begins at ${fullDate(first, w.host.timezone)}, ends at ${fullDate(last, w.host.timezone)}. --`);
  }
  out.push(...picked.map((e) => line(w, e, a.output)));
  if (picked.length === 0 && !a.quiet) out.push('-- No entries --');
  return { stdout: out.map((l) => `${l}\n`).join(''), stderr, exitCode: 0 };
}

export const journalctlTool: Tool = {
  name: 'journalctl', summary: 'print log entries from the systemd journal', options: journalctlOptions, run,
};

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
import { localTime, pad2, DAYS } from '../../world/time-format';
import { parseJournalArgs, type JournalArgs } from './args';
import { fieldOf, journalBoots, journalRecord, type Boot } from './journal-entry';
import { listBoots, pickBoot } from './boots';
import { marksBoots, renderRecord } from './render';

export const journalctlOptions: OptionSupport[] = [
  { flag: '-u / --unit', support: 'full' }, { flag: '-t / --identifier', support: 'full' },
  { flag: '-S / --since, -U / --until', support: 'full' },
  { flag: '-n / --lines', support: 'full' }, { flag: '-r / --reverse', support: 'full' },
  { flag: '-p / --priority', support: 'full' }, { flag: '-k / --dmesg', support: 'full' },
  { flag: '-b / --boot [ID][±OFFSET]|all', support: 'full', note: 'the host booted once; entries older than the boot form boot -1' },
  { flag: '--list-boots', support: 'full' },
  { flag: '-g / --grep', support: 'full', note: 'JavaScript regular expressions, case-insensitive when all lower case' },
  { flag: '-o short|short-precise|short-iso|short-iso-precise|short-full|short-monotonic|short-unix|with-unit|cat', support: 'full' },
  { flag: '-o verbose|export|json|json-pretty|json-sse|json-seq', support: 'partial', note: 'the fields journald writes for the transport; json keeps one field order where journalctl follows a hash table' },
  { flag: '--utc / --no-hostname / -e / --no-pager / -q / -m / --system', support: 'full' },
  { flag: '-f / --follow', support: 'full', note: 'in the shell: follows on the simulated clock until Ctrl-C (shell/journal-follow.ts)' },
  { flag: 'FIELD=VALUE', support: 'full', note: 'any field -o verbose shows' },
  { flag: '--user, -M, -D, --file, -c, -F, -N, --disk-usage, --vacuum-*, --verify, catalog and FSS commands', support: 'none', note: 'one system journal on a simulated disk: no files, cursors, user journals or catalog' },
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

/** Whether an entry passes the filters; `from`..`to` is the boot -b picked (the current one by default). */
export function matches(e: LogEntry, a: JournalArgs, from: number, w?: HostState, to = Infinity): boolean {
  if (a.since !== undefined && e.time < a.since) return false;
  if (a.until !== undefined && e.time > a.until) return false;
  if (a.boot && (e.time < from || e.time >= to)) return false;
  if (a.units.length && !a.units.includes(e.unit ?? '')) return false;
  if (a.idents.length && !a.idents.includes(e.ident)) return false;
  if (a.kernel && e.facility !== 'kern') return false;
  const prio = e.priority ?? 6;
  if (prio > a.maxPriority || prio < a.minPriority) return false;
  if (a.grep && !a.grep.test(e.message)) return false;
  if (a.fields.length === 0) return true;
  if (!w) return false;
  const boots = journalOf(w).boots;
  return a.fields.every(([k, v]) => fieldOf(w, e, boots, k) === v);
}

interface JournalView { all: LogEntry[]; boots: Boot[]; seq: Map<string, number> }
const views = new WeakMap<HostState, JournalView>();
const entryKey = (e: LogEntry): string => `${e.time}|${e.ident}|${e.pid ?? ''}|${e.message}`;

/** The journal at w.now: every entry (for root), its boots and sequence numbers. */
export function journalOf(w: HostState): JournalView {
  const seen = views.get(w);
  if (seen) return seen;
  // What was logged at this very millisecond is in (sudo's line, before its command).
  const all = w.logs(0, w.now + 1).filter((e) => e.time <= w.now);
  const seq = new Map<string, number>();
  all.forEach((e, i) => { if (!seq.has(entryKey(e))) seq.set(entryKey(e), i + 1); });
  const view = { all, boots: journalBoots(w, all), seq };
  views.set(w, view);
  return view;
}

/** One entry in the -o mode of `a` (or of the mode named), without its newline. */
export function line(w: HostState, e: LogEntry, a: JournalArgs | string): string {
  const o = typeof a === 'string' ? { output: a, utc: false, noHostname: false } : a;
  const j = journalOf(w);
  const r = journalRecord(w, e, j.seq.get(entryKey(e)) ?? j.all.length + 1, j.boots);
  return renderRecord(w, e, r, o);
}

export function fullDate(ms: number, tz: string): string {
  const t = localTime(ms, tz);
  return `${DAYS[t.wday]} ${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ` +
    `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${t.zone}`;
}

function entries(w: HostState, a: JournalArgs, picked: LogEntry[]): string[] {
  const out: string[] = [];
  let prev: string | undefined;
  const boots = journalOf(w).boots;
  for (const e of picked) {
    const id = (e.time >= w.host.bootTime ? boots[boots.length - 1] : boots[0])?.id;
    if (prev !== undefined && id !== prev && !a.quiet && marksBoots(a.output)) out.push(`-- Boot ${id} --`);
    prev = id;
    out.push(line(w, e, a));
  }
  return out;
}

function run(ctx: ToolContext): ToolResult {
  const w = ctx.world;
  const a = parseJournalArgs(ctx.argv.slice(1), w.now, w.host.timezone);
  if (typeof a === 'string') return { stdout: '', stderr: a, exitCode: 1 };
  const system = canReadSystem(ctx);
  const stderr = system || a.quiet ? '' : HINT;
  const all = system ? journalOf(w).all : [];
  if (a.listBoots) return { stdout: listBoots(w, all, a), stderr, exitCode: 0 };
  const boot = pickBoot(w, journalBoots(w, all), a);
  if (typeof boot === 'string') return { stdout: '', stderr: stderr + boot, exitCode: 1 };
  let picked = all.filter((e) => matches(e, a, boot.from, w, boot.to));
  if (a.lines !== undefined) picked = picked.slice(Math.max(0, picked.length - a.lines));
  if (a.reverse) picked = [...picked].reverse();
  const out: string[] = [];
  if (w.host.distro === 'ubuntu-22.04' && !a.quiet && all.length > 0 && a.output !== 'cat') {
    const first = all[0]?.time ?? w.now;
    const last = all[all.length - 1]?.time ?? w.now;
    out.push(`-- Journal begins at ${fullDate(first, w.host.timezone)}, ends at ${fullDate(last, w.host.timezone)}. --`);
  }
  out.push(...entries(w, a, picked));
  if (picked.length === 0 && !a.quiet) out.push('-- No entries --');
  return { stdout: out.map((l) => `${l}\n`).join(''), stderr, exitCode: 0 };
}

export const journalctlTool: Tool = {
  name: 'journalctl', summary: 'print log entries from the systemd journal', options: journalctlOptions, run,
};

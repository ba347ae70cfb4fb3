/**
 * pstree (psmisc 23): the process tree from a pid (or the roots of the
 * world), in the compact one-line-per-branch form or, with -a, one process
 * per line with its arguments. Children sort by name then pid (-n: pid).
 * ASCII art unless the locale (LC_ALL, LC_CTYPE, LANG) says UTF-8 or -U is
 * given; -A forces ASCII. Lines are cut at $COLUMNS (132 without it) with a
 * `+`, unless -l. Identical sibling leaves merge to `N*[name]` unless -a, -p
 * or -c.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Process } from '../../world/types';
import { cmdlineArgs, findProcess, uidOf, userOrUid } from '../procfs/processes';

export const pstreeOptions: OptionSupport[] = [
  { flag: '-a', support: 'full' }, { flag: '-p', support: 'full' },
  { flag: '-n', support: 'full' }, { flag: '-c', support: 'full' },
  { flag: '-u', support: 'full' }, { flag: '-l', support: 'full' },
  { flag: '-A / -U', support: 'full' },
  { flag: '-s', support: 'full' }, { flag: '-g', support: 'full' },
  { flag: '-t / -T', support: 'full', note: 'threads show as {name} children: the process name, -t the thread\'s own, -T hides them' },
  { flag: '-h', support: 'partial', note: 'accepted; the current process and its ancestors are not highlighted' },
  { flag: '-S / -Z / -N / -H / -G', support: 'none', note: 'namespaces, security contexts and highlighting are not modelled' },
];

interface Opts {
  args: boolean; pids: boolean; byPid: boolean; compact: boolean; uids: boolean; long: boolean;
  utf: boolean; pgids: boolean; parents: boolean;
  /** -t: threads by their own names; -T: no threads. */
  threadNames: boolean; hideThreads: boolean;
  /** With -s: an ancestor of the target pid shows only the child on the way to it. */
  path: Map<number, number>;
  /** Children by parent pid, built once per run. */
  index: Map<number, Process[]>;
}

interface Art { first: string; mid: string; last: string; bar: string; single: string; branch: string }
const ASCII: Art = { first: '-+-', mid: ' |-', last: ' `-', bar: ' | ', single: '---', branch: '|-' };
const UTF: Art = { first: '─┬─', mid: ' ├─', last: ' └─', bar: ' │ ', single: '───', branch: '├─' };

const USAGE = `Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]
              [ -A | -G | -U ] [ PID | USER ]
   or: pstree -V
`;

function label(w: HostState, p: Process, parent: Process | undefined, o: Opts): string {
  const user = o.uids && parent && parent.uid !== p.uid ? userOrUid(w, p.uid) : '';
  if (o.args) {
    const extra = [o.pids ? String(p.pid) : '', o.pgids ? String(p.pgid ?? p.pid) : '', user].filter((s) => s !== '');
    const args = THREADS.has(p) ? '' : cmdlineArgs(p).slice(1).join(' ');
    return [p.comm, ...extra].join(',') + (args ? ` ${args}` : '');
  }
  const extra = [o.pids ? String(p.pid) : '', o.pgids ? String(p.pgid ?? p.pid) : '', user].filter((s) => s !== '');
  return extra.length ? `${p.comm}(${extra.join(',')})` : p.comm;
}

/** The {thread} entries pstree adds as children (they have no arguments). */
const THREADS = new WeakSet<Process>();

/** A process's threads besides its main one, as pstree lists them: `{name}`. */
function threadEntries(p: Process, o: Opts): Process[] {
  if (o.hideThreads) return [];
  return (p.threads ?? []).map((t) => {
    const entry: Process = {
      ...p, pid: t.tid, ppid: p.pid, pgid: p.pgid ?? p.pid, threads: undefined,
      comm: `{${(o.threadNames ? t.comm : p.comm).slice(0, 15)}}`,
    };
    THREADS.add(entry);
    return entry;
  });
}

function childIndex(w: HostState, o: Opts): Map<number, Process[]> {
  const index = new Map<number, Process[]>();
  for (const p of w.processes) {
    if (p.ppid === p.pid) continue;
    const list = index.get(p.ppid) ?? [];
    list.push(p);
    index.set(p.ppid, list);
  }
  for (const p of w.processes) {
    const threads = threadEntries(p, o);
    if (threads.length > 0) index.set(p.pid, [...(index.get(p.pid) ?? []), ...threads]);
  }
  return index;
}

function kids(_w: HostState, p: Process, o: Opts): Process[] {
  const next = o.path.get(p.pid);
  const all = o.index.get(p.pid) ?? [];
  return [...(next === undefined ? all : all.filter((c) => c.pid === next))].sort((a, b) =>
    o.byPid ? a.pid - b.pid : a.comm < b.comm ? -1 : a.comm > b.comm ? 1 : a.pid - b.pid);
}

/** -a form: one process per line, indented by ancestry. */
function vertical(w: HostState, p: Process, o: Opts, art: Art, out: string[], marks: boolean[], parent?: Process): void {
  const indent = marks.slice(0, -1).map((more) => (more ? `  ${art.bar.trim()} ` : '    ')).join('');
  const lead = marks.length === 0 ? '' : `${indent}  ${marks[marks.length - 1] ? art.branch : art.last.trim()}`;
  out.push(lead + label(w, p, parent, o));
  const children = kids(w, p, o);
  children.forEach((c, i) => vertical(w, c, o, art, out, [...marks, i < children.length - 1], p));
}

/** Compact form: a branch continues on the same line. Returns the lines of the subtree. */
function horizontal(w: HostState, p: Process, o: Opts, art: Art, parent?: Process): string[] {
  const me = label(w, p, parent, o);
  const groups = groupChildren(w, p, o, art);
  if (groups.length === 0) return [me];
  const pad = ' '.repeat([...me].length);
  if (groups.length === 1) {
    const [head = '', ...rest] = groups[0] ?? [];
    return [me + art.single + head, ...rest.map((l) => `${pad}   ${l}`)];
  }
  const out: string[] = [];
  groups.forEach((lines, i) => {
    const last = i === groups.length - 1;
    lines.forEach((l, j) => {
      if (j === 0) out.push((i === 0 ? me + art.first : pad + (last ? art.last : art.mid)) + l);
      else out.push(pad + (last ? '   ' : art.bar) + l);
    });
  });
  return out;
}

/** Children's subtrees, merging identical ones to `N*[...]` when compacting. */
function groupChildren(w: HostState, p: Process, o: Opts, art: Art): string[][] {
  const subtrees = kids(w, p, o).map((c) => horizontal(w, c, o, art, p));
  if (!o.compact) return subtrees;
  const merged: { lines: string[]; n: number }[] = [];
  for (const lines of subtrees) {
    const prev = merged[merged.length - 1];
    if (prev && lines.length === 1 && prev.lines.length === 1 && prev.lines[0] === lines[0]) prev.n++;
    else merged.push({ lines, n: 1 });
  }
  return merged.map((m) => (m.n > 1 ? [`${m.n}*[${m.lines[0]}]`] : m.lines));
}

function parse(argv: string[]): { o: Opts; target?: string; forceAscii: boolean; forceUtf: boolean } | string {
  const o: Opts = {
    args: false, pids: false, byPid: false, compact: true, uids: false, long: false, utf: false,
    pgids: false, parents: false, threadNames: false, hideThreads: false, path: new Map(),
    index: new Map(),
  };
  let target: string | undefined;
  let forceAscii = false;
  let forceUtf = false;
  for (const a of argv) {
    if (a.startsWith('--')) return `pstree: unrecognized option '${a}'\n`;
    if (!a.startsWith('-') || a === '-') { target = a; continue; }
    for (const ch of a.slice(1)) {
      if (ch === 'a') { o.args = true; o.compact = false; }
      else if (ch === 'p') { o.pids = true; o.compact = false; }
      else if (ch === 'c') o.compact = false;
      else if (ch === 'n') o.byPid = true;
      else if (ch === 'u') o.uids = true;
      else if (ch === 'l') o.long = true;
      else if (ch === 'A') forceAscii = true;
      else if (ch === 'U') forceUtf = true;
      else if (ch === 'g') { o.pgids = true; o.compact = false; }
      else if (ch === 's') o.parents = true;
      else if (ch === 't') o.threadNames = true;
      else if (ch === 'T') o.hideThreads = true;
      else if (ch === 'h') continue;
      else if ('SZNHG'.includes(ch)) return `pstree: option -${ch} is not simulated in this lab\n`;
      else return `pstree: invalid option -- '${ch}'\n`;
    }
  }
  return { o, target, forceAscii, forceUtf };
}

function utf8Locale(env: ReadonlyMap<string, string>): boolean {
  const loc = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

function roots(w: HostState, target: string | undefined): Process[] | undefined {
  if (target === undefined) {
    const init = findProcess(w, 1);
    if (init) return [init];
    const pids = new Set(w.processes.map((p) => p.pid));
    return w.processes.filter((p) => !pids.has(p.ppid)).sort((a, b) => a.pid - b.pid);
  }
  if (/^\d+$/.test(target)) {
    const p = findProcess(w, Number(target));
    return p ? [p] : [];
  }
  const uid = uidOf(w, target);
  if (uid === undefined) return undefined;
  return w.processes.filter((p) => p.uid === uid && findProcess(w, p.ppid)?.uid !== uid);
}

/** -s: the chain from the top down to `p`, each ancestor keeping only that way. */
function ancestors(w: HostState, p: Process, o: Opts): Process {
  let top = p;
  const seen = new Set<number>([p.pid]);
  for (let up = findProcess(w, p.ppid); up && !seen.has(up.pid); up = findProcess(w, up.ppid)) {
    o.path.set(up.pid, top.pid);
    seen.add(up.pid);
    top = up;
  }
  return top;
}

function run(ctx: ToolContext): ToolResult {
  const parsed = parse(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    return { stdout: '', stderr: parsed + (parsed.includes('not simulated') ? '' : USAGE), exitCode: 1 };
  }
  const { o, target } = parsed;
  o.index = childIndex(ctx.world, o);
  const art = parsed.forceAscii ? ASCII : parsed.forceUtf || utf8Locale(ctx.env) ? UTF : ASCII;
  let list = roots(ctx.world, target);
  if (o.parents && list?.length === 1 && list[0]) list = [ancestors(ctx.world, list[0], o)];
  if (list === undefined) return { stdout: '', stderr: `No such user name: ${target}\n`, exitCode: 1 };
  if (list.length === 0) return { stdout: '', stderr: '', exitCode: 1 };
  const lines: string[] = [];
  for (const r of list) {
    if (o.args) vertical(ctx.world, r, o, art, lines, []);
    else lines.push(...horizontal(ctx.world, r, o, art));
  }
  const width = Number(ctx.env.get('COLUMNS') ?? '') || 132;
  const cut = o.long ? lines : lines.map((l) => ([...l].length > width ? `${[...l].slice(0, width - 1).join('')}+` : l));
  return { stdout: cut.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
}

export const pstreeTool: Tool = {
  name: 'pstree',
  summary: 'display a tree of processes',
  options: pstreeOptions,
  run,
};

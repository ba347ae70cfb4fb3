/**
 * systemctl (systemd 252/255): status, list-units, list-timers, is-active,
 * is-enabled, is-failed, show -p, and start/stop/restart/enable/disable,
 * which return `unit` events (root only: others get `Access denied`).
 * Units come from world.units; `sshd` resolves to Debian's ssh.service.
 * There is no pager; colours are not emitted.
 */
import type { OptionSupport, Tool, ToolContext, ToolResult } from '../types';
import type { HostState, Unit, WorldEvent } from '../../world/types';
import { listTimers, listUnits, type ListOpts } from './lists';
import { statusText } from './status';
import { findUnit, unitName } from './units';
import { findScope, scopeUnit, sessionOf, type ShownUnit } from './scopes';

export const systemctlOptions: OptionSupport[] = [
  { flag: 'status UNIT|PID...', support: 'full', note: 'a pid shows the unit holding it: a session scope or a service' },
  { flag: 'list-units [--type=T] [--all] [--state=S] [PATTERN]', support: 'full' },
  { flag: 'list-timers [--all]', support: 'full' },
  { flag: 'start / stop / restart / enable / disable [--now]', support: 'full' },
  { flag: 'is-active / is-enabled / is-failed', support: 'full' },
  { flag: 'show -p PROP [--value]', support: 'partial', note: 'a few properties' },
  { flag: 'cat / edit / mask / list-unit-files / daemon-reload', support: 'none', note: 'unit files are not modelled as text' },
];

type Action = 'stop' | 'start' | 'disable' | 'enable' | 'restart';
const ACTIONS = new Set<Action>(['stop', 'start', 'disable', 'enable', 'restart']);

const res = (stdout: string, exitCode = 0, stderr = ''): ToolResult => ({ stdout, stderr, exitCode });

function canReadJournal(ctx: ToolContext): boolean {
  if (ctx.uid === 0) return true;
  const acc = ctx.world.accounts.find((a) => a.uid === ctx.uid);
  const groups = new Set(acc?.groups ?? []);
  return groups.has('adm') || groups.has('systemd-journal');
}

function status(ctx: ToolContext, names: string[]): ToolResult {
  const w = ctx.world;
  if (names.length === 0) return res('', 0, 'systemctl status without a unit is not simulated; name a unit\n');
  let out = '';
  let err = '';
  let code = 0;
  names.forEach((n) => {
    if (/^\d+$/.test(n)) {
      const byPid = unitOfPid(w, Number(n));
      if (typeof byPid === 'string') {
        err += byPid;
        code = 1;
        return;
      }
      out += (out ? '\n' : '') + statusText(w, byPid, canReadJournal(ctx));
      return;
    }
    const u = findUnit(w, n) ?? findScope(w, unitName(n));
    if (!u) {
      err += `Unit ${unitName(n)} could not be found.\n`;
      code = 4;
      return;
    }
    out += (out ? '\n' : '') + statusText(w, u, canReadJournal(ctx));
    if (u.active !== 'active' && code === 0) code = 3;
  });
  return res(out, code, err);
}

/** The unit holding a pid (systemd's GetUnitByPID), or systemctl's error. */
function unitOfPid(w: HostState, pid: number): ShownUnit | string {
  const p = w.processes.find((x) => x.pid === pid);
  const scope = p ? sessionOf(w, pid) : undefined;
  if (scope) return scopeUnit(scope);
  const u = p?.unit !== undefined ? findUnit(w, p.unit) : undefined;
  if (u) return u;
  return `Failed to get unit for PID ${pid}: PID ${pid} does not belong to any loaded unit.\n`;
}

function changeUnits(ctx: ToolContext, action: Action, names: string[], now: boolean): ToolResult {
  if (names.length === 0) return res('', 1, `Too few arguments.\n`);
  const verb = action === 'enable' || action === 'disable' ? `${action} unit` : action;
  const events: WorldEvent[] = [];
  let out = '';
  for (const n of names) {
    const u = findUnit(ctx.world, n);
    const full = unitName(n);
    if (!u) {
      const why = action === 'stop' ? `Unit ${full} not loaded.` : action === 'disable' || action === 'enable' ? `Unit file ${full} does not exist.` : `Unit ${full} not found.`;
      return res('', action === 'enable' || action === 'disable' ? 1 : 5, `Failed to ${verb}${verb.endsWith('unit') ? '' : ` ${full}`}: ${why}\n`);
    }
    if (ctx.uid !== 0) return res('', 1, `Failed to ${verb}${verb.endsWith('unit') ? '' : ` ${u.name}`}: Access denied\n`);
    out += linkMessage(u, action);
    events.push({ type: 'unit', at: ctx.world.now, unit: u.name, action });
    if (now && action === 'disable') events.push({ type: 'unit', at: ctx.world.now, unit: u.name, action: 'stop' });
    if (now && action === 'enable') events.push({ type: 'unit', at: ctx.world.now, unit: u.name, action: 'start' });
  }
  return { stdout: '', stderr: out, exitCode: 0, events };
}

/** enable/disable report the symlinks they change, on stderr. */
function linkMessage(u: Unit, action: Action): string {
  const wants = `/etc/systemd/system/multi-user.target.wants/${u.name}`;
  if (action === 'disable' && u.enabled === 'enabled') return `Removed "${wants}".\n`;
  if (action === 'enable' && u.enabled === 'disabled') return `Created symlink ${wants} → ${u.path}.\n`;
  return '';
}

function query(ctx: ToolContext, verb: string, names: string[]): ToolResult {
  let out = '';
  let allOk = names.length > 0;
  let err = '';
  for (const n of names) {
    const u = findUnit(ctx.world, n) ?? findScope(ctx.world, unitName(n));
    if (verb === 'is-enabled') {
      if (!u) { err += `Failed to get unit file state for ${unitName(n)}: No such file or directory\n`; allOk = false; continue; }
      out += `${u.enabled}\n`;
      allOk &&= u.enabled === 'enabled' || u.enabled === 'static';
    } else {
      const state = u?.active ?? 'inactive';
      out += `${state}\n`;
      allOk &&= verb === 'is-failed' ? state === 'failed' : state === 'active';
    }
  }
  return res(out, allOk ? 0 : verb === 'is-enabled' && err ? 1 : verb === 'is-failed' ? 1 : 3, err);
}

function show(ctx: ToolContext, names: string[], props: string[], valueOnly: boolean): ToolResult {
  const u = findUnit(ctx.world, names[0] ?? '');
  const values: Record<string, string> = {
    Id: u?.name ?? unitName(names[0] ?? ''), Description: u?.description ?? '',
    LoadState: u ? 'loaded' : 'not-found', ActiveState: u?.active ?? 'inactive',
    SubState: u?.sub ?? 'dead', UnitFileState: u?.enabled ?? '', FragmentPath: u?.path ?? '',
    MainPID: String(u?.mainPid ?? 0), ExecMainPID: String(u?.mainPid ?? 0),
  };
  const keys = props.length ? props : Object.keys(values);
  const lines = keys.map((k) => {
    const v = Object.hasOwn(values, k) ? values[k] ?? '' : '';
    return valueOnly ? v : `${k}=${v}`;
  });
  return res(lines.map((l) => `${l}\n`).join(''));
}

function run(ctx: ToolContext): ToolResult {
  const o: ListOpts = { types: [], all: false, states: [], legend: true, patterns: [] };
  const props: string[] = [];
  let valueOnly = false;
  let now = false;
  const words: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const take = (): string => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i] ?? '');
    if (a === '--all' || a === '-a') o.all = true;
    else if (a.startsWith('--type') || a === '-t') o.types.push(...take().split(','));
    else if (a.startsWith('--state')) o.states.push(...take().split(','));
    else if (a === '--no-legend') o.legend = false;
    else if (a === '--now') now = true;
    else if (a === '--value') valueOnly = true;
    else if (a === '-p' || a.startsWith('--property')) props.push(...take().split(','));
    else if (['--no-pager', '-l', '--full', '--plain', '-q', '--quiet', '--lines', '-n'].includes(a)) {
      if (a === '--lines' || a === '-n') i++;
    } else if (a.startsWith('-')) return res('', 1, `systemctl: unrecognized option '${a}'\n`);
    else words.push(a);
  }
  const [verb = 'list-units', ...names] = words;
  if (verb === 'status') return status(ctx, names);
  if (verb === 'list-units') return res(listUnits(ctx.world, { ...o, patterns: names }));
  if (verb === 'list-timers') return res(listTimers(ctx.world, { ...o, patterns: names }));
  if (ACTIONS.has(verb as Action)) return changeUnits(ctx, verb as Action, names, now);
  if (verb === 'is-active' || verb === 'is-enabled' || verb === 'is-failed') return query(ctx, verb, names);
  if (verb === 'show') return show(ctx, names, props, valueOnly);
  return res('', 1, `Unknown command verb ${verb}.\n`);
}

export const systemctlTool: Tool = { name: 'systemctl', summary: 'control the systemd system and service manager', options: systemctlOptions, run };

/**
 * `systemctl list-units` and `systemctl list-timers`: columns measured from
 * the rows, then the legend systemd 252 prints after them. The units are
 * the world's and the scopes of the login sessions that hold processes.
 */
import type { HostState } from '../../world/types';
import { relative, stamp } from './format';
import { isOldSystemd } from './units';
import { sessionScopes, type ShownUnit } from './scopes';

export interface ListOpts { types: string[]; all: boolean; states: string[]; legend: boolean; patterns: string[] }

function glob(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function table(rows: string[][], lastFree: boolean): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r
    .map((c, i) => (lastFree && i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
    .join(' ')
    .trimEnd());
}

function selectUnits(w: HostState, o: ListOpts): ShownUnit[] {
  return [...w.units, ...sessionScopes(w)]
    .filter((u) => o.types.length === 0 || o.types.some((t) => u.name.endsWith(`.${t}`)))
    .filter((u) => o.patterns.length === 0 || o.patterns.some((p) => glob(p).test(u.name)))
    .filter((u) => (o.states.length > 0
      ? o.states.includes(u.active) || o.states.includes(u.sub)
      : o.all || u.active !== 'inactive'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function listUnits(w: HostState, o: ListOpts): string {
  const units = selectUnits(w, o);
  const rows = units.map((u) => [
    `${u.active === 'failed' ? '●' : ' '} ${u.name}`, 'loaded', u.active,
    u.abandoned ? 'abandoned' : u.sub, u.description,
  ]);
  const lines = o.legend || units.length > 0 ? table([['  UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'], ...rows], true) : [];
  if (!o.legend) return table(rows, true).map((l) => `${l}\n`).join('');
  if (units.length === 0) lines.length = 0;
  else {
    lines.push('', 'LOAD   = Reflects whether the unit definition was properly loaded.',
      'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.',
      'SUB    = The low-level unit activation state, values depend on unit type.', '');
  }
  lines.push(`${units.length} loaded units listed.${o.all ? '' : ' Pass --all to see loaded but inactive units, too.'}`);
  lines.push("To show all installed unit files use 'systemctl list-unit-files'.");
  return lines.map((l) => `${l}\n`).join('');
}

export function listTimers(w: HostState, o: ListOpts): string {
  const tz = w.host.timezone;
  const none = isOldSystemd(w) ? 'n/a' : '-';
  const timers = w.units
    .filter((u) => u.name.endsWith('.timer') && u.timer && (o.all || u.active === 'active'))
    .filter((u) => o.patterns.length === 0 || o.patterns.some((p) => glob(p).test(u.name)))
    .sort((a, b) => (a.timer?.next ?? 0) - (b.timer?.next ?? 0));
  const rows = timers.map((u) => {
    const t = u.timer;
    if (!t) return [];
    return [
      stamp(t.next, tz), relative(t.next - w.now, 'left'),
      t.last !== undefined ? stamp(t.last, tz) : none,
      t.last !== undefined ? relative(w.now - t.last, 'ago') : none,
      u.name, t.activates,
    ];
  });
  const head = ['NEXT', 'LEFT', 'LAST', 'PASSED', 'UNIT', 'ACTIVATES'];
  const lines = o.legend ? table([head, ...rows], true) : table(rows, true);
  if (o.legend) {
    lines.push('', `${timers.length} timers listed.`);
    if (!o.all) lines.push('Pass --all to see loaded but inactive timers, too.');
  }
  return lines.map((l) => `${l}\n`).join('');
}

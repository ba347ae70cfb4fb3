/**
 * Typed values the scorer compares: what a fact of the world resolves to,
 * and what a trainee's answer normalises to.
 */
import type { CompiledScenario } from '../scenario/types';

export type Value =
  | { type: 'ip'; addr: string }
  | { type: 'endpoint'; addr: string; port: number }
  | { type: 'port'; port: number }
  | { type: 'pid'; pid: number }
  /** `names`: every spelling accepted (comm, exe's base name), lower case. */
  | { type: 'process'; name: string; path?: string; names: string[] }
  | { type: 'duration'; seconds: number }
  | { type: 'number'; value: number }
  | { type: 'text'; text: string }
  | { type: 'set'; element: ElementType; items: Value[] }
  | { type: 'order'; ids: string[] };

export type ValueType = Value['type'];
export type ElementType = 'ip' | 'endpoint' | 'port' | 'pid' | 'process' | 'text';

/** What the scorer needs of a scenario; the compile step has it early. */
export type ScenarioView = Pick<CompiledScenario, 'entities' | 'vars' | 'now' | 'worldAt'>;

export type Resolved<T = Value> =
  | { ok: true; value: T }
  | { ok: false; message: string; hint?: string; field?: string };

export const fail = (message: string, hint?: string, field?: string): Resolved<never> => {
  const out: { ok: false; message: string; hint?: string; field?: string } = { ok: false, message };
  if (hint !== undefined) out.hint = hint;
  if (field !== undefined) out.field = field;
  return out;
};

/** The value as the report prints it. */
export function showValue(v: Value): string {
  switch (v.type) {
    case 'ip':
      return v.addr;
    case 'endpoint':
      return v.addr.includes(':') ? `[${v.addr}]:${v.port}` : `${v.addr}:${v.port}`;
    case 'port':
      return String(v.port);
    case 'pid':
      return String(v.pid);
    case 'process':
      return v.path !== undefined && v.path !== v.name ? `${v.name} (${v.path})` : v.name;
    case 'duration':
      return `${v.seconds} s`;
    case 'number':
      return String(v.value);
    case 'text':
      return v.text;
    case 'set':
      return v.items.map(showValue).join(', ');
    case 'order':
      return v.ids.join(' > ');
  }
}

/** Strings a tool's output would contain if it showed the value. */
export function valueSpellings(v: Value): string[] {
  switch (v.type) {
    case 'ip':
      return v.addr.includes(':') ? [v.addr] : [v.addr, `::ffff:${v.addr}`];
    case 'endpoint':
      return v.addr.includes(':')
        ? [`[${v.addr}]:${v.port}`, `${v.addr}:${v.port}`, `${v.addr} ${v.port}`]
        : [`${v.addr}:${v.port}`, `${v.addr} ${v.port}`, `[::ffff:${v.addr}]:${v.port}`];
    case 'port':
      return [String(v.port)];
    case 'pid':
      return [String(v.pid)];
    case 'process':
      return v.path !== undefined ? [v.name, v.path] : [v.name];
    case 'number':
      return [String(v.value)];
    case 'text':
      return [v.text];
    case 'set':
      return v.items.flatMap(valueSpellings);
    case 'duration':
    case 'order':
      return [];
  }
}

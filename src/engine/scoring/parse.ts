/**
 * Reading a piece of text as a typed value of a given type, for trainee
 * answers and for literal answers and vars in a scenario alike.
 */
import { canonicalIp, ipOfAnswer, parseEndpoint } from './address';
import {
  foldText, parseDuration, parseList, parseNumber, parsePid, parsePort, parseProcessName,
} from './normalise';
import type { ElementType, Value } from './values';

export type ScalarType = ElementType | 'duration' | 'number';

/** One value of a scalar type, or null when the text is not one. */
export function parseScalar(type: ScalarType, text: string): Value | null {
  switch (type) {
    case 'ip': {
      const addr = ipOfAnswer(text);
      return addr === null ? null : { type: 'ip', addr };
    }
    case 'endpoint': {
      const ep = parseEndpoint(text)[0];
      return ep ? { type: 'endpoint', ...ep } : null;
    }
    case 'port': {
      const port = parsePort(text);
      return port === null ? null : { type: 'port', port };
    }
    case 'pid': {
      const pid = parsePid(text);
      return pid === null ? null : { type: 'pid', pid };
    }
    case 'process': {
      const name = parseProcessName(text);
      return name === null ? null : { type: 'process', name, names: [name] };
    }
    case 'duration': {
      const seconds = parseDuration(text);
      return seconds === null ? null : { type: 'duration', seconds };
    }
    case 'number': {
      const value = parseNumber(text);
      return value === null ? null : { type: 'number', value };
    }
    case 'text':
      return { type: 'text', text: foldText(text) };
  }
}

/** Every reading of an endpoint answer (netstat's form is ambiguous). */
export function endpointReadings(text: string): Value[] {
  return parseEndpoint(text).map((ep) => ({ type: 'endpoint', ...ep }));
}

/** A set of values; null if any member does not parse. */
export function parseSet(element: ElementType, text: string): Value | null {
  const items: Value[] = [];
  for (const item of parseList(text)) {
    const v = parseScalar(element, item);
    if (v === null) return null;
    items.push(v);
  }
  return items.length > 0 ? { type: 'set', element, items } : null;
}

export interface OptionLike {
  id: string;
  text: string;
}

/** An option named by its id or its text, as its id. */
export function optionId(options: readonly OptionLike[], text: string): string | null {
  const folded = foldText(text);
  const byId = options.find((o) => o.id.toLowerCase() === folded);
  if (byId) return byId.id;
  const byText = options.find((o) => foldText(o.text) === folded);
  return byText ? byText.id : null;
}

/** Several options (ids or texts); null if one names no option. */
export function optionIds(
  options: readonly OptionLike[], text: string, ordered: boolean,
): string[] | null {
  const whole = optionId(options, text);
  if (whole !== null) return [whole];
  const ids: string[] = [];
  for (const item of parseList(text, ordered)) {
    const id = optionId(options, item);
    if (id === null) return null;
    ids.push(id);
  }
  return ids;
}

/** Canonical address of a param given as text (a var or a literal). */
export function paramAddress(v: string | number): string | null {
  return typeof v === 'string' ? canonicalIp(v) : null;
}

/** A port param given as a number or text. */
export function paramPort(v: string | number): number | null {
  return typeof v === 'number' ? (Number.isInteger(v) && v >= 1 && v <= 65535 ? v : null)
    : parsePort(v);
}

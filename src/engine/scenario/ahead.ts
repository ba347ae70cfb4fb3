/**
 * Parsing ahead of time. The browser build parses each shipped scenario as
 * it bundles it, so opening a lab skips the YAML parser, the costliest step
 * of a load. Only text that parses without a problem is kept as data, and
 * only data that JSON carries unchanged; anything else loads from its text.
 */
import { parseScenarioYaml } from './load-yaml';

/** The scenario's data, or undefined when it must be loaded from its text. */
export function parseAhead(text: string): unknown {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok || parsed.warnings.length > 0 || !jsonSafe(parsed.data)) return undefined;
  return parsed.data;
}

/** Whether JSON.stringify then JSON.parse gives the same value back. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(jsonSafe);
}

/**
 * Small scenario documents for the compiler's tests, run through vars and
 * the schema as the loader does.
 */
import { compileScenario, type CompileResult } from './compile';
import { scenarioSchema } from './schema';
import { resolveVars } from './vars';

export function baseDoc(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'outbound/v1',
    id: 'test',
    title: 'Test',
    summary: 'A test host.',
    difficulty: 'beginner',
    estimated_minutes: 5,
    briefing: 'Test.',
    clock: { now: '2026-12-04T13:28:56Z', boot: '-3h', history: '24h' },
    host: {
      hostname: 'web02',
      distro: 'ubuntu-24.04',
      interfaces: [{ name: 'eth0', addresses: ['10.20.0.7/24'] }],
      routes: [{ dst: 'default', via: '10.20.0.1', dev: 'eth0' }],
    },
    ...over,
  };
}

/** Vars, schema and compile; throws if the schema rejects the document. */
export function compileDoc(raw: Record<string, unknown>, seed?: number): CompileResult {
  const vars = resolveVars(raw, seed);
  if (vars.issues.length > 0) return { ok: false, issues: vars.issues };
  const parsed = scenarioSchema.safeParse(vars.value);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return compileScenario(parsed.data, seed === undefined ? {} : { seed });
}

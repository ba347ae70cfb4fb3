/**
 * For tests and benchmarks: a scenario's text compiled down to the base
 * host and the compiled timeline, with `worldAt` bound to them, without the
 * loader's positioned diagnostics (problems are returned as PathIssues).
 */
import { parse } from 'yaml';
import { IssueSink, type PathIssue } from '../../scenario/issues';
import { scenarioSchema } from '../../scenario/schema';
import { resolveVars } from '../../scenario/vars';
import { worldAt } from '../at';
import type { BaseHost } from '../base-types';
import { buildBaseHost } from '../build';
import type { HostState, WorldEvent } from '../types';
import { compileTimeline } from './index';
import type { CompiledBehaviour } from './types';

export interface Compiled {
  base: BaseHost;
  timeline: CompiledBehaviour[];
  vars: ReadonlyMap<string, string | number>;
  issues: PathIssue[];
  at(t: number, actions?: readonly WorldEvent[]): HostState;
  byId<K extends CompiledBehaviour['kind']>(id: string, kind: K): Extract<CompiledBehaviour, { kind: K }>;
}

export function compileText(text: string, seed?: number): Compiled {
  const vars = resolveVars(parse(text), seed);
  const checked = scenarioSchema.safeParse(vars.value);
  if (!checked.success) {
    throw new Error(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const { base, issues } = buildBaseHost(checked.data, vars.seed ?? seed ?? 1);
  const sink = new IssueSink();
  const timeline = compileTimeline(checked.data.timeline, base, sink);
  return {
    base, timeline, vars: vars.vars ?? new Map(), issues: [...vars.issues, ...issues, ...sink.issues],
    at: (t, actions = []) => worldAt(base, timeline, t, actions),
    byId(id, kind) {
      const b = timeline.find((x) => x.id === id);
      if (!b || b.kind !== kind) throw new Error(`no ${kind} ${id}`);
      return b as Extract<CompiledBehaviour, { kind: typeof kind }>;
    },
  };
}

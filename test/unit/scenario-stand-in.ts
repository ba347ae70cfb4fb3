/**
 * A small stand-in for the real scenario schema and compiler, so the loader's
 * tests pin its own behaviour (positions, wording) independently of how the
 * real schema evolves.
 */
import { z } from 'zod';
import type { PathIssue } from '../../src/engine/scenario/issues';
import type { CompiledScenario, Diagnostic } from '../../src/engine/scenario/types';
import {
  createScenarioLoader,
  type CompileOutcome,
} from '../../src/engine/scenario/load';

const port = z.number().int().min(1).max(65535).meta({ description: 'A TCP or UDP port.' });

const sshLogin = z.strictObject({
  kind: z.literal('ssh_login'),
  id: z.string(),
  at: z.number(),
  user: z.string().min(1),
  port: port.default(22),
});

const beacon = z.strictObject({
  kind: z.literal('beacon'),
  id: z.string(),
  at: z.number(),
  parent: z.string(),
  every: z.number().positive(),
});

export const standInSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']).default('beginner'),
  host: z.strictObject({
    hostname: z.string(),
    services: z.array(z.strictObject({ name: z.string(), port })).default([]),
  }),
  timeline: z.array(z.discriminatedUnion('kind', [sshLogin, beacon])).default([]),
  duration: z.number().default(3600),
});

export type StandInDoc = z.output<typeof standInSchema>;

function compile(doc: StandInDoc): CompileOutcome {
  const issues: PathIssue[] = [];
  const seen = new Map<string, number>();
  doc.timeline.forEach((event, i) => {
    if (seen.has(event.id)) {
      issues.push({ path: ['timeline', i, 'id'], message: `duplicate id \`${event.id}\`` });
    }
    seen.set(event.id, i);
    if (event.at > doc.duration) {
      issues.push({ path: ['timeline', i, 'at'], message: 'event after the end of the timeline' });
    }
  });
  doc.timeline.forEach((event, i) => {
    if (event.kind === 'beacon' && !seen.has(event.parent)) {
      issues.push({
        path: ['timeline', i, 'parent'],
        message: `unknown id \`${event.parent}\``,
        hint: `known ids: ${[...seen.keys()].join(', ')}`,
      });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const scenario = { meta: { id: doc.id, title: doc.title } } as unknown as CompiledScenario;
  return { ok: true, scenario };
}

export const loadStandIn = createScenarioLoader({
  schema: standInSchema,
  resolveVars: (raw) => ({ value: raw, issues: [] }),
  compile,
});

/** The single diagnostic of a failed load, as `line:col message | hint`. */
export function only(text: string): string {
  const result = loadStandIn(text);
  if (result.ok) return 'OK';
  return result.diagnostics.map(brief).join('\n');
}

export function brief(d: Diagnostic): string {
  const hint = d.hint ? ` | ${d.hint}` : '';
  return `${d.line}:${d.col}-${d.endLine}:${d.endCol} ${d.message}${hint}`;
}

export const GOOD = `id: demo
title: Demo scenario
host:
  hostname: web01
  services:
    - name: sshd
      port: 22
timeline:
  - kind: ssh_login
    id: login
    at: 10
    user: deploy
  - kind: beacon
    id: c2
    at: 60
    parent: login
    every: 60
`;

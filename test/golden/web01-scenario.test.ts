/**
 * test/golden/web01.yaml, compiled, must give the captured host of
 * test/fixtures/web01.ts at its `now`: the same links, routes, neighbours,
 * firewall, processes, sockets and utmp records, field by field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileScenario } from '../../src/engine/scenario/compile';
import { scenarioSchema } from '../../src/engine/scenario/schema';
import { resolveVars } from '../../src/engine/scenario/vars';
import { settleSessions } from '../../src/engine/world/sessions';
import type { HostState } from '../../src/engine/world/types';
import { NOW, web01ByHand } from '../fixtures/web01';

function compiledWorld(
  edit: (raw: { host: Record<string, unknown> }) => void = () => {},
): HostState {
  const text = readFileSync(new URL('./web01.yaml', import.meta.url), 'utf8');
  const raw = parse(text);
  edit(raw);
  const vars = resolveVars(raw);
  expect(vars.issues).toEqual([]);
  const doc = scenarioSchema.parse(vars.value);
  const result = compileScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  expect(result.issues).toEqual([]);
  expect(result.scenario.now).toBe(NOW);
  return result.scenario.worldAt(NOW);
}

describe('web01.yaml reproduces the captured state', () => {
  const got = compiledWorld();
  const want = web01ByHand();

  it('host info', () => expect(got.host).toEqual(want.host));
  it('accounts and groups', () => {
    expect(got.accounts).toEqual(want.accounts);
    expect(got.groups).toEqual(want.groups);
  });
  it('interfaces', () => expect(got.interfaces).toEqual(want.interfaces));
  it('routes', () => expect(got.routes).toEqual(want.routes));
  it('routes, with the kernel routes derived from the addresses', () => {
    const derived = compiledWorld((raw) => {
      raw.host.routes = [{ dst: 'default', via: '10.10.0.1', dev: 'eth0' }];
      raw.host.connected_routes = true;
    });
    expect(derived.routes).toEqual(want.routes);
  });
  it('neighbours', () => expect(got.neighbours).toEqual(want.neighbours));
  it('firewall', () => expect(got.firewall).toEqual(want.firewall));
  it('processes, in pid order', () => {
    expect(got.processes.map((p) => p.pid)).toEqual(want.processes.map((p) => p.pid));
    // The fixture is written without sessions; the world gives every process its group and session.
    settleSessions(want.processes).forEach((p, i) => expect(got.processes[i]).toStrictEqual(p));
  });
  it('sockets, in file order', () => {
    expect(got.sockets.map((s) => s.id)).toEqual(want.sockets.map((s) => s.id));
    want.sockets.forEach((s, i) => expect(got.sockets[i]).toStrictEqual(s));
  });
  it('logins', () => expect(got.logins).toEqual(want.logins));
  it('adds nothing else: no units, cron jobs or flows', () => {
    expect(got.units).toEqual([]);
    expect(got.cron).toEqual([]);
    expect(got.flows).toEqual([]);
    expect(got.logs(NOW - 86_400_000, NOW)).toEqual([]);
  });
});

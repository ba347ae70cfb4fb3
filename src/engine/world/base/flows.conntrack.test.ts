import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe('base conntrack: every live TCP connection has a flow', () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const s = r.scenario;
  const world = s.worldAt(s.now);

  it("tracks the trainee's own SSH connection, opened by the client", () => {
    const f = world.flows.find((x) => x.orig.src === s.trainee.from && x.orig.dport === 22);
    expect(f).toBeDefined();
    expect(f!.state).toBe('ESTABLISHED');
    expect(f!.assured).toBe(true);
    expect(f!.mark).toBe(0);
    expect(f!.timeout).toBeGreaterThan(431_000);
    expect(f!.timeout).toBeLessThanOrEqual(432_000);
    expect(f!.reply.dst).toBe(s.trainee.from);
  });

  it('has a flow for every established TCP socket', () => {
    const key = (a: string, p: number, b: string, q: number) => `${a}:${p}>${b}:${q}`;
    const flows = new Set<string>();
    for (const f of world.flows) {
      flows.add(key(f.orig.src, f.orig.sport, f.orig.dst, f.orig.dport));
      flows.add(key(f.reply.src, f.reply.sport, f.reply.dst, f.reply.dport));
    }
    const missing = world.sockets
      .filter((x) => x.proto === 'tcp' && x.state === 'ESTABLISHED')
      .map((x) => key(x.local.addr, x.local.port, x.remote.addr, x.remote.port))
      .filter((k) => !flows.has(k));
    expect(missing).toEqual([]);
  });
});

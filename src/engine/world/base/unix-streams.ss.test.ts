import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe("base host: the services' connected UNIX sockets", () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const world = r.scenario.worldAt(r.scenario.now);
  const byInode = new Map(world.unixSockets.map((u) => [u.inode, u]));
  const holder = (inode: number) => world.processes.filter((p) => p.fds.some((f) => f.kind === 'unix' && f.target === inode));

  it('joins every established UNIX socket to its peer, both held by a process', () => {
    const estab = world.unixSockets.filter((u) => u.state === 'ESTAB');
    expect(estab.length).toBeGreaterThan(10);
    for (const u of estab) {
      expect(byInode.get(u.peerInode)?.peerInode).toBe(u.inode);
      expect(holder(u.inode).length).toBeGreaterThan(0);
    }
  });

  it("streams cron's stdout and stderr to journald, and connects logind to the bus", () => {
    const cron = world.processes.find((p) => p.comm === 'cron')!;
    const out = cron.fds.find((f) => f.fd === 1)!;
    const server = byInode.get(byInode.get(out.target as number)!.peerInode)!;
    expect(server.path).toBe('/run/systemd/journal/stdout');
    expect(holder(server.inode).map((p) => p.comm)).toEqual(['systemd-journal']);
    const logind = world.processes.find((p) => p.comm === 'systemd-logind')!;
    const busPeers = logind.fds.filter((f) => f.kind === 'unix')
      .map((f) => byInode.get(byInode.get(f.target as number)?.peerInode ?? -1)?.path);
    expect(busPeers).toContain('/run/dbus/system_bus_socket');
  });
});

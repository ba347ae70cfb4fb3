import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load';

const FLAGSHIP = readFileSync(
  new URL('../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

describe("the trainee's login looks like any systemd login", () => {
  const r = loadScenario(FLAGSHIP, { fileName: 'flagship.yaml' });
  if (!r.ok) throw new Error('flagship does not load');
  const s = r.scenario;
  const world = s.worldAt(s.now);

  it('has a systemd --user and its (sd-pam) child for the trainee', () => {
    const mine = world.processes.filter((p) => p.uid === s.trainee.uid && p.unit === `user@${s.trainee.uid}.service`);
    const manager = mine.find((p) => p.argv.join(' ') === '/usr/lib/systemd/systemd --user');
    expect(manager?.ppid).toBe(1);
    const sdPam = mine.find((p) => p.comm === '(sd-pam)');
    expect(sdPam?.ppid).toBe(manager?.pid);
  });
});

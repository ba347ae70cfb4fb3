import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { createLabSession } from './session';

const text = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');
function open() {
  const loaded = loadScenario(text, { seed: 7 });
  if (!loaded.ok) throw new Error('the flagship does not load');
  return createLabSession({ scenario: loaded.scenario });
}

const SHOW = 'echo "$USER|$HOME|$SUDO_USER|$SUDO_UID|$SUDO_GID|$SUDO_COMMAND"';

describe('the environment of a root shell under sudo', () => {
  it('sudo -i and sudo -s set SUDO_USER, SUDO_UID, SUDO_GID and SUDO_COMMAND (the shell)', async () => {
    for (const line of ['sudo -i', 'sudo -s']) {
      const s = open();
      await s.exec(line);
      expect((await s.exec(SHOW)).stdout).toBe('root|/root|analyst|1002|1002|/bin/bash\n');
    }
  });

  it('sudo su keeps them (with su as the command); sudo su - starts clean', async () => {
    const s = open();
    await s.exec('sudo su');
    expect((await s.exec(SHOW)).stdout).toBe('root|/root|analyst|1002|1002|/usr/bin/su\n');
    const l = open();
    await l.exec('sudo su -');
    expect((await l.exec(SHOW)).stdout).toBe('root|/root||||\n');
  });
});

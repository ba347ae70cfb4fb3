import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { createLabSession } from './session';

const text = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');

describe("the trainee's shell is the login shell of the world", () => {
  it('$$ and $PPID are its pids, SSH_CONNECTION and SSH_CLIENT its SSH session', async () => {
    const loaded = loadScenario(text, { seed: 7 });
    if (!loaded.ok) throw new Error('the flagship does not load');
    const s = createLabSession({ scenario: loaded.scenario });
    const shell = loaded.scenario.worldAt(loaded.scenario.now, []).processes.find((p) => p.pid === loaded.scenario.trainee.shellPid)!;
    expect((await s.exec('echo $$ $PPID')).stdout).toBe(`${shell.pid} ${shell.ppid}\n`);
    expect((await s.exec('ps -p $$ -o comm=')).stdout).toBe('bash\n');
    const [src, sport, dst, dport] = (await s.exec('echo $SSH_CONNECTION')).stdout.trim().split(' ');
    expect(dport).toBe('22');
    expect((await s.exec('echo $SSH_CLIENT')).stdout).toBe(`${src} ${sport} 22\n`);
    // The same session as ss shows it (as root, whose ss sees every socket).
    const ss = (await s.exec(`sudo ss -tn state established '( sport = :22 and dport = :${sport} )'`)).stdout;
    expect(ss).toContain(`${dst}:22`);
    expect(ss).toContain(`${src}:${sport}`);
  });
});

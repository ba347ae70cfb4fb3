import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { createLabSession } from './session';

const text = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');
function open(restore?: Parameters<typeof createLabSession>[0]['restore']) {
  const loaded = loadScenario(text, { seed: 7 });
  if (!loaded.ok) throw new Error('the flagship does not load');
  return createLabSession({ scenario: loaded.scenario, ...(restore ? { restore } : {}) });
}

/** The trainee's shell and what hangs under it, as `ps -o` lists it. */
const TREE = 'ps -o pid= -o ppid= -o tty= -o stat= -o args= --ppid';

describe('a root shell under sudo is processes of the world', () => {
  it('sudo -i: sudo on pts/0, its monitor and -bash on a new pty, ps under that bash', async () => {
    const s = open();
    const [shell, sshd] = (await s.exec('echo $$ $PPID')).stdout.trim().split(' ');
    await s.exec('sudo -i');
    const [pid, ppid] = (await s.exec('echo $$ $PPID')).stdout.trim().split(' ').map(Number);
    const sudo = ppid! - 1;
    expect((await s.exec('ps -o pid,ppid,tty,stat,args -p ' + [shell, sudo, ppid, pid].join(','))).stdout).toBe([
      '  PID  PPID TT       STAT COMMAND',
      `${shell} ${sshd} pts/0    Ss   -bash`,
      `${sudo} ${shell} pts/0    S+   sudo -i`,
      `${ppid} ${sudo} pts/1    Ss   sudo -i`,
      `${pid} ${ppid} pts/1    S    -bash`,
      '',
    ].join('\n'));
    const ps = (await s.exec('ps')).stdout.split('\n');
    expect(ps.map((l) => l.replace(/^ *\d+ /, 'N '))).toEqual([
      '  PID TTY          TIME CMD', 'N pts/1    00:00:00 sudo', 'N pts/1    00:00:00 bash',
      'N pts/1    00:00:00 ps', '',
    ]);
    expect(ps[2]).toBe(`${pid} pts/1    00:00:00 bash`);
    expect((await s.exec('cat /proc/self/stat')).stdout.split(' ')[3]).toBe(String(pid));
    expect((await s.exec('who')).stdout).toBe('analyst  pts/0        2026-12-04 13:24 (192.0.2.10)\n');
    expect((await s.exec('exit')).stdout).toBe('logout\n');
    expect((await s.exec('echo $$ $PPID')).stdout).toBe(`${shell} ${sshd}\n`);
    expect((await s.exec(`${TREE} ${shell}`)).stdout).toMatch(new RegExp(`^ *\\d+ +${shell} pts/0 +R\\+ +ps -o`));
    const after = (await s.exec('ps -o pid= -p ' + [sudo, ppid, pid].join(','))).stdout;
    expect(after).toBe('');
    const next = Number((await s.exec('sh -c "echo \\$\\$"; ps -o pid= -C ps')).stdout.trim().split('\n').pop());
    expect(next).toBeGreaterThan(pid!);
  });

  it('sudo su - puts su - between the monitor and -bash; sudo -s runs /bin/bash', async () => {
    const s = open();
    await s.exec('sudo su -');
    const [pid, su] = (await s.exec('echo $$ $PPID')).stdout.trim().split(' ').map(Number);
    expect((await s.exec(`ps -o ppid= -o tty= -o args= -p ${su},${pid}`)).stdout).toBe(
      `${su! - 1} pts/1    su -\n${su} pts/1    -bash\n`);
    await s.exec('exit');
    await s.exec('sudo -s');
    const [sh] = (await s.exec('echo $$')).stdout.trim().split(' ');
    expect((await s.exec(`ps -o tty= -o args= -p ${sh}`)).stdout).toBe('pts/1    /bin/bash\n');
  });

  it('a restored session has the same pids', async () => {
    const s = open();
    await s.exec('sudo -i');
    await s.exec('ps -ef');
    await s.exec('ps -ef --forest');
    const r = open(s.log());
    const [mine, restored] = [await s.exec('ps -ef --forest'), await r.exec('ps -ef --forest')];
    expect(restored.stdout).toBe(mine.stdout);
    expect(mine.stdout.split('\n').filter((l) => l.includes(' pts/1 ')).length).toBe(3);
    expect((await r.exec('echo $$')).stdout).toBe((await s.exec('echo $$')).stdout);
  });
});

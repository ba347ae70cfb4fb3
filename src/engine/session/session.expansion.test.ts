import { describe, expect, it } from 'vitest';
import { createLabSession, expandHistory } from './session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

describe('history expansion', () => {
  it('expands !! and !$ outside single quotes and echoes the line as bash does', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('echo one two');
    expect(await s.exec('!!')).toEqual({ stdout: 'echo one two\none two\n', stderr: '', exitCode: 0 });
    expect((await s.exec('echo !$')).stdout).toBe('echo two\ntwo\n');
    expect((await s.exec("echo '!!'")).stdout).toBe('!!\n');
  });

  it('runs sudo !! as root', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('id -u');
    expect((await s.exec('sudo !!')).stdout).toBe('sudo id -u\n0\n');
  });

  it('says event not found with no history', () => {
    expect(expandHistory('!!', [])).toEqual({ line: '!!', error: 'bash: !!: event not found\n' });
  });
});

describe('files the trainee writes', () => {
  it('carry the simulated time, and /dev/null takes anything', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const r = await s.exec('ls /nope 2>/dev/null; echo x > /dev/null; touch /tmp/mark; ls -l /tmp/mark; ls -ld /tmp');
    expect(r).toEqual({
      stdout: '-rw-r--r-- 1 deploy deploy 0 Dec  4 13:28 /tmp/mark\ndrwxrwxrwt 2 root root 4096 Dec  4 13:28 /tmp\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('date a directory by the last entry made in it, not by a write to an entry', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('touch /tmp/a; sleep 120; touch /tmp/b; sleep 180; echo more >> /tmp/b');
    const r = await s.exec('ls -ld /tmp; ls -l /tmp/b');
    expect(r.stdout).toBe('drwxrwxrwt 2 root root 4096 Dec  4 13:30 /tmp\n-rw-r--r-- 1 deploy deploy 5 Dec  4 13:33 /tmp/b\n');
  });

  it('completes long options from the tool tables', async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    const got = await s.complete('ss --num', 8);
    expect(got).toEqual({ start: 3, candidates: ['--numeric'] });
  });
});

import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

/** Hostile command lines end with a bash-like error, never an exception. */
describe('lab session against hostile command lines', () => {
  const fresh = () => createLabSession({ scenario: web01Scenario() });

  it('deep nesting of subshells', async () => {
    const line = '('.repeat(5000) + 'echo deep' + ')'.repeat(5000);
    const r = await fresh().exec(line);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/^bash: /);
  });

  it('deep nesting of command substitutions', async () => {
    const line = 'echo ' + '$('.repeat(400) + 'echo x' + ')'.repeat(400);
    const r = await fresh().exec(line);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/^bash: /);
  });

  it('a recursive function', async () => {
    const r = await fresh().exec('f() { f; }; f');
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toBe('bash: f: maximum recursion depth (100) exceeded (the lab stops runaway commands)\n');
  });

  it('huge output is cut with a message', async () => {
    const r = await fresh().exec('x=a; for i in $(seq 1 21); do x=$x$x; done; echo $x; echo $x');
    expect(r.stdout.length).toBe(1_000_000);
    // The cut line is ended first, so the notice is a line of its own.
    expect(r.stderr).toBe('\nbash: output cut after 1000000 characters\n');
  });

  it('binary garbage', async () => {
    const garbage = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    const s = fresh();
    const r = await s.exec(garbage);
    expect(r.exitCode).not.toBe(0);
    expect((await s.exec('echo still here')).stdout).toBe('still here\n');
  });

  it('an interrupted loop returns 130 and the shell keeps working', async () => {
    // A wall clock whose waits yield to the event loop, as real timers do,
    // so the abort can arrive while the loop runs.
    const yielding = { now: () => 0, wait: () => new Promise<boolean>((r) => setTimeout(() => r(true), 0)) };
    const s = createLabSession({ scenario: web01Scenario(), wallClock: yielding });
    const controller = new AbortController();
    const pending = s.exec('while true; do sleep 1; done', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const r = await pending;
    expect([r.exitCode, r.stderr]).toEqual([130, '']);
    expect((await s.exec('echo after')).stdout).toBe('after\n');
  });
});

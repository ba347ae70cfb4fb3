import { describe, expect, it } from 'vitest';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { outputWasCut } from './log-output';
import { clip, createLabSession, MAX_OUTPUT_CHARS } from './session';
import type { SessionEvent } from './types';

const commands = (log: readonly SessionEvent[]) =>
  log.filter((e): e is Extract<SessionEvent, { type: 'command' }> => e.type === 'command');

describe('the saved log of a session with huge outputs', () => {
  it('stays small, and a restore from it reaches the same state', { timeout: 60_000 }, async () => {
    const s = createLabSession({ scenario: web01Scenario() });
    await s.exec('cd /tmp && export MARK=before');
    for (let i = 0; i < 5; i++) await s.exec('seq 1000000');
    await s.exec('seq 200000 > big.txt; export MARK=after; wc -l big.txt');
    const log = [...s.log()];
    const saved = JSON.stringify(log);
    expect(saved.length).toBeLessThan(120_000);
    const seq = commands(log).filter((c) => c.line === 'seq 1000000');
    expect(seq).toHaveLength(5);
    for (const c of seq) {
      expect(outputWasCut(c.output)).toBe(true);
      expect(c.output.startsWith('1\n2\n3\n')).toBe(true);
      // The cut notice is among what the end of the output kept.
      expect(c.output.endsWith(`\nbash: output cut after ${MAX_OUTPUT_CHARS} characters\n`)).toBe(true);
    }
    const restored = createLabSession({ scenario: web01Scenario(), restore: JSON.parse(saved) as SessionEvent[] });
    await restored.exec('');
    expect(restored.log()).toEqual(log);
    expect(restored.prompt()).toBe(s.prompt());
    expect((await restored.exec('echo $MARK; wc -l big.txt')).stdout).toBe('after\n200000 big.txt\n');
  });
});

describe('the notice that output was cut', () => {
  it('starts a line of its own after a partial last line', () => {
    // Lines of 7 characters: the millionth character is within one.
    const lines = 'abcdef\n'.repeat(200_000);
    const r = clip({ stdout: lines, stderr: '', exitCode: 0 });
    expect(r.stdout).toHaveLength(MAX_OUTPUT_CHARS);
    expect(r.stdout.endsWith('\n')).toBe(false);
    expect(r.stderr).toBe(`\nbash: output cut after ${MAX_OUTPUT_CHARS} characters\n`);
  });

  it('follows stderr on its own line, and adds no blank line after a whole one', () => {
    const whole = 'x\n'.repeat(MAX_OUTPUT_CHARS);
    expect(clip({ stdout: whole, stderr: 'oops', exitCode: 1 }).stderr)
      .toBe(`oops\nbash: output cut after ${MAX_OUTPUT_CHARS} characters\n`);
    expect(clip({ stdout: whole, stderr: '', exitCode: 0 }).stderr)
      .toBe(`bash: output cut after ${MAX_OUTPUT_CHARS} characters\n`);
  });
});

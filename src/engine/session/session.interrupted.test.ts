import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import type { SessionEvent } from './types';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';

const scenario = web01Scenario();
const T = scenario.now;
const command = (at: number, line: string, exitCode: number): SessionEvent => ({ type: 'command', at, line, exitCode, output: '' });

describe('restoring a command that was interrupted', () => {
  it('stops it where it was stopped: the saved time bounds its sleeps', async () => {
    const s = createLabSession({
      scenario, at: T + 5_000,
      restore: [command(T, 'sleep 600; echo late > /tmp/late', 130)],
    });
    expect(await s.exec('cat /tmp/late')).toMatchObject({ exitCode: 1 });
    expect(s.clock.now()).toBe(T + 5_000);
    expect(s.history()).toEqual(['sleep 600; echo late > /tmp/late', 'cat /tmp/late']);
    expect(s.log()[0]).toMatchObject({ type: 'command', exitCode: 130 });
  });

  it('the next logged event bounds a command in the middle of the log', async () => {
    const s = createLabSession({
      scenario, at: T + 60_000,
      restore: [
        command(T, 'sleep 600 && echo late > /tmp/late', 130),
        command(T + 10_000, 'sleep 2; echo soon > /tmp/soon', 0),
      ],
    });
    const r = await s.exec('cat /tmp/soon /tmp/late');
    expect(r.stdout).toBe('soon\n');
    expect(r.stderr).toMatch(/\/tmp\/late: No such file or directory/);
    expect(s.clock.now()).toBe(T + 60_000);
  });

  it('a command that finished replays whole', async () => {
    const s = createLabSession({ scenario, at: T + 60_000, restore: [command(T, 'sleep 30; echo done > /tmp/done', 0)] });
    expect((await s.exec('cat /tmp/done')).stdout).toBe('done\n');
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ssTool } from './ss';

function run(args: string[], env: [string, string][] = []) {
  return ssTool.run({
    argv: ['ss', ...args],
    stdin: '',
    world: web01(),
    uid: 0,
    user: 'root',
    cwd: '/',
    env: new Map(env),
    shellPid: 1,
  });
}

describe('ss layout on a terminal', () => {
  it('keeps the compact layout when stdout is not a terminal', () => {
    expect(run(['-4tn'], [['COLUMNS', '100']]).stdout).toBe(run(['-4tn']).stdout);
  });

  it('spreads spare columns over the fields like render_calc_width', () => {
    const r = run(
      ['-4tnH'],
      [
        ['OUTBOUND_STDOUT_TTY', '1'],
        ['COLUMNS', '80'],
      ],
    );
    // Compact widths 5+7+7+11+5+15+5 = 55; 80 leaves 25 spare for 7 columns:
    // 3 each, and the 4 rightmost columns get one more.
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.every((l) => l.length === 80)).toBe(true);
    expect(lines[0]).toBe(
      'ESTAB    0         94392         10.10.0.5:37346         198.51.100.23:9001     ',
    );
  });
});

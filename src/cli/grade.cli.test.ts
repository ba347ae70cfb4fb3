import { describe, expect, it } from 'vitest';
import type { ScenarioLoader } from '../engine/scenario/load';
import type { CompiledScenario } from '../engine/scenario/types';
import { fixture } from '../engine/scoring/fixture.test-support';
import { questionSchema } from '../engine/scoring/schema';
import { runGrade } from './grade';

const fx = fixture(9);
const questions = [
  { id: 'attacker_ip', prompt: 'Where from?', kind: 'ip', answer: { var: 'attacker_ip' } },
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', answer: { var: 'c2_ip' } },
].map((q) => questionSchema.parse(q));
const scenario: CompiledScenario = {
  ...fx, historyStart: fx.now - 3_600_000, questions, hostname: 'web01',
  trainee: { user: 'analyst', uid: 1002, gid: 1002, home: '/home/analyst', shellPid: 1, tty: 'pts/1', from: '10.10.0.9' },
};
const seeds: (number | undefined)[] = [];
const load: ScenarioLoader = (_text, options) => {
  seeds.push(options?.seed);
  return { ok: true, scenario, warnings: [] };
};

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err,
    readFile: async (p: string) => {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p] as string;
    },
    stdout: (s: string) => void out.push(s),
    stderr: (s: string) => void err.push(s),
  };
}

describe('grade CLI', () => {
  it('grades plain answers and prints the JSON report', async () => {
    const t = io({ 's.yaml': '', 'a.json': JSON.stringify({ seed: 4, answers: { attacker_ip: fx.attacker, c2_ip: fx.c2 } }) });
    expect(await runGrade(['s.yaml', 'a.json'], t, load)).toBe(0);
    const report = JSON.parse(t.out.join(''));
    expect(report.totals).toMatchObject({ points: 20, max: 20, passed: true });
    expect(seeds.pop()).toBe(4);
  });

  it('grades a session log, --seed wins, and prints HTML', async () => {
    const log = [{ type: 'answer', at: fx.now, question: 'c2_ip', value: '192.0.2.1' }, { type: 'bogus' }];
    const t = io({ 's.yaml': '', 'a.json': JSON.stringify({ seed: 4, scenarioId: 'other', events: log }) });
    expect(await runGrade(['s.yaml', 'a.json', '--seed', '12', '--html'], t, load)).toBe(1);
    expect(seeds.pop()).toBe(12);
    expect(t.out.join('')).toContain('<title>Report: Fixture &lt;web01&gt;</title>');
    expect(t.out.join('')).toContain('192.0.2.1');
    expect(t.err).toEqual([
      'grade: a.json: event 1 is not a session event; skipped\n',
      'grade: a.json: saved for scenario "other", not "fixture"\n',
    ]);
  });

  it('refuses bad command lines and unreadable files', async () => {
    const t = io({ 's.yaml': '', 'bad.json': '{nope' });
    expect(await runGrade(['s.yaml'], t, load)).toBe(2);
    expect(await runGrade(['s.yaml', 'missing.json'], t, load)).toBe(2);
    expect(await runGrade(['s.yaml', 'bad.json'], t, load)).toBe(2);
    expect(await runGrade(['s.yaml', 'bad.json', '--seed', 'x'], t, load)).toBe(2);
    expect(t.err[1]).toBe('grade: cannot read missing.json: No such file or directory\n');
    expect(t.err[2]).toMatch(/^grade: bad.json: not valid JSON/);
  });
});

/**
 * The loader over the real scenario schema and vars: positions and wording
 * for the kinds of mistakes authors make most. (The stand-in tests pin the
 * loader's mechanics; these check that the real schema is explained well.)
 */
import { describe, expect, it } from 'vitest';
import { brief } from '../../../test/unit/scenario-stand-in';
import { loadScenario } from './load';
import web01 from '../../../test/golden/web01.yaml?raw';
import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';

const BAD = `format: outbound/v1
id: demo
title: Demo
summary: A demo.
difficulty: hard
estimated_minutes: "20"
briefing: An alert fired.
clock:
  now: 2026-12-04T13:28:56Z
host:
  hostname: web01
  distro: ubuntu-24.04
  hostnam: x
timeline:
  - kind: ssh-logn
    id: login1
    at: -2h
  - kind: ssh-login
    id: login2
    at: -1h
    user: deploy
    from: \${attackr}
`;

function diagnostics(text: string): string[] {
  const result = loadScenario(text);
  return result.ok ? [] : result.diagnostics.map(brief);
}

describe('loadScenario with the real schema', () => {
  const found = diagnostics(BAD);

  it('lists the allowed difficulties', () => {
    expect(found).toContain(
      '5:13-5:17 expected one of `beginner`, `intermediate`, `advanced`, got "hard"',
    );
  });

  it('asks for a number without quotes', () => {
    expect(found).toContain(
      '6:20-6:24 expected a whole number (1-600), got "20" | write the number without quotes: 20',
    );
  });

  it('suggests the key an unknown key was meant to be', () => {
    expect(found).toContain('13:3-13:10 unknown key `hostnam` | did you mean `hostname`?');
  });

  it('suggests the timeline kind', () => {
    const line = found.find((f) => f.startsWith('15:11-15:19 unknown kind "ssh-logn"'));
    expect(line).toMatch(/expected one of `ssh-login`, .*`beacon`.* \| did you mean `ssh-login`\?$/);
  });

  it('reports an unknown ${var} once, at the value', () => {
    expect(found.filter((f) => f.startsWith('22:'))).toEqual([
      '22:11-22:21 unknown var "attackr" in ${attackr}'
      + ' | declare it under vars:, or write $${attackr} for a literal ${attackr}',
    ]);
  });

  it('refuses what the hostile-input checks refuse, with the real pipeline too', () => {
    expect(diagnostics('__proto__: 1\n')).toEqual([
      '1:1-1:10 `__proto__` cannot be used as a key'
      + ' | rename this key; it is reserved because it could alter how data is read',
    ]);
    expect(diagnostics('[' .repeat(100000))[0]).toMatch(/^1:65-1:66 the document nests deeper/);
  });

  it('positions the compiler\'s semantic issues (an unknown user)', () => {
    const text = BAD.replace('difficulty: hard', 'difficulty: beginner')
      .replace('estimated_minutes: "20"', 'estimated_minutes: 20')
      .replace('  hostnam: x\n', '')
      .replace(/  - kind: ssh-logn[^]*?at: -2h\n/, '')
      .replace('from: ${attackr}', 'from: 203.0.113.9');
    const found = diagnostics(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^17:11-17:17 .*"deploy"/);
  });

  it('loads the shipped scenarios and the golden host without diagnostics', () => {
    for (const [file, text] of Object.entries({ web01, flagship })) {
      const result = loadScenario(text, { fileName: file });
      expect(result.ok ? 'ok' : result.diagnostics.map(brief), file).toBe('ok');
    }
  });

  it('explains bad var names, keys inside union options and missing union-typed keys', () => {
    const text = BAD.replace('clock:\n', 'vars:\n  Bad-Name: { kind: ipv4 }\nclock:\n')
      .replace('  hostnam: x\n', '  services: [ssh, {name: nginx, pidd: 3}]\n')
      + 'questions:\n  - kind: ip\n    id: q1\n    prompt: Where from?\n';
    const found = diagnostics(text);
    expect(found.find((f) => f.startsWith('9:3-9:11 '))).toMatch(
      /^9:3-9:11 `Bad-Name` is not allowed as a name here: /,
    );
    expect(found).toContain('15:33-15:37 unknown key `pidd` | did you mean `pid`?');
    expect(found.find((f) => f.startsWith('26:5-26:9 '))).toMatch(
      /^26:5-26:9 missing required key `answer`: .* \| add `answer: \.\.\.` under `questions\[0\]`$/,
    );
  });
});

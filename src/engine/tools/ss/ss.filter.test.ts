import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ssTool } from './ss';

function run(...args: string[]) {
  return ssTool.run({
    argv: ['ss', ...args],
    stdin: '',
    world: web01(),
    uid: 0,
    user: 'root',
    cwd: '/',
    env: new Map(),
    shellPid: 1,
  });
}

/** The "local peer" pairs ss -Hn prints for a filter, in order. */
function pairs(...args: string[]): string[] {
  const r = run('-Hn', ...args);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return `${f[f.length - 2]} ${f[f.length - 1]}`;
    });
}

const EXFIL = '10.10.0.5:37346 198.51.100.23:9001';
const LOGIN2 = '10.10.0.5:22 203.0.113.45:45713';
const REV = '10.10.0.5:54880 198.51.100.23:4444';
const LOGIN1 = '10.10.0.5:22 203.0.113.45:40531';

describe('ss filter language', () => {
  it('compares ports with every operator spelling', () => {
    expect(pairs('-t', 'dport = :4444')).toEqual([REV]);
    expect(pairs('-t', 'dport', '==', '4444')).toEqual([REV]);
    expect(pairs('-t', 'dport eq :4444')).toEqual([REV]);
    expect(pairs('-t', 'sport :22')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-t', 'sport != :22')).toEqual([EXFIL, REV]);
    expect(pairs('-t', 'sport ne :22')).toEqual([EXFIL, REV]);
    expect(pairs('-t', 'dport > :9000')).toEqual([EXFIL, LOGIN2, LOGIN1]);
    expect(pairs('-t', 'dport gt :9001')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-t', 'dport < :9001')).toEqual([REV]);
    expect(pairs('-t', 'dport lt 9001')).toEqual([REV]);
    expect(pairs('-t', 'dport >= :9001')).toEqual([EXFIL, LOGIN2, LOGIN1]);
    expect(pairs('-t', 'dport ge :45713')).toEqual([LOGIN2]);
    expect(pairs('-t', 'dport <= :4444')).toEqual([REV]);
    expect(pairs('-t', 'dport le :4444')).toEqual([REV]);
  });

  it('matches addresses, prefixes, ADDR:PORT and [v6]:port', () => {
    expect(pairs('-t', 'dst 198.51.100.23')).toEqual([EXFIL, REV]);
    expect(pairs('-t', 'dst 198.51.100.0/24')).toEqual([EXFIL, REV]);
    expect(pairs('-t', 'dst = 198.51.100.23:9001')).toEqual([EXFIL]);
    expect(pairs('-t', 'dst 203.0.113.0/25')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-t', 'src 10.10.0.5:22')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-tl', 'src [::1]:8080')).toEqual(['[::1]:8080 [::]:*']);
    expect(pairs('-tl', 'src *:22')).toEqual(['0.0.0.0:22 0.0.0.0:*', '[::]:22 [::]:*']);
    expect(pairs('-tl', 'src 127.0.0.1')).toEqual(['127.0.0.1:8080 0.0.0.0:*']);
    expect(pairs('-tl', 'src inet6:[::]:22')).toEqual(['[::]:22 [::]:*']);
  });

  it('resolves service names in port conditions', () => {
    expect(pairs('-t', 'sport = :ssh')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-tl', 'sport = :http-alt')).toEqual([
      '127.0.0.1:8080 0.0.0.0:*',
      '[::1]:8080 [::]:*',
    ]);
    expect(pairs('-t', 'dport = :https')).toEqual([]);
  });

  it('combines with and/or/not, &&/||/!, implicit and, parentheses', () => {
    expect(pairs('-t', '( dport = :4444 or sport = :22 )')).toEqual([LOGIN2, REV, LOGIN1]);
    expect(pairs('-t', '(', 'dport', '=', ':4444', ')', '||', 'dport = :9001')).toEqual([
      EXFIL,
      REV,
    ]);
    expect(pairs('-t', 'dst 198.51.100.23 dport = :9001')).toEqual([EXFIL]);
    expect(pairs('-t', 'dst 198.51.100.23 && ! dport = :9001')).toEqual([REV]);
    expect(pairs('-t', 'not dst 198.51.100.23')).toEqual([LOGIN2, LOGIN1]);
    expect(pairs('-t', '! ( sport = :22 or dport = :4444 )')).toEqual([EXFIL]);
  });

  it('folds and/or left to right with no precedence, as ss does', () => {
    // ((sport 22 or dport 4444) and dst 198.51.100.23): only the reverse shell.
    expect(pairs('-t', 'sport = :22 or dport = :4444 and dst 198.51.100.23')).toEqual([REV]);
    expect(pairs('-t', 'sport = :22 or ( dport = :4444 and dst 198.51.100.23 )')).toEqual([
      LOGIN2,
      REV,
      LOGIN1,
    ]);
  });

  it('selects states by name and by group', () => {
    const listeners = [
      '127.0.0.1:8080 0.0.0.0:*',
      '0.0.0.0:80 0.0.0.0:*',
      '0.0.0.0:22 0.0.0.0:*',
      '0.0.0.0:31337 0.0.0.0:*',
      '[::1]:8080 [::]:*',
      '[::]:22 [::]:*',
    ];
    expect(pairs('-t', 'state', 'established')).toEqual([EXFIL, LOGIN2, REV, LOGIN1]);
    expect(pairs('-t', 'state', 'listening')).toEqual(listeners);
    expect(pairs('-t', 'exclude', 'listening')).toEqual([EXFIL, LOGIN2, REV, LOGIN1]);
    expect(pairs('-t', 'state', 'connected')).toEqual([EXFIL, LOGIN2, REV, LOGIN1]);
    expect(pairs('-t', 'state', 'synchronized')).toEqual([EXFIL, LOGIN2, REV, LOGIN1]);
    expect(pairs('-t', 'state', 'bucket')).toEqual([]);
    expect(pairs('-t', 'state', 'big').length).toBe(10);
    expect(pairs('-t', 'state', 'all').length).toBe(10);
    expect(pairs('-t', 'state', 'time-wait')).toEqual([]);
    expect(pairs('-t', 'state', 'established', 'dport = :9001')).toEqual([EXFIL]);
  });

  it('applies -4 and -6 with filters', () => {
    expect(pairs('-6tl', 'sport = :8080')).toEqual(['[::1]:8080 [::]:*']);
    expect(pairs('-4tl', 'sport = :8080')).toEqual(['127.0.0.1:8080 0.0.0.0:*']);
  });
});

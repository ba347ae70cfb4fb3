import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ssTool } from './ss';
import { SS_USAGE } from './usage';

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

function expectError(args: string[], stderr: string, exitCode: number): void {
  const r = run(...args);
  expect(r).toEqual({ stdout: '', stderr, exitCode });
}

describe('ss option errors', () => {
  it('words getopt errors like glibc and prints usage, exit 255', () => {
    expectError(['-y'], `ss: invalid option -- 'y'\n${SS_USAGE}`, 255);
    expectError(['-tny'], `ss: invalid option -- 'y'\n${SS_USAGE}`, 255);
    expectError(['--bogus'], `ss: unrecognized option '--bogus'\n${SS_USAGE}`, 255);
    expectError(['-f'], `ss: option requires an argument -- 'f'\n${SS_USAGE}`, 255);
    expectError(['--family'], `ss: option '--family' requires an argument\n${SS_USAGE}`, 255);
    expectError(['--tcp=1'], `ss: option '--tcp' doesn't allow an argument\n${SS_USAGE}`, 255);
    expectError(
      ['--t'],
      "ss: option '--t' is ambiguous; possibilities: '--threads' '--tcp' " +
        `'--tipc' '--tipcinfo' '--tos'\n${SS_USAGE}`,
      255,
    );
    expectError(['-f', 'bogus'], `ss: "bogus" is invalid family\n${SS_USAGE}`, 255);
    expectError(['-A', 'tcp,bogus'], `ss: "bogus" is illegal socket table id\n${SS_USAGE}`, 255);
  });

  it('accepts unique long-option prefixes and -- ', () => {
    expect(run('--tc', '--listen', '--num', '-H').stdout).toBe(run('-tlnH').stdout);
    expect(run('-tln', '--', 'sport', '=', ':22').exitCode).toBe(0);
  });

  it('rejects bad state words', () => {
    expectError(['-t', 'state', 'bogus'], 'ss: wrong state name: bogus\n', 255);
    expectError(['-t', 'state'], 'Command line is not complete. Try option "help"\n', 255);
    expectError(['-t', 'exclude', 'nope'], 'ss: wrong state name: nope\n', 255);
  });

  it('reports SELinux, help and version like ss', () => {
    expectError(['-Z'], 'ss: SELinux is not enabled.\n', 1);
    expect(run('-h')).toEqual({ stdout: SS_USAGE, stderr: '', exitCode: 0 });
    expect(run('-V')).toEqual({ stdout: 'ss utility, iproute2-6.1.0\n', stderr: '', exitCode: 0 });
  });
});

describe('ss filter errors', () => {
  const syntax = `ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n${SS_USAGE}`;
  const addr = (a: string): string =>
    `Error: an inet prefix is expected rather than "${a}".\nCannot parse dst/src address.\n`;

  it('fails on an unparseable operand with exit 1', () => {
    expectError(['-t', 'foo'], addr('foo'), 1);
    expectError(['-t', 'dst', '::1'], addr(':'), 1);
    expectError(['-t', 'dst', '300.1.1.1'], addr('300.1.1.1'), 1);
    expectError(['-t', '(dport', '=', ':22)'], addr('(dport'), 1);
    expectError(
      ['-t', 'dport = :nosuch'],
      'Error: "nosuch" does not look like a port.\nCannot parse dst/src address.\n',
      1,
    );
    expectError(['-t', 'dev', 'nosuch0'], 'Cannot parse device.\n', 1);
  });

  it('fails on grammar errors with usage and exit 255', () => {
    expectError(['-t', '( dport = :22'], syntax, 255);
    expectError(['-t', 'dst'], syntax, 255);
    expectError(['-t', '10.0.0.1'], syntax, 255);
    expectError(['-t', 'dst != 10.0.0.1'], syntax, 255);
    expectError(['-t', '( )'], syntax, 255);
    expectError(['-t', 'dport = :22 or'], syntax, 255);
    expectError(['-t', 'sport = :22 )'], syntax, 255);
  });

  it('reads a bad operand before a later syntax error, as the lexer does', () => {
    expectError(['-t', 'dport = :22 ) foo'], syntax, 255);
    expectError(['-t', 'dst foo )'], addr('foo'), 1);
  });
});

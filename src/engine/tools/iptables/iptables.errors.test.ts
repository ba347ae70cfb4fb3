import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { iptablesTool, ip6tablesTool } from './iptables';

function ipt(args: string[], uid = 0, tool = iptablesTool) {
  return tool.run({
    argv: [tool.name, ...args], stdin: '', world: web01(), uid, user: uid ? 'deploy' : 'root',
    cwd: '/', env: new Map(), shellPid: 1,
  });
}

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const V = 'iptables v1.8.9 (nf_tables)';

describe('iptables errors', () => {
  const cases: [string[], string, number][] = [
    [['-L', '--foo'], `${V}: unknown option "--foo"\n${TRY}`, 2],
    [['-A', 'INPUT', '--dport', '22', '-j', 'DROP'], `${V}: unknown option "--dport"\n${TRY}`, 2],
    [['-A', 'INPUT', 'junk'], `${V}: Bad argument \`junk'\n${TRY}`, 2],
    [['-A'], `${V}: option "-A" requires an argument\n${TRY}`, 2],
    [[], `${V}: no command specified\n${TRY}`, 2],
    [['-A', 'INPUT', '-s', 'evil.example', '-j', 'DROP'], `${V}: host/network \`evil.example' not found\n${TRY}`, 2],
    [['-A', 'INPUT', '-p', 'tcp', '--dport', '70000'], `${V}: invalid port/service \`70000' specified\n${TRY}`, 2],
    [['-A', 'INPUT', '-p', 'foo'], `${V}: unknown protocol "foo" specified\n${TRY}`, 2],
    [['-L', '-A', 'INPUT'], `${V}: Cannot use -A with -L\n${TRY}`, 2],
    [['-L', 'NOPE'], 'iptables: No chain/target/match by that name.\n', 1],
    [['-A', 'NOPE', '-j', 'DROP'], 'iptables: No chain/target/match by that name.\n', 1],
    [['-A', 'INPUT', '-j', 'NOPE'], 'iptables: No chain/target/match by that name.\n', 1],
    [['-D', 'INPUT', '7'], 'iptables: Index of deletion too big.\n', 1],
    [['-I', 'INPUT', '9', '-j', 'DROP'], 'iptables: Index of insertion too big.\n', 1],
    [['-D', 'INPUT', '-p', 'tcp', '--dport', '23', '-j', 'ACCEPT'],
      'iptables: Bad rule (does a matching rule exist in that chain?).\n', 1],
    [['-N', 'INPUT'], 'iptables: Chain already exists.\n', 1],
    [['-P', 'INPUT', 'REJECT'], 'iptables: Bad policy name.\n', 1],
  ];
  for (const [args, stderr, code] of cases) {
    it(`iptables ${args.join(' ')}`, () => {
      expect(ipt(args)).toEqual({ stdout: '', stderr, exitCode: code });
    });
  }

  it('refuses non-root users after parsing, as iptables-nft does', () => {
    expect(ipt(['-L'], 1001)).toEqual({
      stdout: '',
      stderr: `${V}: Could not fetch rule set generation id: Permission denied (you must be root)\n`,
      exitCode: 4,
    });
    expect(ipt(['--foo'], 1001).exitCode).toBe(2);
  });

  it('refuses an unknown table', () => {
    expect(ipt(['-t', 'bogus', '-L']).stderr).toBe(
      `${V}: can't initialize iptables table \`bogus': Table does not exist (do you need to insmod?)\n`
      + 'Perhaps iptables or your kernel needs to be upgraded.\n',
    );
  });

  it('ip6tables lists empty chains and refuses changes', () => {
    expect(ipt(['-S'], 0, ip6tablesTool).stdout).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
    expect(ipt(['-A', 'INPUT', '-j', 'DROP'], 0, ip6tablesTool).exitCode).toBe(1);
  });
});

describe('ip6tables names itself in errors', () => {
  it('says ip6tables: for a missing chain', () => {
    expect(ipt(['-L', 'NOPE'], 0, ip6tablesTool).stderr).toBe('ip6tables: No chain/target/match by that name.\n');
    expect(ipt(['--foo'], 0, ip6tablesTool).stderr.split('\n')[0])
      .toBe('ip6tables v1.8.9 (nf_tables): unknown option "--foo"');
  });
});

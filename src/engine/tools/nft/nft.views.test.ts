import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import type { HostState } from '../../world/types';
import { nftTool } from './nft';

function nft(world: HostState, args: string[], uid = 0) {
  return nftTool.run({
    argv: ['nft', ...args], stdin: '', world, uid, user: 'x', cwd: '/', env: new Map(), shellPid: 1,
  });
}

const NATIVE = 'table inet c2block {\n\tchain output {\n\t\ttype filter hook output priority filter; policy accept;\n'
  + '\t\tip daddr 198.51.100.23 drop\n\t}\n}\n';

describe('nft views', () => {
  it('lists the iptables-nft tables and native tables', () => {
    const w = web01();
    const world = { ...w, firewall: { ...w.firewall, nftNative: NATIVE } };
    expect(nft(world, ['list', 'tables']).stdout).toBe('table ip filter\ntable ip nat\ntable inet c2block\n');
    expect(nft(world, ['list', 'ruleset']).stdout.endsWith(`}\n${NATIVE}`)).toBe(true);
    expect(nft(world, ['list', 'table', 'inet', 'c2block']).stdout).toBe(NATIVE);
  });

  it('lists one chain inside its table, with the warning', () => {
    expect(nft(web01(), ['list', 'chain', 'ip', 'nat', 'POSTROUTING']).stdout).toBe(
      '# Warning: table ip nat is managed by iptables-nft, do not touch!\ntable ip nat {\n'
      + '\tchain POSTROUTING {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n'
      + '\t\toifname != "docker0" ip saddr 172.17.0.0/16 counter packets 0 bytes 0 masquerade\n\t}\n}\n',
    );
  });

  it('translates a DROP rule appended for the C2 address', () => {
    const w = web01();
    w.firewall.tables[0]?.chains[2]?.rules.push({
      destination: '198.51.100.23/32', protocol: 'tcp', dport: 4444, target: 'DROP', packets: 3, bytes: 180,
    });
    expect(nft(w, ['list', 'table', 'filter']).stdout).toContain(
      '\tchain OUTPUT {\n\t\ttype filter hook output priority filter; policy accept;\n'
      + '\t\tip daddr 198.51.100.23 tcp dport 4444 counter packets 3 bytes 180 drop\n\t}\n',
    );
  });

  it('shows no iptables tables with the legacy backend', () => {
    const w = web01();
    expect(nft({ ...w, firewall: { ...w.firewall, backend: 'legacy' } }, ['list', 'ruleset']).stdout).toBe('');
  });

  it('errors as nft does', () => {
    expect(nft(web01(), ['list', 'table', 'ip', 'foo'])).toEqual({
      stdout: '', stderr: 'Error: No such file or directory\nlist table ip foo\n              ^^^\n', exitCode: 1,
    });
    expect(nft(web01(), ['list', 'chain', 'ip', 'filter', 'NOPE']).stderr)
      .toBe('Error: No such file or directory\nlist chain ip filter NOPE\n                     ^^^^\n');
  });

  it('refuses words after a complete command, as the parser does', () => {
    const trailing = 'Error: syntax error, unexpected string, expecting end of file or newline or semicolon\n';
    expect(nft(web01(), ['list', 'ruleset', 'extra'])).toEqual({
      stdout: '', stderr: `${trailing}list ruleset extra\n             ^^^^^\n`, exitCode: 1,
    });
    expect(nft(web01(), ['list', 'ruleset', 'ip', 'x']).stderr)
      .toBe(`${trailing}list ruleset ip x\n                ^\n`);
    expect(nft(web01(), ['list', 'tables', 'inet', 'more']).exitCode).toBe(1);
    expect(nft(web01(), ['list', 'table', 'ip', 'filter', 'INPUT']).stderr)
      .toBe(`${trailing}list table ip filter INPUT\n                     ^^^^^\n`);
    expect(nft(web01(), ['list', 'bogus', 'x'])).toEqual({
      stdout: '', stderr: 'Error: syntax error, unexpected string\nlist bogus x\n     ^^^^^\n', exitCode: 1,
    });
    expect(nft(web01(), ['list', 'table']).stderr)
      .toBe('Error: syntax error, unexpected end of file\nlist table\n          ^\n');
    expect(nft(web01(), ['frob', 'it']).stderr).toBe('Error: syntax error, unexpected string\nfrob it\n^^^^\n');
    expect(nft(web01(), ['list', 'ruleset'], 1001).exitCode).toBe(1);
  });
});

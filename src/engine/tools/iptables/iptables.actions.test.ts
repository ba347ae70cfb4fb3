import { describe, expect, it } from 'vitest';
import { NOW, web01 } from '../../../../test/fixtures/web01';
import { iptablesTool } from './iptables';
import { formatCount } from './list';

function ipt(...args: string[]) {
  return iptablesTool.run({
    argv: ['iptables', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/',
    env: new Map(), shellPid: 1,
  });
}

const rule = (r: object) => ({ target: '', packets: 0, bytes: 0, ...r });

describe('iptables changing commands', () => {
  it('print nothing and return one firewall event at world.now', () => {
    const res = ipt('-A', 'OUTPUT', '-p', 'tcp', '-d', '198.51.100.23', '--dport', '4444', '-j', 'REJECT',
      '--reject-with', 'tcp-reset');
    expect(res.stdout).toBe('');
    expect(res.events).toEqual([{
      type: 'firewall', at: NOW, table: 'filter',
      op: { kind: 'append', chain: 'OUTPUT', rule: rule({
        protocol: 'tcp', destination: '198.51.100.23/32', dport: 4444, target: 'REJECT',
        targetOptions: '--reject-with tcp-reset',
      }) },
    }]);
  });

  it('read clustered flags, long options, ! and match options', () => {
    const res = ipt('--insert', 'INPUT', '3', '!', '-i', 'lo', '-s', '203.0.113.0/24', '-p', 'tcp',
      '--sport', '1024:65535', '-m', 'conntrack', '--ctstate', 'NEW,ESTABLISHED', '-m', 'comment',
      '--comment', 'attacker net', '-j', 'DROP');
    expect(res.events?.[0]).toMatchObject({
      op: { kind: 'insert', chain: 'INPUT', position: 3, rule: rule({
        inIface: 'lo', inIfaceNegated: true, source: '203.0.113.0/24', protocol: 'tcp',
        sport: [1024, 65535], ctstate: ['NEW', 'ESTABLISHED'], comment: 'attacker net', target: 'DROP',
      }) },
    });
    expect(ipt('-t', 'nat', '-F').events?.[0]).toMatchObject({ table: 'nat', op: { kind: 'flush' } });
    expect(ipt('-P', 'OUTPUT', 'DROP').events?.[0]?.type).toBe('firewall');
    expect(ipt('-D', 'INPUT', '1').events?.[0]).toMatchObject({ op: { kind: 'delete', position: 1 } });
    expect(ipt('-D', 'INPUT', '-i', 'lo', '-j', 'ACCEPT').events?.[0])
      .toMatchObject({ op: { kind: 'delete', chain: 'INPUT', position: 2 } });
  });

  it('check (-C) answers by exit code only', () => {
    expect(ipt('-C', 'INPUT', '-p', 'tcp', '--dport', '22', '-j', 'ACCEPT')).toEqual({
      stdout: '', stderr: '', exitCode: 0, events: [],
    });
  });
});

describe('iptables listing', () => {
  it('counts with K/M/G suffixes unless -x', () => {
    expect(formatCount(99999, false)).toBe('99999 ');
    expect(formatCount(100000, false)).toBe(' 100K ');
    expect(formatCount(23238000, false)).toBe('  23M ');
    expect(formatCount(5_000_000_000, false)).toBe('5000M ');
    expect(formatCount(50_000_000_000, false)).toBe('  50G ');
    expect(formatCount(23238000, true)).toBe('23238000 ');
    expect(formatCount(123456, false, false)).toBe('123K ');
  });

  it('shows one rule for -L CHAIN N, and service names without -n', () => {
    expect(ipt('-L', 'INPUT', '4', '--line-numbers').stdout).toBe(
      '4    ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:ssh\n',
    );
  });

  it('lists a user chain with its references', () => {
    const w = web01();
    w.firewall.tables[0]?.chains.push({ name: 'C2', packets: 0, bytes: 0, rules: [] });
    w.firewall.tables[0]?.chains[2]?.rules.push(rule({ target: 'C2' }));
    const out = iptablesTool.run({
      argv: ['iptables', '-L', 'C2'], stdin: '', world: w, uid: 0, user: 'root', cwd: '/',
      env: new Map(), shellPid: 1,
    }).stdout;
    expect(out).toBe('Chain C2 (1 references)\ntarget     prot opt source               destination         \n');
  });
});

describe('iptables LOG and matches the lab does not model', () => {
  it('stores LOG options in save form and lists them as libxt_LOG does', () => {
    const res = ipt('-A', 'OUTPUT', '-d', '198.51.100.23', '-j', 'LOG', '--log-prefix', 'C2 beacon ',
      '--log-level', 'info');
    const op = res.events?.[0]?.type === 'firewall' ? res.events[0].op : undefined;
    expect(op).toEqual({ kind: 'append', chain: 'OUTPUT', rule: rule({
      destination: '198.51.100.23/32', target: 'LOG', targetOptions: '--log-prefix "C2 beacon " --log-level 6',
    }) });
    const w = web01();
    if (op?.kind === 'append') w.firewall.tables[0]?.chains[2]?.rules.push(op.rule);
    const list = (...args: string[]) => iptablesTool.run({
      argv: ['iptables', ...args], stdin: '', world: w, uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
    }).stdout.split('\n')[2];
    expect(list('-L', 'OUTPUT')).toBe(
      'LOG        all  --  anywhere             198.51.100.23        LOG level info prefix "C2 beacon "');
    expect(list('-nL', 'OUTPUT')).toBe(
      'LOG        0    --  0.0.0.0/0            198.51.100.23        LOG flags 0 level 6 prefix "C2 beacon "');
  });

  it('refuses real matches it cannot model, and unknown ones as iptables does', () => {
    expect(ipt('-A', 'OUTPUT', '-p', 'tcp', '-m', 'multiport', '--dports', '4444,9001', '-j', 'DROP'))
      .toEqual({ stdout: '', stderr: "iptables: the `multiport' match is not simulated in this lab\n", exitCode: 2 });
    expect(ipt('-A', 'OUTPUT', '-m', 'bogus').stderr.split('\n')[0])
      .toBe("iptables v1.8.9 (nf_tables): Couldn't load match `bogus':No such file or directory");
  });
});

describe('iptables -S CHAIN N and -w', () => {
  it('prints one rule in save form, and waits for nothing', () => {
    expect(ipt('-S', 'INPUT', '1').stdout).toBe('-A INPUT -p tcp -m tcp --dport 31337 -j ACCEPT\n');
    expect(ipt('-w', '5', '-S', 'INPUT', '9').stderr).toBe('iptables: No chain/target/match by that name.\n');
    expect(ipt('-w', '-S', 'FORWARD').stdout).toBe('-P FORWARD ACCEPT\n');
  });
});

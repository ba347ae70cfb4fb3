import { describe, expect, it } from 'vitest';
import { NOW, web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';

const ip = (args: string[], uid = 0) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid, user: 'x', cwd: '/', env: new Map(), shellPid: 1,
});

describe('ip errors and abbreviations', () => {
  const cases: [string[], string, number][] = [
    [['foo'], 'Object "foo" is unknown, try "ip help".\n', 1],
    [['-foo', 'a'], 'Option "-foo" is unknown, try "ip -help".\n', 255],
    [['addr', 'show', 'dev', 'wlan0'], 'Device "wlan0" does not exist.\n', 1],
    [['link', 'show', 'wlan0'], 'Device "wlan0" does not exist.\n', 1],
    [['addr', 'blah'], 'Command "blah" is unknown, try "ip address help".\n', 255],
    [['route', 'blah'], 'Command "blah" is unknown, try "ip route help".\n', 255],
    [['route', 'show', 'dev', 'wlan0'], 'Cannot find device "wlan0"\n', 1],
    [['neigh', 'show', 'dev', 'wlan0'], 'Cannot find device "wlan0"\n', 1],
    [['route', 'get', 'c2.example'], 'Error: inet prefix is expected rather than "c2.example".\n', 1],
    [['link', 'set', 'wlan0', 'down'], 'Cannot find device "wlan0"\n', 1],
  ];
  for (const [args, stderr, exitCode] of cases) {
    it(`ip ${args.join(' ')}`, () => expect(ip(args)).toEqual({ stdout: '', stderr, exitCode }));
  }

  it('takes the abbreviations ip takes', () => {
    const full = ip(['address', 'show']).stdout;
    for (const a of [['a'], ['ad', 's'], ['addr', 'list'], ['addr', 'ls']]) expect(ip(a).stdout).toBe(full);
    expect(ip(['r', 'list']).stdout).toBe(ip(['route']).stdout);
    expect(ip(['n']).stdout).toBe(ip(['neighbour', 'show']).stdout);
    expect(ip(['-br', 'l']).stdout).toBe(ip(['-brief', 'link']).stdout);
    expect(ip(['--stats', 'link']).stdout).toBe(ip(['-s', 'link']).stdout);
    expect(ip(['-c', 'a']).stdout).toBe(full);
  });

  it('sets links up and down as root only', () => {
    expect(ip(['link', 'set', 'dev', 'eth0', 'down'])).toEqual({
      stdout: '', stderr: '', exitCode: 0, events: [{ type: 'iface', at: NOW, iface: 'eth0', up: false }],
    });
    expect(ip(['link', 'set', 'eth0', 'up'], 1001)).toEqual({
      stdout: '', stderr: 'RTNETLINK answers: Operation not permitted\n', exitCode: 2,
    });
    expect(ip(['route', 'add', '192.0.2.0/24', 'via', '10.10.0.1'], 1001).exitCode).toBe(2);
    expect(ip(['route', 'del', 'default']).stderr).toBe('ip: this change is not simulated in this lab\n');
  });
});

describe('ip route get', () => {
  it('routes the C2 address through the gateway', () => {
    expect(ip(['route', 'get', '198.51.100.23']).stdout).toBe(
      '198.51.100.23 via 10.10.0.1 dev eth0 src 10.10.0.5 uid 0 \n    cache \n',
    );
  });
  it('prefers the longest prefix and answers local addresses from the local table', () => {
    expect(ip(['r', 'g', '10.10.0.1'], 1001).stdout).toBe('10.10.0.1 dev eth0 src 10.10.0.5 uid 1001 \n    cache \n');
    expect(ip(['route', 'get', '172.17.0.9']).stdout.startsWith('172.17.0.9 dev docker0 src 172.17.0.1 ')).toBe(true);
    expect(ip(['route', 'get', '10.10.0.5']).stdout).toBe(
      'local 10.10.0.5 dev lo table local src 10.10.0.5 uid 0 \n    cache <local> \n',
    );
  });
  it('says the network is unreachable without a default route', () => {
    const w = web01();
    const world = { ...w, routes: w.routes.filter((r) => r.dst !== 'default') };
    const res = ipTool.run({
      argv: ['ip', 'route', 'get', '198.51.100.23'], stdin: '', world, uid: 0, user: 'root', cwd: '/',
      env: new Map(), shellPid: 1,
    });
    expect(res).toEqual({ stdout: '', stderr: 'RTNETLINK answers: Network is unreachable\n', exitCode: 2 });
  });
});

describe('ip route show PREFIX', () => {
  it('lists only the route to exactly that prefix', () => {
    expect(ip(['route', 'show', 'default']).stdout).toBe('default via 10.10.0.1 dev eth0 \n');
    expect(ip(['r', 's', '10.8.0.1/32']).stdout)
      .toBe('10.8.0.1 dev tun0 proto kernel scope link src 10.8.0.2 linkdown \n');
    expect(ip(['route', 'show', '10.10.0.0/16']).stdout).toBe('');
  });
});

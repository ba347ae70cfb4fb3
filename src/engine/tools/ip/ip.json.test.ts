import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';
import { jsonOutput } from './jsonw';

const ip = (...args: string[]) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
}).stdout;

describe('ip -json', () => {
  it('writes compact JSON with iproute2 field names', () => {
    expect(JSON.parse(ip('-j', 'addr', 'show', 'tun0'))).toEqual([{
      ifindex: 3, ifname: 'tun0', flags: ['NO-CARRIER', 'POINTOPOINT', 'MULTICAST', 'NOARP', 'UP'],
      mtu: 1500, qdisc: 'pfifo_fast', operstate: 'DOWN', group: 'default', txqlen: 500,
      link_type: 'none',
      addr_info: [{
        family: 'inet', local: '10.8.0.2', address: '10.8.0.1', prefixlen: 32, scope: 'global',
        label: 'tun0', valid_life_time: 4294967295, preferred_life_time: 4294967295,
      }],
    }]);
    const eth0 = JSON.parse(ip('-j', 'link', 'show', 'eth0'))[0];
    expect(Object.keys(eth0)).toEqual([
      'ifindex', 'ifname', 'link_index', 'flags', 'mtu', 'qdisc', 'operstate', 'linkmode', 'group',
      'txqlen', 'link_type', 'address', 'broadcast', 'link_netnsid',
    ]);
  });

  it('prints routes with gateway, protocol, prefsrc and flags', () => {
    expect(ip('-j', 'r').split('},{')[1]).toBe(
      '"dst":"10.8.0.1","dev":"tun0","protocol":"kernel","scope":"link","prefsrc":"10.8.0.2","flags":["linkdown"]',
    );
    expect(JSON.parse(ip('-6', '-j', 'route'))[0]).toEqual({
      dst: '2001:db8:10::/64', dev: 'eth0', protocol: 'kernel', metric: 256, flags: [], pref: 'medium',
    });
  });

  it('pretty-prints in json_writer layout with -p', () => {
    expect(jsonOutput([{ a: 1, b: ['x', 'y'], c: [], d: [{ e: 2 }] }], true)).toBe(
      '[ {\n        "a": 1,\n        "b": [ "x","y" ],\n        "c": [ ],\n'
      + '        "d": [ {\n                "e": 2\n            } ]\n    } ]\n',
    );
    expect(ip('-j', '-p', 'route', 'show', 'dev', 'docker0')).toBe(
      '[ {\n        "dst": "172.17.0.0/16",\n        "protocol": "kernel",\n        "scope": "link",\n'
      + '        "prefsrc": "172.17.0.1",\n        "flags": [ ]\n    } ]\n',
    );
  });

  it('adds stats64 for ip -s -j link', () => {
    const eth0 = JSON.parse(ip('-s', '-j', 'link', 'show', 'eth0'))[0];
    expect(eth0.stats64.tx).toEqual({
      bytes: 358170, packets: 245, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0,
    });
  });
});

describe('ip -json neigh', () => {
  it('prints state as an array, as ipneigh.c does', () => {
    expect(ip('-j', 'neigh')).toBe(
      '[{"dst":"10.10.0.1","dev":"eth0","lladdr":"e2:3d:4c:1f:44:de","state":["REACHABLE"]},'
      + '{"dst":"203.0.113.45","dev":"eth0","lladdr":"e2:3d:4c:1f:44:de","state":["STALE"]}]\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ipTool } from './ip';

const ip = (args: string[]) => ipTool.run({
  argv: ['ip', ...args], stdin: '', world: web01(), uid: 0, user: 'root', cwd: '/', env: new Map(), shellPid: 1,
});

describe('ip route show table local|all', () => {
  it('table all: main, then the local table in address order, each marked with its table', () => {
    expect(ip(['-4', 'r', 'show', 'table', 'all'])).toEqual({ stderr: '', exitCode: 0, stdout: `\
default via 10.10.0.1 dev eth0 
10.8.0.1 dev tun0 proto kernel scope link src 10.8.0.2 linkdown 
10.10.0.0/24 dev eth0 proto kernel scope link src 10.10.0.5 
172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 
local 10.8.0.2 dev tun0 table local proto kernel scope host src 10.8.0.2 
local 10.10.0.5 dev eth0 table local proto kernel scope host src 10.10.0.5 
broadcast 10.10.0.255 dev eth0 table local proto kernel scope link src 10.10.0.5 
local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 
local 172.17.0.1 dev docker0 table local proto kernel scope host src 172.17.0.1 
broadcast 172.17.255.255 dev docker0 table local proto kernel scope link src 172.17.0.1 
` });
  });

  it('table local alone names no table; the main table is unchanged', () => {
    expect(ip(['route', 'show', 'table', 'local', 'dev', 'lo']).stdout).toBe(`\
local 127.0.0.0/8 proto kernel scope host src 127.0.0.1 
local 127.0.0.1 proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 proto kernel scope link src 127.0.0.1 
`);
    expect(ip(['route']).stdout).not.toContain('local');
  });
});
